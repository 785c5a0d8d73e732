// Feedback: what customers said of every kind (survey answers, idea requests, advisory board input), newest first
// and paged by time, with each staff member's own choice of a digest of it by email.
import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../queries.ts';
import { feedApi } from '../feedback/feed-api.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { DigestSubscriptionForm } from '../components/DigestSubscriptionForm.tsx';
import { FeedbackFeedItem } from '../components/FeedbackFeedItem.tsx';
import { HEALTH_PATH } from '../feedback/health.ts';
import { followLink } from '../router.ts';
import '../feedback.css';

export function FeedbackFeed() {
  const feed = useInfiniteQuery({
    queryKey: queryKeys.feedbackFeed(),
    queryFn: ({ pageParam, signal }) => feedApi.feed(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const more = feed.isFetchingNextPage ? 'loading' : feed.isFetchNextPageError ? 'failed' : 'idle';
  return (
    <section className="page feedback-page">
      <h1>Feedback</h1>
      <p className="lead muted">
        Survey answers, ideas customers asked for and what advisory boards said, in their own words, newest first.{' '}
        <a href={HEALTH_PATH} onClick={(event) => followLink(event, HEALTH_PATH)}>
          Feedback health by source and team
        </a>
        : how much feedback that asked for an answer got one.
      </p>
      <DigestSubscriptionForm />
      <h2 className="list-heading">Newest first</h2>
      {feed.isPending && <Loading label="Loading feedback…" />}
      {feed.isError && !feed.data && <ErrorAlert error={feed.error} />}
      {feed.isSuccess && items.length === 0 && (
        <p className="empty-state">
          No feedback yet. Survey answers, idea requests and advisory board input appear here as they come in.
        </p>
      )}
      {items.length > 0 && (
        <ul className="feed-list" aria-label="Feedback, newest first">
          {items.map((item, index) => (
            // Items carry no id of their own; a page's place in the list is stable while pages are only added.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <FeedbackFeedItem key={`${index}-${item.kind}-${item.at}`} item={item} />
          ))}
        </ul>
      )}
      {more === 'failed' && <ErrorAlert error={feed.error} />}
      {feed.hasNextPage && (
        <button
          type="button"
          className="secondary load-older"
          disabled={more === 'loading'}
          onClick={() => void feed.fetchNextPage()}
        >
          {more === 'loading' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
