// Escalation rules in the order they are tried: the first enabled one that a customer's words match raises the case.
import { describeEscalation } from '../../settings/escalation-rules.ts';
import type { EscalationRule } from '../../settings/types.ts';
import { PriorityBadge } from '../CaseStatusBadge.tsx';
import { RuleCells, RuleRowActions, RuleTable, type RuleListProps } from './RuleTable.tsx';

interface EscalationRuleListProps extends RuleListProps<EscalationRule> {
  /** The rule's on/off switch, saved at once. */
  onSwitch: (rule: EscalationRule, enabled: boolean) => void;
}

export function EscalationRuleList(props: EscalationRuleListProps) {
  const { rules, busy, onSwitch } = props;
  if (rules.length === 0) return <p className="empty-state">No rules: a customer’s words never raise a case.</p>;
  return (
    <RuleTable label="Escalation rules" columns={['Raises to', 'State']}>
      {rules.map((rule, index) => (
        <tr key={rule.id} data-testid="escalation-rule">
          <RuleCells index={index} name={rule.name} conditions={describeEscalation(rule.conditions)} />
          <td>
            <PriorityBadge priority={rule.priority} />
            <div className="muted small-text">
              {rule.opensCase ? 'Opens cases for comments and reviews too' : 'Comments and reviews open no case'}
            </div>
          </td>
          <td>
            <span className={rule.enabled ? 'status status-on' : 'status status-off'}>
              {rule.enabled ? 'On' : 'Off'}
            </span>
          </td>
          <RuleRowActions
            rule={rule}
            index={index}
            list={props}
            deleteQuestion={`Delete “${rule.name}”? Words it caught go to the next rule that matches.`}
          >
            <button
              type="button"
              className="small"
              aria-label={`${rule.enabled ? 'Turn off' : 'Turn on'} ${rule.name}`}
              disabled={busy}
              onClick={() => onSwitch(rule, !rule.enabled)}
            >
              {rule.enabled ? 'Turn off' : 'Turn on'}
            </button>
          </RuleRowActions>
        </tr>
      ))}
    </RuleTable>
  );
}
