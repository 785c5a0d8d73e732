// One interaction on the timeline: channel icon, what happened, who and where, and its raw properties on demand.
import { humanize, formatValue } from '../labels.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { Interaction } from '../api/types.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { InsightLine } from './InsightLine.tsx';
import { MessageIdeaAction } from './MessageIdeaAction.tsx';

const DIRECTION_LABELS: Record<Interaction['direction'], string> = {
  inbound: 'from customer',
  outbound: 'to customer',
  internal: 'internal',
};

export function TimelineItem({ interaction }: { interaction: Interaction }) {
  const { channel, department, actor, text, occurredAt } = interaction;
  const properties = Object.entries(interaction.properties ?? {});
  const what = interaction.event ?? humanize(interaction.type);
  // Inbound items default to the actor "customer", which "from customer" already says.
  const by = actor && actor !== 'customer' ? `by ${actor}` : null;
  return (
    <li className={`timeline-item direction-${interaction.direction}`} data-testid="timeline-item">
      <span className="timeline-icon">
        <ChannelIcon channel={channel} label={humanize(channel)} />
      </span>
      <div className="timeline-body">
        <div className="timeline-head">
          <span className="timeline-what">{what}</span>
          <time dateTime={occurredAt} title={absoluteTime(occurredAt)} className="muted">
            {relativeTime(occurredAt)}
          </time>
        </div>
        <div className="timeline-meta muted">
          {[humanize(channel), DIRECTION_LABELS[interaction.direction], department && humanize(department), by]
            .filter(Boolean)
            .join(' · ')}
        </div>
        {text && <p className="timeline-text">{text}</p>}
        {interaction.insight && <InsightLine insight={interaction.insight} />}
        <MessageIdeaAction interaction={interaction} />
        {properties.length > 0 && (
          <details className="properties">
            <summary>
              {properties.length} {properties.length === 1 ? 'property' : 'properties'}
            </summary>
            <dl className="kv">
              {properties.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{formatValue(value)}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>
    </li>
  );
}
