// Sets a flag by hand: one of the usual four with a click, or any lower_snake_case word, with an optional reason.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { humanize } from '../labels.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const USUAL_FLAGS = ['vip', 'past_issues', 'needs_extra_support', 'at_risk'];

// The flag's form (lower_snake_case) and the reason's length are the server's rules; it names the field it refuses.
const flagSchema = z.object({
  flag: z.string().transform((flag) => flag.trim()),
  reason: z.string().transform((reason) => reason.trim() || null),
});

export function FlagForm({ customerId, onSet }: { customerId: string; onSet: () => Promise<void> }) {
  const form = useZodForm(flagSchema, { defaultValues: { flag: '', reason: '' }, fields: ['flag', 'reason'] });
  const invalidate = useInvalidate();
  const setFlag = useMutation({
    mutationFn: ({ flag, reason }: z.output<typeof flagSchema>) => api.setFlag(customerId, flag, reason),
    onSuccess: () => invalidate(queryKeys.customer(customerId)),
  });
  const flag = form.watch('flag');

  return (
    <details className="card-edit">
      <summary>Set a flag</summary>
      <form
        onSubmit={form.submitWith(async (values) => {
          await setFlag.mutateAsync(values);
          form.reset();
          await onSet();
        })}
        noValidate
        aria-label="Set a flag"
      >
        {form.general !== null && <ErrorAlert error={form.general} />}
        {/* biome-ignore lint/a11y/useSemanticElements: a row of chips, not a fieldset with a legend; the group is named all the same. */}
        <div className="chips" role="group" aria-label="Usual flags">
          {USUAL_FLAGS.map((usual) => (
            <button
              type="button"
              key={usual}
              className={usual === flag ? 'chip chosen' : 'chip'}
              aria-pressed={usual === flag}
              onClick={() => form.setValue('flag', usual)}
            >
              {humanize(usual)}
            </button>
          ))}
        </div>
        <Field id="flag-name" label="Flag" error={form.errorOf('flag')} hint="Or your own, in lower_snake_case.">
          <input {...form.input('flag', 'flag-name')} placeholder="e.g. at_risk" />
        </Field>
        <Field id="flag-reason" label="Reason (optional)" error={form.errorOf('reason')}>
          <input {...form.input('reason', 'flag-reason')} maxLength={500} />
        </Field>
        <button type="submit" className="primary small" disabled={form.saving || flag.trim() === ''}>
          {form.saving ? 'Setting…' : 'Set flag'}
        </button>
      </form>
    </details>
  );
}
