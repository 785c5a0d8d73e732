// A case's conversation, oldest first: the customer's messages, our replies with their delivery (a
// reply that did not go out says why, with a retry), internal notes (marked as never sent, and marked again when they mention you), calls and
// service-recovery gestures, each styled apart.
import { useMutation } from '@tanstack/react-query';
import { humanize } from '../labels.ts';
import { deliveryApi } from '../delivery-api.ts';
import { useCan } from '../permissions.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { InsightLine } from './InsightLine.tsx';
import '../delivery.css';
import { useStaff } from '../staff.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { CaseMessage, MessageKind } from '../api/types.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { NoteText } from './NoteText.tsx';

const KIND_LABELS: Record<MessageKind, string> = {
  inbound: 'Customer',
  reply: 'Reply',
  note: 'Internal note',
  call: 'Call',
  gesture: 'Gesture',
};

/** `mentionsMe`: ids of the notes that mention the signed-in staff member; `onRetried` reloads the case after a retry. */
export function Conversation({
  messages,
  customerLabel,
  mentionsMe,
  caseId,
  onRetried,
}: {
  messages: CaseMessage[];
  customerLabel: string | null;
  mentionsMe: ReadonlySet<number>;
  caseId?: string;
  onRetried?: () => Promise<void> | void;
}) {
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
            <Message
              key={message.id}
              message={message}
              customerLabel={customerLabel}
              mentionsMe={mentionsMe.has(message.id)}
              retry={caseId ? { caseId, onRetried } : undefined}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function Message({
  message,
  customerLabel,
  mentionsMe,
  retry,
}: {
  message: CaseMessage;
  customerLabel: string | null;
  mentionsMe: boolean;
  retry?: { caseId: string; onRetried?: () => Promise<void> | void };
}) {
  const me = useStaff();
  const who = message.kind === 'inbound' ? (customerLabel ?? 'Customer') : (message.author?.name ?? null);
  const isNote = message.kind === 'note';
  return (
    <li
      className={`message message-${message.kind}${mentionsMe ? ' message-mentions-me' : ''}`}
      data-testid="case-message"
      data-kind={message.kind}
      data-mentions-me={mentionsMe || undefined}
    >
      <div className="message-head">
        <span className="message-who">
          <ChannelIcon channel={message.channel} label={humanize(message.channel)} />
          <span className="message-kind">{KIND_LABELS[message.kind]}</span>
          {who && <span>{message.kind === 'inbound' ? who : `by ${who}`}</span>}
          {isNote && <span className="internal-badge">Only staff see this</span>}
          {mentionsMe && <span className="mention-badge">Mentions you</span>}
          {message.fromCase && (
            <span className="message-origin" data-testid="message-origin">
              from #{message.fromCase.number}
            </span>
          )}
        </span>
        <time dateTime={message.at} title={absoluteTime(message.at)} className="muted">
          {relativeTime(message.at)}
        </time>
      </div>
      {message.text &&
        (isNote ? (
          <NoteText text={message.text} myEmail={me.email} className="message-text" />
        ) : (
          <p className="message-text">{message.text}</p>
        ))}
      {message.insight && <InsightLine insight={message.insight} />}
      {message.delivery && <Delivery delivery={message.delivery} messageId={message.id} retry={retry} />}
    </li>
  );
}

/** Sent, on its way, or not delivered: a reply that did not go out says why and can be tried again. */
function Delivery({
  delivery,
  messageId,
  retry,
}: {
  delivery: NonNullable<CaseMessage['delivery']>;
  messageId: number;
  retry?: { caseId: string; onRetried?: () => Promise<void> | void };
}) {
  const can = useCan();
  const retrySending = useMutation({
    mutationFn: (caseId: string) => deliveryApi.retryReply(caseId, messageId),
    onSuccess: () => retry?.onRetried?.(),
  });
  const undelivered = delivery.status !== 'sent' && delivery.error !== null;
  const text =
    delivery.status === 'failed'
      ? `Failed to send: ${delivery.error ?? 'no reason given'}`
      : undelivered
        ? `Not sent yet: ${delivery.error}. It is tried again later.`
        : humanize(delivery.status);
  const attempts = delivery.attempts > 1 ? ` (${delivery.attempts} attempts)` : '';
  const tryAgain = () => {
    if (retry) retrySending.mutate(retry.caseId);
  };
  return (
    <div className="delivery-row">
      <p className={`delivery delivery-${delivery.status}`} data-testid="delivery" data-status={delivery.status}>
        {text}
        {attempts}
      </p>
      {undelivered && retry && can('cases:write') && (
        <button type="button" onClick={tryAgain} disabled={retrySending.isPending}>
          {retrySending.isPending ? 'Retrying…' : 'Retry sending'}
        </button>
      )}
      {retrySending.isError && <ErrorAlert error={retrySending.error} />}
    </div>
  );
}
