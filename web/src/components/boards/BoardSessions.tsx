// A board's sessions, latest first (title, the day it was held, notes), and for those who work with customers
// the form to record one.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useCan } from '../../permissions.ts';
import { formatDate } from '../../time.ts';
import { boardApi, type AdvisoryBoard, type NewSession } from '../../feedback/board-api.ts';
import { heldAtOf, today } from '../../feedback/held-on.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';

export function BoardSessions({ board }: { board: AdvisoryBoard }) {
  const can = useCan();
  return (
    <section className="board-section" aria-labelledby="board-sessions-heading">
      <h2 id="board-sessions-heading" className="list-heading">
        Sessions
      </h2>
      {board.sessions.length === 0 ? (
        <p className="empty-state">No sessions recorded yet.</p>
      ) : (
        <table className="data-table" aria-labelledby="board-sessions-heading">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Held on</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {board.sessions.map((session) => (
              <tr key={session.id} data-testid="board-session">
                <td>{session.title}</td>
                <td>{formatDate(session.heldAt)}</td>
                <td className="board-notes">{session.notes || <span className="muted">None</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can('cases:write') && <SessionForm boardId={board.id} />}
    </section>
  );
}

// Whether the title is there and the day a day are the server's rules, named on their fields.
const sessionSchema = z.object({ title: z.string(), heldAt: z.string(), notes: z.string() }).transform(
  (draft): NewSession => ({
    title: draft.title,
    heldAt: heldAtOf(draft.heldAt),
    ...(draft.notes.trim() ? { notes: draft.notes } : {}),
  }),
);

function SessionForm({ boardId }: { boardId: string }) {
  const form = useZodForm(sessionSchema, {
    defaultValues: { title: '', heldAt: today(), notes: '' },
    fields: ['title', 'heldAt', 'notes'],
  });
  const invalidate = useInvalidate();
  const record = useMutation({
    mutationFn: (session: NewSession) => boardApi.addSession(boardId, session),
    onSuccess: () => invalidate(queryKeys.advisoryBoard(boardId)),
  });
  const [recorded, setRecorded] = useState<string | null>(null);
  return (
    <form
      className="panel settings-form board-form"
      aria-labelledby="session-form-heading"
      onSubmit={form.submitWith(async (session) => {
        setRecorded(null);
        const saved = await record.mutateAsync(session);
        form.reset({ title: '', heldAt: today(), notes: '' });
        setRecorded(`Session “${saved.title}” recorded.`);
      })}
      noValidate
    >
      <h3 id="session-form-heading">Record a session</h3>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="form-row">
        <Field id="session-title" label="Title" error={form.errorOf('title')}>
          <input {...form.input('title', 'session-title')} placeholder="e.g. Spring session" />
        </Field>
        <Field id="session-held" label="Held on" error={form.errorOf('heldAt')}>
          <input {...form.input('heldAt', 'session-held')} type="date" />
        </Field>
      </div>
      <Field id="session-notes" label="Notes (optional)" error={form.errorOf('notes')}>
        <textarea {...form.input('notes', 'session-notes')} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          {form.saving ? 'Recording…' : 'Record the session'}
        </button>
        <span role="status">{recorded ?? ''}</span>
      </div>
    </form>
  );
}
