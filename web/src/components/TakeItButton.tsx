// One click to make a case mine: assigned to me and moved to my team, as any reassignment does.
// On the case page and on each inbox row; a refusal (say the case was closed meanwhile) shows beside it.
import { useMutation } from '@tanstack/react-query';
import { caseActions } from '../case-actions.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface TakeItButtonProps {
  caseId: string;
  number: number;
  onTaken: () => unknown;
}

export function TakeItButton({ caseId, number, onTaken }: TakeItButtonProps) {
  const take = useMutation({ mutationFn: () => caseActions.take(caseId), onSuccess: () => onTaken() });
  const busy = take.isPending;
  return (
    <span className="take-it">
      <button
        type="button"
        className="small"
        data-testid="take-it"
        // Starts with the visible text, so voice control finds it; the number tells rows apart.
        aria-label={`${busy ? 'Taking…' : 'Take it'}: case #${number}`}
        disabled={busy}
        onClick={() => take.mutate()}
      >
        {busy ? 'Taking…' : 'Take it'}
      </button>
      {take.isError && <ErrorAlert error={take.error} />}
    </span>
  );
}
