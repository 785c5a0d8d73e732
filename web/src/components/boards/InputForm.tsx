// Records what a member said (or the board together): at which session, her words, and optionally the idea it
// asks for, which makes her a requester of it. Her words also join her timeline, read by listening.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { formatDate } from '../../time.ts';
import { UNNAMED_CUSTOMER } from '../../customer-label.ts';
import { boardApi, type AdvisoryBoard, type IdeaChoice, type NewInput } from '../../feedback/board-api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';
import { ideaName } from './IdeaLink.tsx';

// An empty choice is "none"; whether the words are there is the server's rule, named on the field.
const inputSchema = z
  .object({ customerId: z.string(), sessionId: z.string(), text: z.string(), ideaId: z.string() })
  .transform(
    (draft): NewInput => ({
      customerId: draft.customerId || null,
      sessionId: draft.sessionId || null,
      text: draft.text,
      ideaId: draft.ideaId || null,
    }),
  );

interface InputFormProps {
  board: AdvisoryBoard;
  ideas: readonly IdeaChoice[];
}

export function InputForm({ board, ideas }: InputFormProps) {
  // The latest session is the likeliest one the input was given at.
  const blank = { customerId: '', sessionId: board.sessions[0]?.id ?? '', text: '', ideaId: '' };
  const form = useZodForm(inputSchema, { defaultValues: blank, fields: ['customerId', 'sessionId', 'text', 'ideaId'] });
  const invalidate = useInvalidate();
  const record = useMutation({
    mutationFn: (input: NewInput) => boardApi.recordInput(board.id, input),
    onSuccess: (_, input) =>
      invalidate(
        queryKeys.advisoryBoards(),
        queryKeys.feedbackFeed(),
        ...(input.ideaId ? [queryKeys.ideasToLink()] : []),
        ...(input.customerId ? [queryKeys.timeline(input.customerId)] : []),
      ),
  });
  const [recorded, setRecorded] = useState<string | null>(null);
  const members = [...board.members].sort((a, b) =>
    (a.customerLabel ?? UNNAMED_CUSTOMER).localeCompare(b.customerLabel ?? UNNAMED_CUSTOMER),
  );
  return (
    <form
      className="panel settings-form board-form"
      aria-labelledby="input-form-heading"
      onSubmit={form.submitWith(async (input) => {
        setRecorded(null);
        await record.mutateAsync(input);
        form.reset({ ...blank, sessionId: form.getValues('sessionId') });
        setRecorded(input.ideaId ? 'Input recorded and linked to the idea.' : 'Input recorded.');
      })}
      noValidate
    >
      <h3 id="input-form-heading">Record input</h3>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="input-member" label="Who said it" error={form.errorOf('customerId')}>
          <select {...form.input('customerId', 'input-member')}>
            <option value="">The board together</option>
            {members.map((member) => (
              <option key={member.customerId} value={member.customerId}>
                {member.customerLabel ?? UNNAMED_CUSTOMER}
              </option>
            ))}
          </select>
        </Field>
        <Field id="input-session" label="Session" error={form.errorOf('sessionId')}>
          <select {...form.input('sessionId', 'input-session')}>
            <option value="">No session</option>
            {board.sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.title} ({formatDate(session.heldAt)})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="input-text" label="What was said" error={form.errorOf('text')} hint="In the member’s own words.">
        <textarea {...form.input('text', 'input-text')} rows={3} />
      </Field>
      <Field
        id="input-idea"
        label="Idea it asks for (optional)"
        error={form.errorOf('ideaId')}
        hint="She becomes a requester of the idea in these words."
      >
        <select {...form.input('ideaId', 'input-idea')}>
          <option value="">No idea</option>
          {ideas.map((idea) => (
            <option key={idea.id} value={idea.id}>
              {ideaName(idea)}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          {form.saving ? 'Recording…' : 'Record the input'}
        </button>
        <span role="status">{recorded ?? ''}</span>
      </div>
    </form>
  );
}
