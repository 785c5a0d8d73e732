// Merges this customer took part in; staff who may merge can undo one that still stands.
import { api } from '../api.ts';
import { formatDate } from '../time.ts';
import type { Merge } from '../api/types.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

interface MergesProps {
  merges: Merge[];
  survivorId: string;
  /** Present only for staff who may merge; refreshes the card after an undo. */
  onUndone?: () => Promise<void>;
}

export function Merges({ merges, survivorId, onUndone }: MergesProps) {
  return (
    <ul className="merges">
      {merges.map((merge) => {
        const other = merge.survivorId === survivorId ? merge.absorbedId : merge.survivorId;
        return (
          <li key={merge.id} data-testid="merge" className={merge.undoneAt ? 'undone' : undefined}>
            <span className="merge-what">
              {merge.survivorId === survivorId ? (
                <>
                  Absorbed <code>{merge.absorbedId}</code>
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
                  await api.undoMerge(merge.id);
                  await onUndone();
                }}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
