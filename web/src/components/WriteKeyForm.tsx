// Creates a write key for one ingest source; the server's objections appear beside the field they concern.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../api.ts';
import { useZodForm } from '../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import type { CreatedWriteKey } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

// The source's form (lower case) is the server's rule, refused beside the field.
const writeKeySchema = z.object({
  name: z.string().transform((name) => name.trim()),
  // A blank source is left out so the server derives it from the name.
  source: z.string().transform((source) => source.trim() || undefined),
});

export function WriteKeyForm({ onCreated }: { onCreated: (created: CreatedWriteKey) => void }) {
  const form = useZodForm(writeKeySchema, { defaultValues: { name: '', source: '' }, fields: ['name', 'source'] });
  const invalidate = useInvalidate();
  const create = useMutation({
    mutationFn: ({ name, source }: z.output<typeof writeKeySchema>) => api.createWriteKey(name, source),
    onSuccess: () => invalidate(queryKeys.writeKeys()),
  });
  const name = form.watch('name');

  return (
    <form
      className="panel settings-form"
      aria-labelledby="new-key-heading"
      onSubmit={form.submitWith(async (values) => {
        const created = await create.mutateAsync(values);
        form.reset();
        onCreated(created);
      })}
      noValidate
    >
      <h2 id="new-key-heading">New write key</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="key-name" label="Name" error={form.errorOf('name')} hint="What sends with it, e.g. “Web shop”.">
          <input {...form.input('name', 'key-name')} maxLength={100} />
        </Field>
        <Field
          id="key-source"
          label="Source (optional)"
          error={form.errorOf('source')}
          hint="The system whose user ids it sends, in lower case, e.g. “shopify”. Blank: taken from the name."
        >
          <input {...form.input('source', 'key-source')} maxLength={64} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.saving || name.trim() === ''}>
        {form.saving ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}
