// Creates or changes an SLA policy: its name, whether clocks count only open hours, and the target grid.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import { TARGET_FIELDS, targetsDraftOf, targetsOf, type TargetsDraft } from '../../settings/sla-targets.ts';
import type { SlaPolicy } from '../../settings/types.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { FormActions } from '../FormActions.tsx';
import { SlaTargetsGrid } from './SlaTargetsGrid.tsx';

const FIELDS = ['name', 'businessHoursOnly', 'targets', ...TARGET_FIELDS];

// The policy as the API takes it: targets in minutes. Their ranges and the name being given are the server's rules.
const slaPolicySchema = z.object({
  name: z.string(),
  businessHoursOnly: z.boolean(),
  targets: z.custom<TargetsDraft>().transform(targetsOf),
});
type SlaPolicyInput = z.output<typeof slaPolicySchema>;

interface SlaPolicyFormProps {
  /** null for a new policy. */
  policy: SlaPolicy | null;
  onSaved: (policy: SlaPolicy) => void;
  onCancel: () => void;
}

export function SlaPolicyForm({ policy, onSaved, onCancel }: SlaPolicyFormProps) {
  const form = useZodForm(slaPolicySchema, {
    defaultValues: {
      name: policy?.name ?? '',
      businessHoursOnly: policy?.businessHoursOnly ?? true,
      targets: targetsDraftOf(policy?.targets ?? {}),
    },
    fields: FIELDS,
    nearest: true,
  });
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: (input: SlaPolicyInput) =>
      policy ? settingsApi.replaceSlaPolicy(policy.id, input) : settingsApi.createSlaPolicy(input),
    // Teams show their policy's name.
    onSuccess: () => invalidate(queryKeys.slaPolicies(), queryKeys.teams()),
  });
  const [businessHoursOnly, targets] = form.watch(['businessHoursOnly', 'targets']);
  const targetsError = form.errorOf('targets');

  return (
    <form
      className="panel settings-form"
      aria-labelledby="sla-form-heading"
      onSubmit={form.submitWith(async (input) => onSaved(await save.mutateAsync(input)))}
      noValidate
    >
      <h2 id="sla-form-heading">{policy ? `Edit ${policy.name}` : 'New SLA policy'}</h2>
      {policy && (
        <p className="field-hint">
          Cases opened from now on use the new targets; open cases keep the times they were promised.
        </p>
      )}
      {(form.general !== null || targetsError) && <ErrorAlert error={form.general ?? targetsError} />}
      <div className="form-row">
        <Field id="sla-name" label="Name" error={form.errorOf('name')}>
          <input {...form.input('name', 'sla-name')} />
        </Field>
      </div>
      <Checkbox
        id="sla-business-hours"
        label="Count only the team’s business hours"
        hint="Off: clocks run around the clock, nights, weekends and holidays included."
        checked={businessHoursOnly}
        error={form.errorOf('businessHoursOnly')}
        onChange={(on) => form.setValue('businessHoursOnly', on)}
      />
      <SlaTargetsGrid
        targets={targets}
        onChange={(changed) => form.setValue('targets', changed)}
        errorOf={form.errorOf}
      />
      <FormActions saving={form.saving} submitLabel={policy ? 'Save policy' : 'Create policy'} onCancel={onCancel} />
    </form>
  );
}
