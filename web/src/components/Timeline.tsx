// The customer's timeline, newest first, loaded a page at a time by following the server's cursor.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { cursorPaging, itemsOf, queryKeys } from '../queries.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { TimelineItem } from './TimelineItem.tsx';

export function Timeline({ customerId }: { customerId: string }) {
  const timeline = useInfiniteQuery({
    queryKey: queryKeys.timeline(customerId),
    queryFn: ({ pageParam, signal }) => api.timeline(customerId, pageParam, signal),
    ...cursorPaging,
  });
  // Items that arrived while paging can repeat across pages; show each once.
  const items = timeline.data ? itemsOf(timeline.data.pages) : null;
  const nextCursor = timeline.data?.pages.at(-1)?.nextCursor ?? null;
  // A background read of pages already shown does not count: only a first load or an older page.
  const loading = timeline.isPending || timeline.isFetchingNextPage;

  return (
    <section className="timeline panel" data-testid="timeline" aria-labelledby="timeline-heading" aria-busy={loading}>
      <h2 id="timeline-heading">
        Timeline
        {items && (
          <span className="count">
            {items.length}
            {nextCursor ? '+' : ''}
          </span>
        )}
      </h2>
      {items && items.length === 0 && <p className="empty-state">Nothing has happened with this customer yet.</p>}
      {items && items.length > 0 && (
        <ol className="timeline-list">
          {items.map((interaction) => (
            <TimelineItem key={interaction.id} interaction={interaction} />
          ))}
        </ol>
      )}
      {timeline.isError && <ErrorAlert error={timeline.error} />}
      {loading && <Loading label={items ? 'Loading older activity…' : 'Loading timeline…'} />}
      {!loading && nextCursor && (
        <button
          type="button"
          className="secondary load-older"
          data-testid="load-older"
          onClick={() => void timeline.fetchNextPage()}
        >
          Load older
        </button>
      )}
    </section>
  );
}
