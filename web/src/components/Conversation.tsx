// A case's conversation, oldest first: the customer's messages, our replies with their delivery,
// internal notes (marked as never sent, and marked again when they mention you), calls and
// service-recovery gestures, each styled apart.
import { humanize } from '../labels.ts';
import { useStaff } from '../staff.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { CaseMessage } from '../types.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { NoteText } from './NoteText.tsx';

const KIND_LABELS: Record<string, string> = {
  inbound: 'Customer',
  reply: 'Reply',
  note: 'Internal note',
  call: 'Call',
  gesture: 'Gesture',
};

/** `mentionsMe`: ids of the notes that mention the signed-in staff member. */
export function Conversation({ messages, customerLabel, mentionsMe }: { messages: CaseMessage[]; customerLabel: string | null; mentionsMe: ReadonlySet<number> }) {
  return (
    <section className="conversation panel" aria-labelledby="conversation-heading" data-testid="conversation">
      <h2 id="conversation-heading">
        Conversation <span className="count">{messages.length}</span>
      </h2>
      {messages.length === 0 ? (
        <p className="empty-state">No messages on this case yet.</p>
      ) : (
        <ol className="message-list">
          {messages.map((message) => (
            <Message key={message.id} message={message} customerLabel={customerLabel} mentionsMe={mentionsMe.has(message.id)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Message({ message, customerLabel, mentionsMe }: { message: CaseMessage; customerLabel: string | null; mentionsMe: boolean }) {
  const me = useStaff();
  const kind = message.kind in KIND_LABELS ? message.kind : 'other';
  const who = message.kind === 'inbound' ? (customerLabel ?? 'Customer') : (message.author?.name ?? null);
  const isNote = message.kind === 'note';
  return (
    <li
      className={`message message-${kind}${mentionsMe ? ' message-mentions-me' : ''}`}
      data-testid="case-message"
      data-kind={message.kind}
      data-mentions-me={mentionsMe || undefined}
    >
      <div className="message-head">
        <span className="message-who">
          <ChannelIcon channel={message.channel} label={humanize(message.channel)} />
          <span className="message-kind">{KIND_LABELS[message.kind] ?? humanize(message.kind)}</span>
          {who && <span>{message.kind === 'inbound' ? who : `by ${who}`}</span>}
          {isNote && <span className="internal-badge">Only staff see this</span>}
          {mentionsMe && <span className="mention-badge">Mentions you</span>}
        </span>
        <time dateTime={message.at} title={absoluteTime(message.at)} className="muted">
          {relativeTime(message.at)}
        </time>
      </div>
      {message.text && (isNote ? <NoteText text={message.text} myEmail={me.email} className="message-text" /> : <p className="message-text">{message.text}</p>)}
      {message.delivery && <Delivery delivery={message.delivery} />}
    </li>
  );
}

function Delivery({ delivery }: { delivery: NonNullable<CaseMessage['delivery']> }) {
  const text = delivery.error ? `${humanize(delivery.status)}: ${delivery.error}` : humanize(delivery.status);
  const attempts = delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : '';
  return (
    <p className={`delivery delivery-${delivery.status}`} data-testid="delivery" data-status={delivery.status}>
      {text}
      {attempts}
    </p>
  );
}
