// On a case merged into another: "Merged into #1042", linking to the survivor, with Undo for a
// manager or whoever merged it (the server decides anyway).
import { useMutation } from '@tanstack/react-query';
import { caseActions } from '../case-actions.ts';
import { casePath } from '../cases.ts';
import { useCan } from '../permissions.ts';
import { followLink } from '../router.ts';
import { useStaff } from '../staff.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { CaseMergeLink } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import '../case-actions.css';

export function CaseMergeBanner({
  mergedInto,
  onUndone,
}: {
  mergedInto: CaseMergeLink;
  onUndone: () => Promise<unknown>;
}) {
  const me = useStaff();
  const can = useCan();
  const undo = useMutation({
    mutationFn: () => caseActions.undoMerge(mergedInto.mergeId),
    onSuccess: () => onUndone(),
  });
  const href = casePath(mergedInto.number);
  const mayUndo = can('cases:write') && (can('customers:merge') || mergedInto.mergedBy === me.id);
  return (
    <div className="merged-banner" role="note" data-testid="merged-banner">
      <span>
        Merged into{' '}
        <a href={href} onClick={(event) => followLink(event, href)}>
          #{mergedInto.number}
        </a>{' '}
        <time dateTime={mergedInto.mergedAt} title={absoluteTime(mergedInto.mergedAt)}>
          {relativeTime(mergedInto.mergedAt)}
        </time>
        : its conversation and history are there now.
      </span>
      {mayUndo && (
        <button type="button" className="small" disabled={undo.isPending} onClick={() => undo.mutate()}>
          {undo.isPending ? 'Undoing…' : 'Undo merge'}
        </button>
      )}
      {undo.isError && <ErrorAlert error={undo.error} />}
    </div>
  );
}
