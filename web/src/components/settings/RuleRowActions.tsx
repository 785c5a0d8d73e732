// The actions on a row of a list of rules tried in order (assignment, escalation): move up or down, edit, delete;
// `children` go first (escalation rules put their on/off switch there).
import type { ReactNode } from 'react';
import { ConfirmButton } from '../ConfirmButton.tsx';

interface RuleRowActionsProps {
  name: string;
  index: number;
  count: number;
  /** Set while a move is being saved: the order buttons wait for it. */
  busy: boolean;
  /** What deleting it does, in words: asked before it is done. */
  deleteQuestion: string;
  onMove: (index: number, offset: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => Promise<void>;
  children?: ReactNode;
}

export function RuleRowActions(props: RuleRowActionsProps) {
  const { name, index, count, busy, deleteQuestion, onMove, onEdit, onDelete, children } = props;
  return (
    <td className="row-actions">
      {children}
      <span className="order-buttons">
        <button
          type="button"
          className="small"
          aria-label={`Move ${name} up`}
          title="Try earlier"
          disabled={busy || index === 0}
          onClick={() => onMove(index, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="small"
          aria-label={`Move ${name} down`}
          title="Try later"
          disabled={busy || index === count - 1}
          onClick={() => onMove(index, 1)}
        >
          ↓
        </button>
      </span>
      <button type="button" className="small" aria-label={`Edit ${name}`} disabled={busy} onClick={onEdit}>
        Edit
      </button>
      <ConfirmButton label="Delete" question={deleteQuestion} onConfirm={onDelete} />
    </td>
  );
}
