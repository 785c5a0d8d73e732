// Creates or changes an SLA policy: its name, whether clocks count only open hours, and the target grid.
import { useState } from 'react';
import { describedBy } from '../../forms.ts';
import { useFormSubmit } from '../../useFormSubmit.ts';
import { settingsApi } from '../../settings/api.ts';
import { withNearestFields } from '../../settings/field-errors.ts';
import { TARGET_FIELDS, targetsDraftOf, targetsOf, type TargetsDraft } from '../../settings/sla-targets.ts';
import type { SlaPolicy } from '../../settings/types.ts';
import { Checkbox } from '../Checkbox.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { SlaTargetsGrid } from './SlaTargetsGrid.tsx';
import { FormActions } from '../FormActions.tsx';

const FIELDS = ['name', 'businessHoursOnly', 'targets', ...TARGET_FIELDS];

interface Draft {
  name: string;
  businessHoursOnly: boolean;
  targets: TargetsDraft;
}

interface SlaPolicyFormProps {
  /** null for a new policy. */
  policy: SlaPolicy | null;
  onSaved: (policy: SlaPolicy) => void;
  onCancel: () => void;
}

export function SlaPolicyForm({ policy, onSaved, onCancel }: SlaPolicyFormProps) {
  const [draft, setDraft] = useState<Draft>(() => ({
    name: policy?.name ?? '',
    businessHoursOnly: policy?.businessHoursOnly ?? true,
    targets: targetsDraftOf(policy?.targets ?? {}),
  }));
  const edit = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const { submit, saving, problem } = useFormSubmit(
    FIELDS,
    withNearestFields(FIELDS, async () => {
      const input = { name: draft.name, businessHoursOnly: draft.businessHoursOnly, targets: targetsOf(draft.targets) };
      onSaved(policy ? await settingsApi.replaceSlaPolicy(policy.id, input) : await settingsApi.createSlaPolicy(input));
    }),
  );
  const { byField } = problem;

  return (
    <form className="panel settings-form" aria-labelledby="sla-form-heading" onSubmit={submit} noValidate>
      <h2 id="sla-form-heading">{policy ? `Edit ${policy.name}` : 'New SLA policy'}</h2>
      {policy && (
        <p className="field-hint">
          Cases opened from now on use the new targets; open cases keep the times they were promised.
        </p>
      )}
      {(problem.general !== null || byField.targets) && <ErrorAlert error={problem.general ?? byField.targets} />}
      <div className="form-row">
        <Field id="sla-name" label="Name" error={byField.name}>
          <input
            {...describedBy('sla-name', byField.name)}
            value={draft.name}
            onChange={(event) => edit({ name: event.target.value })}
          />
        </Field>
      </div>
      <Checkbox
        id="sla-business-hours"
        label="Count only the team’s business hours"
        hint="Off: clocks run around the clock, nights, weekends and holidays included."
        checked={draft.businessHoursOnly}
        error={byField.businessHoursOnly}
        onChange={(businessHoursOnly) => edit({ businessHoursOnly })}
      />
      <SlaTargetsGrid targets={draft.targets} onChange={(targets) => edit({ targets })} errors={byField} />
      <FormActions saving={saving} submitLabel={policy ? 'Save policy' : 'Create policy'} onCancel={onCancel} />
    </form>
  );
}
