// On a case an escalation rule raised: to what priority, by which rule and when, and the customer's words that did
// it, so the agent sees why it jumped the queue (and a manager where to change the rule).
import { humanize } from '../labels.ts';
import { useCan } from '../permissions.ts';
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { CaseEscalation } from '../api/types.ts';

const RULES_PATH = '/settings/escalation-rules';

export function CaseEscalationNote({ escalation }: { escalation: CaseEscalation }) {
  const can = useCan();
  return (
    <p className="note escalation-note" role="note" data-testid="escalation-note">
      <span>
        Raised to <strong>{humanize(escalation.priority)}</strong> by “{escalation.rule}”{' '}
        <time dateTime={escalation.at} title={absoluteTime(escalation.at)}>
          {relativeTime(escalation.at)}
        </time>
        : {escalation.why}
      </span>
      {can('settings:manage') && (
        <a href={RULES_PATH} onClick={(event) => followLink(event, RULES_PATH)}>
          Escalation rules
        </a>
      )}
    </p>
  );
}
