// "Change status": declined and already possible ask for the reason every requester is owed (why not, how to do
// it today); the server holds that rule and its refusal shows beside the reason.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { IDEA_STATUS_LABELS, IDEA_STATUSES, REASON_LABELS } from '../ideas.ts';
import { type Idea, type IdeaStatus, ideasApi } from '../ideas-api.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const statusSchema = z.object({
  status: z.enum(IDEA_STATUSES as [IdeaStatus, ...IdeaStatus[]]),
  reason: z.string(),
});

export function IdeaStatusForm({ idea, onChanged }: { idea: Idea; onChanged: (changed: Idea) => void }) {
  const form = useZodForm(statusSchema, {
    defaultValues: { status: idea.status, reason: idea.statusReason ?? '' },
    fields: ['status', 'reason'],
  });
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: ({ status, reason }: z.output<typeof statusSchema>) =>
      // Only the statuses that owe a reason keep one: another status clears it.
      ideasApi.changeStatus(idea.id, status, REASON_LABELS[status] ? reason.trim() || null : null),
    onSuccess: () => invalidate(queryKeys.ideas()),
  });
  const reasonLabel = REASON_LABELS[form.watch('status')];

  return (
    <form
      className="panel idea-status-form"
      aria-labelledby="idea-status-heading"
      onSubmit={form.submitWith(async (values) => onChanged(await change.mutateAsync(values)))}
      noValidate
    >
      <h2 id="idea-status-heading">Change status</h2>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field id="idea-status" label="Status" error={form.errorOf('status')}>
        <select {...form.input('status', 'idea-status')}>
          {IDEA_STATUSES.map((status) => (
            <option key={status} value={status}>
              {IDEA_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </Field>
      {reasonLabel && (
        <Field
          id="idea-reason"
          label={reasonLabel}
          error={form.errorOf('reason')}
          hint="Required: every requester is told it in her reply."
        >
          <textarea {...form.input('reason', 'idea-reason')} rows={3} maxLength={5000} aria-required="true" />
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          {form.saving ? 'Saving…' : 'Change status'}
        </button>
      </div>
    </form>
  );
}
