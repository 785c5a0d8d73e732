// A table of rules tried in order (assignment, escalation rules): its head, numbered rows, and each row's actions
// (move up or down, edit, delete).
import type { ReactNode } from 'react';
import { ConfirmButton } from '../ConfirmButton.tsx';

interface RuleTableProps {
  /** Names the table: "Assignment rules". */
  label: string;
  /** The headings of the columns between the rule and its actions: "Goes to". */
  columns: readonly string[];
  /** A `<tr>` per rule in the order tried: RuleCells, the columns' cells, then RuleRowActions. */
  children: ReactNode;
}

export function RuleTable({ label, columns, children }: RuleTableProps) {
  return (
    <table className="data-table settings-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="rule-number">
            #
          </th>
          <th scope="col">Rule</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** What a list of rules tried in order is given by the page that shows it. */
export interface RuleListProps<Rule> {
  rules: Rule[];
  /** Set while a move is being saved: the order and edit buttons wait for it. */
  busy: boolean;
  onMove: (index: number, offset: -1 | 1) => void;
  onEdit: (rule: Rule) => void;
  onDelete: (rule: Rule) => Promise<void>;
}

/** A rule's first two cells: its place in the order, and its name over its conditions in words. */
export function RuleCells({ index, name, conditions }: { index: number; name: string; conditions: string }) {
  return (
    <>
      <td className="tabular">{index + 1}</td>
      <td>
        <strong>{name}</strong>
        <div className="muted small-text">{conditions}</div>
      </td>
    </>
  );
}

interface RuleRowActionsProps<Rule extends { name: string }> {
  rule: Rule;
  index: number;
  /** The list the row is in: its length, whether it is busy, and what the buttons do. */
  list: RuleListProps<Rule>;
  /** What deleting it does, in words: asked before it is done. */
  deleteQuestion: string;
  /** Actions before the others (escalation rules put their on/off switch there). */
  children?: ReactNode;
}

export function RuleRowActions<Rule extends { name: string }>(props: RuleRowActionsProps<Rule>) {
  const { rule, index, list, deleteQuestion, children } = props;
  const { name } = rule;
  const { busy, onMove } = list;
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
          disabled={busy || index === list.rules.length - 1}
          onClick={() => onMove(index, 1)}
        >
          ↓
        </button>
      </span>
      <button
        type="button"
        className="small"
        aria-label={`Edit ${name}`}
        disabled={busy}
        onClick={() => list.onEdit(rule)}
      >
        Edit
      </button>
      <ConfirmButton label="Delete" question={deleteQuestion} onConfirm={() => list.onDelete(rule)} />
    </td>
  );
}
