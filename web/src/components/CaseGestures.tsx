// The gestures offered on a case and what became of them; managers approve or reject those waiting
// (never their own: someone else must approve what they asked for).
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { describeGesture } from '../cases.ts';
import { useCan } from '../permissions.ts';
import { useStaff } from '../staff.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { Gesture } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

const STATUS_LABELS: Record<Gesture['status'], string> = {
  issued: 'Issued',
  pending: 'Waiting for approval',
  rejected: 'Rejected',
};

export function CaseGestures({ gestures, onChanged }: { gestures: Gesture[]; onChanged: () => Promise<void> }) {
  if (gestures.length === 0) return null;
  return (
    <section className="panel case-gestures" aria-labelledby="gestures-heading">
      <h2 id="gestures-heading">
        Gestures <span className="count">{gestures.length}</span>
      </h2>
      <ul className="gesture-list">
        {gestures.map((gesture) => (
          <GestureItem key={gesture.id} gesture={gesture} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}

function GestureItem({ gesture, onChanged }: { gesture: Gesture; onChanged: () => Promise<void> }) {
  const can = useCan();
  const me = useStaff();
  const mayDecide = gesture.status === 'pending' && can('gestures:approve') && gesture.issuedBy !== me.id;
  return (
    <li className={`gesture gesture-${gesture.status}`} data-testid="gesture" data-status={gesture.status}>
      <div className="gesture-line">
        <strong>{describeGesture(gesture)}</strong>
        <span className={`status gesture-status-${gesture.status}`}>{STATUS_LABELS[gesture.status]}</span>
      </div>
      <p className="muted">
        {gesture.reason} · asked by {gesture.issuedByName ?? 'a colleague'}{' '}
        <span title={absoluteTime(gesture.createdAt)}>{relativeTime(gesture.createdAt)}</span>
        {gesture.decisionNote && ` · “${gesture.decisionNote}”`}
      </p>
      {mayDecide && <Decision gesture={gesture} onChanged={onChanged} />}
      {gesture.status === 'pending' && can('gestures:approve') && !mayDecide && (
        <p className="muted">You asked for this one; another manager decides.</p>
      )}
    </li>
  );
}

function Decision({ gesture, onChanged }: { gesture: Gesture; onChanged: () => Promise<void> }) {
  // One decision at a time; its failure is kept to show.
  const deciding = useMutation({
    mutationFn: async (decide: () => Promise<unknown>) => {
      await decide();
      await onChanged();
    },
  });
  const busy = deciding.isPending;
  const error = deciding.error;
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const what = describeGesture(gesture);
  const approve = () => deciding.mutate(() => api.approveGesture(gesture.id));
  const reject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    deciding.mutate(() => api.rejectGesture(gesture.id, note.trim()));
  };
  return (
    <div className="gesture-decision">
      {rejecting ? (
        <form className="reject-form" onSubmit={reject} aria-label={`Reject ${what}`}>
          <label htmlFor={`reject-${gesture.id}`}>Why not?</label>
          {/* biome-ignore lint/a11y/noAutofocus: the agent just asked to reject; the reason box is where they type next */}
          <input id={`reject-${gesture.id}`} value={note} autoFocus onChange={(event) => setNote(event.target.value)} />
          <button type="submit" className="small danger" disabled={busy || note.trim() === ''}>
            Reject gesture
          </button>
          <button type="button" className="small" disabled={busy} onClick={() => setRejecting(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="confirm-buttons">
          <button
            type="button"
            className="small primary"
            disabled={busy}
            onClick={approve}
            aria-label={`Approve ${what}`}
          >
            Approve
          </button>
          <button
            type="button"
            className="small"
            disabled={busy}
            onClick={() => setRejecting(true)}
            aria-label={`Reject ${what}…`}
          >
            Reject…
          </button>
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}
