// Assignment rules in the order they are tried: the first that matches a new case decides its team.
import { describeConditions } from '../../settings/conditions.ts';
import type { AssignmentRule, TeamSettings } from '../../settings/types.ts';
import { RuleCells, RuleRowActions, RuleTable, type RuleListProps } from './RuleTable.tsx';

interface AssignmentRuleListProps extends RuleListProps<AssignmentRule> {
  teams: TeamSettings[];
}

export function RuleList(props: AssignmentRuleListProps) {
  const { rules, teams } = props;
  if (rules.length === 0) return <p className="empty-state">No rules: every new case goes to the default team.</p>;
  const teamName = (id: string) => teams.find((team) => team.id === id)?.name ?? id;
  return (
    <RuleTable label="Assignment rules" columns={['Goes to']}>
      {rules.map((rule, index) => (
        <tr key={rule.id} data-testid="assignment-rule">
          <RuleCells index={index} name={rule.name} conditions={describeConditions(rule.conditions)} />
          <td>
            {teamName(rule.teamId)}
            {rule.skill && <div className="muted small-text">with skill {rule.skill}</div>}
          </td>
          <RuleRowActions
            rule={rule}
            index={index}
            list={props}
            deleteQuestion={`Delete “${rule.name}”? New cases it matched go to the next rule that matches.`}
          />
        </tr>
      ))}
    </RuleTable>
  );
}
