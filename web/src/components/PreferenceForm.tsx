// Records a preference the customer told us ("contact.channel = email"); it shows as Stated, with us as its source.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

// Both are required (the button waits for them); their lengths and the key's form are the server's rules.
const preferenceSchema = z.object({
  key: z.string().transform((key) => key.trim()),
  value: z.string().transform((value) => value.trim()),
});

export function PreferenceForm({ customerId, onStated }: { customerId: string; onStated: () => Promise<void> }) {
  const form = useZodForm(preferenceSchema, { defaultValues: { key: '', value: '' }, fields: ['key', 'value'] });
  const invalidate = useInvalidate();
  const state = useMutation({
    mutationFn: ({ key, value }: z.output<typeof preferenceSchema>) => api.statePreference(customerId, key, value),
    onSuccess: () => invalidate(queryKeys.customer(customerId)),
  });
  const [key, value] = form.watch(['key', 'value']);

  return (
    <details className="card-edit">
      <summary>Add a stated preference</summary>
      <form
        onSubmit={form.submitWith(async (values) => {
          await state.mutateAsync(values);
          form.reset();
          await onStated();
        })}
        noValidate
        aria-label="Add a stated preference"
      >
        {form.general !== null && <ErrorAlert error={form.general} />}
        <div className="form-row">
          <Field id="preference-key" label="Preference" error={form.errorOf('key')}>
            <input {...form.input('key', 'preference-key')} maxLength={100} placeholder="e.g. contact.time" />
          </Field>
          <Field id="preference-value" label="Value" error={form.errorOf('value')}>
            <input {...form.input('value', 'preference-value')} maxLength={1000} placeholder="e.g. mornings" />
          </Field>
        </div>
        <button
          type="submit"
          className="primary small"
          disabled={form.saving || key.trim() === '' || value.trim() === ''}
        >
          {form.saving ? 'Saving…' : 'Add preference'}
        </button>
      </form>
    </details>
  );
}
