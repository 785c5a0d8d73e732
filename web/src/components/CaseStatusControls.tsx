// The status moves a case allows right now: Open, Pending, Resolve, Close (asks first: closed is final),
// or Reopen once resolved. A refusal from the server (409 invalid_transition) shows beside them.
import { api } from '../api.ts';
import { statusMoves } from '../cases.ts';
import type { CaseDetail, CaseStatus } from '../types.ts';
import { useAction } from '../useAction.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export function CaseStatusControls({ detail, onChanged }: { detail: CaseDetail; onChanged: () => Promise<void> }) {
  const { run, busy, error } = useAction();
  const moves = statusMoves(detail.status);
  const move = (to: CaseStatus) =>
    run(async () => {
      await api.changeCase(detail.id, { status: to });
      await onChanged();
    });

  if (moves.length === 0) {
    return <p className="muted case-final">This case is closed. A new message from the customer opens a new case.</p>;
  }
  return (
    <div className="status-controls">
      <div className="status-buttons" role="group" aria-label="Change status">
        {moves.map(({ to, label }) =>
          to === 'closed' ? (
            <ConfirmButton
              key={to}
              label={label}
              question={`Close case #${detail.number}? Closed is final: the customer writing again opens a new case.`}
              confirmLabel="Close case"
              onConfirm={async () => {
                await api.changeCase(detail.id, { status: 'closed' });
                await onChanged();
              }}
            />
          ) : (
            <button
              key={to}
              type="button"
              className={to === 'resolved' ? 'small primary' : 'small'}
              disabled={busy}
              onClick={() => move(to)}
            >
              {label}
            </button>
          ),
        )}
      </div>
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}
