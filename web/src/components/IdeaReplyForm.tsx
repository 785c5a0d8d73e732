// A personal reply to one requester: the text offered for the idea's status, for the agent to make her own, sent
// the way she came (her open case, else email, else recorded as answered by hand).
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { replyTemplate } from '../ideas.ts';
import { type Idea, type IdeaReply, type IdeaRequester, ideasApi } from '../ideas-api.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Field } from './Field.tsx';

const replySchema = z.object({ text: z.string().trim().min(1, 'Write the reply: she is owed an answer') });

interface IdeaReplyFormProps {
  idea: Idea;
  requester: IdeaRequester;
  label: string;
  onSent: (reply: IdeaReply) => void;
  onCancel: () => void;
}

export function IdeaReplyForm({ idea, requester, label, onSent, onCancel }: IdeaReplyFormProps) {
  const form = useZodForm(replySchema, {
    defaultValues: { text: replyTemplate(idea, requester.customerLabel) },
    fields: ['text'],
  });
  const invalidate = useInvalidate();
  const send = useMutation({
    mutationFn: (text: string) => ideasApi.reply(idea.id, requester.customerId, text),
    // She is answered (the idea, the list, the health card), and the reply is on her timeline or her case.
    onSuccess: () =>
      invalidate(
        queryKeys.ideas(),
        queryKeys.feedbackMetrics(),
        queryKeys.timeline(requester.customerId),
        queryKeys.cases(),
      ),
  });
  const id = `idea-reply-${requester.customerId}`;
  // The form opens on a click (or after the previous reply): the text is where the agent works next.
  useEffect(() => form.setFocus('text'), [form.setFocus]);

  return (
    <form
      className="idea-reply"
      onSubmit={form.submitWith(async ({ text }) => onSent(await send.mutateAsync(text)))}
      noValidate
    >
      {form.general !== null && <ErrorAlert error={form.general} />}
      <Field
        id={id}
        label={`Reply to ${label}`}
        error={form.errorOf('text')}
        hint="Offered for the idea’s status: make it personal before sending."
      >
        <textarea {...form.input('text', id)} rows={5} maxLength={10_000} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          {form.saving ? 'Sending…' : 'Send reply'}
        </button>
        <button type="button" onClick={onCancel} disabled={form.saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
