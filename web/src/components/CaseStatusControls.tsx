// The status moves a case allows right now: Open, Pending, Resolve, Close (asks first: closed is final),
// or Reopen once resolved. A refusal from the server (409 invalid_transition) shows beside them.
import { useMutation } from '@tanstack/react-query';
import { api } from '../api.ts';
import { statusMoves } from '../cases.ts';
import type { CaseDetail, CaseStatus } from '../api/types.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export function CaseStatusControls({ detail, onChanged }: { detail: CaseDetail; onChanged: () => Promise<void> }) {
  const change = useMutation({
    mutationFn: (to: CaseStatus) => api.changeCase(detail.id, { status: to }),
    onSuccess: () => onChanged(),
  });
  // Closing asks first; ConfirmButton shows its refusal itself.
  const close = useMutation({
    mutationFn: () => api.changeCase(detail.id, { status: 'closed' }),
    onSuccess: () => onChanged(),
  });
  const moves = statusMoves(detail.status);

  if (moves.length === 0) {
    return <p className="muted case-final">This case is closed. A new message from the customer opens a new case.</p>;
  }
  return (
    <div className="status-controls">
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own border and legend; these are a row of buttons named as one group */}
      <div className="status-buttons" role="group" aria-label="Change status">
        {moves.map(({ to, label }) =>
          to === 'closed' ? (
            <ConfirmButton
              key={to}
              label={label}
              question={`Close case #${detail.number}? Closed is final: the customer writing again opens a new case.`}
              confirmLabel="Close case"
              onConfirm={async () => {
                await close.mutateAsync();
              }}
            />
          ) : (
            <button
              key={to}
              type="button"
              className={to === 'resolved' ? 'small primary' : 'small'}
              disabled={change.isPending}
              onClick={() => change.mutate(to)}
            >
              {label}
            </button>
          ),
        )}
      </div>
      {change.isError && <ErrorAlert error={change.error} />}
    </div>
  );
}
