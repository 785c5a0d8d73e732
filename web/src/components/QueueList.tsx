// One inbox queue of cases, kept current by itself: read again when a live update arrives (every 30 s
// while the live stream is down) and when the agent comes back to the window, in place, so the table
// neither flickers nor loses its scroll or its pages (a paged query reads again every page it has).
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useLiveQueries } from '../live.ts';
import { cursorPaging, itemsOf, queryKeys } from '../queries.ts';
import { PAGE_SIZE, type CaseQueue, type LoadCases } from '../queues.ts';
import { totalText } from '../queue-filters.ts';
import { CaseTable } from './CaseTable.tsx';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { Freshness } from './Freshness.tsx';

export function QueueList({ queue }: { queue: CaseQueue }) {
  if (!queue.load) return <p className="empty-state">{queue.empty}</p>;
  return <LiveQueue queue={queue} load={queue.load} />;
}

function LiveQueue({ queue, load }: { queue: CaseQueue; load: LoadCases }) {
  const queryKey = queryKeys.caseList({ queue: queue.key, ...queue.params });
  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => load({ cursor: pageParam, limit: PAGE_SIZE }, signal),
    ...cursorPaging,
    // Another search or filter keeps the cases on screen until the new ones are in.
    placeholderData: keepPreviousData,
  });
  useLiveQueries(queryKey);
  const first = list.data?.pages[0];
  const cases = list.data ? itemsOf(list.data.pages) : null;
  const nextCursor = list.data?.pages.at(-1)?.nextCursor ?? null;
  const refresh = () => void list.refetch();
  const loadMore = async () => {
    const shown = list.data?.pages.length ?? 0;
    const after = await list.fetchNextPage({ cancelRefetch: false });
    // Clicked during a background refresh, the click waited for it: now the next page, not lost.
    if ((after.data?.pages.length ?? 0) <= shown && after.hasNextPage)
      await list.fetchNextPage({ cancelRefetch: false });
  };

  return (
    <div className="queue" aria-busy={list.isFetching}>
      <div className="queue-bar">
        <span className="muted" data-testid="queue-count">
          {/* The API's count of every matching case where it gives one ("42 cases"); else what is loaded. */}
          {first && cases
            ? first.total !== undefined
              ? totalText(first.total, first.capped)
              : `${cases.length}${nextCursor ? '+' : ''} ${cases.length === 1 ? 'case' : 'cases'}`
            : ''}
        </span>
        <span className="queue-freshness">
          <Freshness updatedAt={list.dataUpdatedAt || null} />
          {/* Unchanged while a refresh runs: a background refresh shows only in the freshness. */}
          <button type="button" className="small" onClick={refresh}>
            Refresh
          </button>
        </span>
      </div>
      {cases && cases.length === 0 && <p className="empty-state">{queue.empty}</p>}
      {cases && cases.length > 0 && <CaseTable cases={cases} label={`${queue.label} cases`} onChanged={refresh} />}
      {list.error !== null && <ErrorAlert error={list.error} />}
      {list.isPending && list.isFetching && <Loading label="Loading cases…" />}
      {list.isFetchingNextPage && <Loading label="Loading more cases…" />}
      {!list.isFetchingNextPage && nextCursor && (
        <button type="button" className="secondary load-older" data-testid="load-more" onClick={() => void loadMore()}>
          Load more
        </button>
      )}
    </div>
  );
}
