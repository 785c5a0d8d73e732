// "New idea": a title and what it is about, for an idea no customer's message started (one can be turned into an
// idea from her timeline instead); it opens the new idea's page, where requesters are added.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { ideaPath } from '../ideas.ts';
import { ideasApi } from '../ideas-api.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { navigate } from '../router.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const newIdeaSchema = z.object({
  title: z.string().trim().min(1, 'Give the idea a title'),
  body: z.string().transform((body) => body.trim() || undefined),
});

export function NewIdeaForm() {
  const form = useZodForm(newIdeaSchema, { defaultValues: { title: '', body: '' }, fields: ['title', 'body'] });
  const invalidate = useInvalidate();
  const create = useMutation({
    mutationFn: (idea: z.output<typeof newIdeaSchema>) => ideasApi.create(idea),
    onSuccess: () => invalidate(queryKeys.ideas()),
  });
  return (
    <details className="panel new-idea">
      <summary>New idea</summary>
      <form
        aria-label="New idea"
        onSubmit={form.submitWith(async (values) => {
          const idea = await create.mutateAsync(values);
          navigate(ideaPath(idea.number));
        })}
        noValidate
      >
        {form.general !== null && <ErrorAlert error={form.general} />}
        <Field id="new-idea-title" label="Title" error={form.errorOf('title')}>
          <input {...form.input('title', 'new-idea-title')} maxLength={200} autoComplete="off" />
        </Field>
        <Field id="new-idea-body" label="What it is about (optional)" error={form.errorOf('body')}>
          <textarea {...form.input('body', 'new-idea-body')} rows={3} maxLength={10_000} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={form.saving}>
            {form.saving ? 'Creating…' : 'Create idea'}
          </button>
        </div>
      </form>
    </details>
  );
}
