// Merges this customer took part in; staff who may merge can undo one that still stands.
import { useMutation } from '@tanstack/react-query';
import { api } from '../api.ts';
import { formatDate } from '../time.ts';
import type { ContextCard, Merge } from '../api/types.ts';
import { cardLabel } from '../customer-label.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

interface MergesProps {
  merges: Merge[];
  survivorId: string;
  /** The card's identities: those that came with an absorbed record name it (`jane@example.com`, not its id). */
  identities: ContextCard['identities'];
  /** Present only for staff who may merge; refreshes the card after an undo. */
  onUndone?: () => Promise<void>;
}

export function Merges({ merges, survivorId, identities, onUndone }: MergesProps) {
  // ConfirmButton shows a refusal itself.
  const undo = useMutation({ mutationFn: (mergeId: string) => api.undoMerge(mergeId), onSuccess: () => onUndone?.() });
  return (
    <ul className="merges">
      {merges.map((merge) => {
        const other = merge.survivorId === survivorId ? merge.absorbedId : merge.survivorId;
        return (
          <li key={merge.id} data-testid="merge" className={merge.undoneAt ? 'undone' : undefined}>
            <span className="merge-what">
              {merge.survivorId === survivorId ? (
                <>
                  Absorbed <AbsorbedName identities={identities} profileId={merge.absorbedId} />
                  <code>{merge.absorbedId}</code>
                </>
              ) : (
                <>
                  Merged into <code>{merge.survivorId}</code>
                </>
              )}
              <span className="muted">
                {' · '}
                {merge.reason} · {formatDate(merge.mergedAt)}
                {merge.undoneAt && ` · undone ${formatDate(merge.undoneAt)}`}
              </span>
            </span>
            {onUndone && merge.undoneAt === null && (
              <ConfirmButton
                label="Undo merge"
                question={`Split ${other} back out, with its identities and events?`}
                onConfirm={async () => {
                  await undo.mutateAsync(merge.id);
                }}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** What the absorbed record was known by, from the identities it brought (none once the merge is undone). */
function AbsorbedName({ identities, profileId }: { identities: ContextCard['identities']; profileId: string }) {
  const label = cardLabel({
    name: null,
    identities: identities.filter((identity) => identity.profileId === profileId),
  });
  return label ? <strong className="absorbed-name">{label} </strong> : null;
}
