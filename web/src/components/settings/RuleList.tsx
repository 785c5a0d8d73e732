// Assignment rules in the order they are tried: the first that matches a new case decides its team.
import { describeConditions } from '../../settings/conditions.ts';
import type { AssignmentRule, TeamSettings } from '../../settings/types.ts';
import { RuleRowActions } from './RuleRowActions.tsx';

interface RuleListProps {
  rules: AssignmentRule[];
  teams: TeamSettings[];
  /** Set while a move is being saved: the order buttons wait for it. */
  busy: boolean;
  onMove: (index: number, offset: -1 | 1) => void;
  onEdit: (rule: AssignmentRule) => void;
  onDelete: (rule: AssignmentRule) => Promise<void>;
}

export function RuleList({ rules, teams, busy, onMove, onEdit, onDelete }: RuleListProps) {
  if (rules.length === 0) return <p className="empty-state">No rules: every new case goes to the default team.</p>;
  const teamName = (id: string) => teams.find((team) => team.id === id)?.name ?? id;
  return (
    <table className="data-table settings-table" aria-label="Assignment rules">
      <thead>
        <tr>
          <th scope="col" className="rule-number">
            #
          </th>
          <th scope="col">Rule</th>
          <th scope="col">Goes to</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule, index) => (
          <tr key={rule.id} data-testid="assignment-rule">
            <td className="tabular">{index + 1}</td>
            <td>
              <strong>{rule.name}</strong>
              <div className="muted small-text">{describeConditions(rule.conditions)}</div>
            </td>
            <td>
              {teamName(rule.teamId)}
              {rule.skill && <div className="muted small-text">with skill {rule.skill}</div>}
            </td>
            <RuleRowActions
              name={rule.name}
              index={index}
              count={rules.length}
              busy={busy}
              deleteQuestion={`Delete “${rule.name}”? New cases it matched go to the next rule that matches.`}
              onMove={onMove}
              onEdit={() => onEdit(rule)}
              onDelete={() => onDelete(rule)}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
