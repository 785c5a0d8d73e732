// The inbox's Mentions tab: notes in which colleagues @mentioned you, newest first, unread ones marked.
// Opening one marks it read and goes to its case (or the customer, for a note on the customer).
import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { queryKeys } from '../queries.ts';
import { casePath } from '../cases.ts';
import { followLink } from '../router.ts';
import { useStaff } from '../staff.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { Mention } from '../api/types.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { Freshness } from './Freshness.tsx';
import { NoteText } from './NoteText.tsx';

export function MentionList({ mentions }: { mentions: UseQueryResult<{ items: Mention[] }> }) {
  const items = mentions.data?.items ?? null;
  return (
    <div className="queue" aria-busy={mentions.isFetching}>
      <div className="queue-bar">
        <span className="muted" data-testid="queue-count">
          {items ? `${items.length} ${items.length === 1 ? 'mention' : 'mentions'}` : ''}
        </span>
        <span className="queue-freshness">
          <Freshness updatedAt={mentions.dataUpdatedAt || null} />
          <button type="button" className="small" onClick={() => void mentions.refetch()}>
            Refresh
          </button>
        </span>
      </div>
      {items && items.length === 0 && (
        <p className="empty-state">
          No one has mentioned you yet. Colleagues write @ and your name in a note to ask you in.
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="mention-list panel" aria-label="Mentions">
          {items.map((mention) => (
            <MentionItem key={mention.id} mention={mention} />
          ))}
        </ul>
      )}
      {mentions.error !== null && <ErrorAlert error={mentions.error} />}
      {mentions.isPending && mentions.isFetching && <Loading label="Loading mentions…" />}
    </div>
  );
}

function MentionItem({ mention }: { mention: Mention }) {
  const me = useStaff();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: () => api.markMentionRead(mention.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mentions() }),
  });
  const href =
    mention.caseNumber !== null
      ? casePath(mention.caseNumber)
      : mention.customerId
        ? `/customers/${encodeURIComponent(mention.customerId)}`
        : null;
  const open = () => {
    // Read once opened; if marking fails the mention just stays bold, nothing to tell the agent.
    if (!mention.read) markRead.mutate();
  };
  return (
    <li
      className={mention.read ? 'mention' : 'mention unread'}
      data-testid="mention"
      data-read={mention.read}
      data-case={mention.caseNumber ?? undefined}
    >
      <div className="mention-head">
        {href ? (
          <a
            href={href}
            onClick={(event) => {
              open();
              followLink(event, href);
            }}
          >
            {mention.caseNumber !== null
              ? `Case #${mention.caseNumber}${mention.caseSubject ? ` · ${mention.caseSubject}` : ''}`
              : 'Note on the customer'}
          </a>
        ) : (
          <span>Note</span>
        )}
        <span className="muted">
          {mention.mentionedByName ?? 'A colleague'} mentioned you{' '}
          <time dateTime={mention.at} title={absoluteTime(mention.at)}>
            {relativeTime(mention.at)}
          </time>
        </span>
        {!mention.read && <span className="count new-badge">New</span>}
      </div>
      {mention.text && <NoteText text={mention.text} myEmail={me.email} className="mention-text" />}
    </li>
  );
}
