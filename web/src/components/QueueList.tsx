// One inbox queue of cases, kept current by itself: read again when a live update arrives (every 30 s
// while the live stream is down) and when the agent comes back to the window, in place, so the table
// neither flickers nor loses its scroll or its pages.
import { reloadQueue, uniqueAfter, PAGE_SIZE, type CaseQueue, type LoadCases } from '../queues.ts';
import { totalText } from '../queue-filters.ts';
import type { CaseSummary, Page } from '../types.ts';
import { useLiveData } from '../useLiveData.ts';
import { CaseTable } from './CaseTable.tsx';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import { Freshness } from './Freshness.tsx';

export function QueueList({ queue }: { queue: CaseQueue }) {
  if (!queue.load) return <p className="empty-state">{queue.empty}</p>;
  return <LiveQueue queue={queue} load={queue.load} />;
}

function LiveQueue({ queue, load }: { queue: CaseQueue; load: LoadCases }) {
  const list = useLiveData<Page<CaseSummary>>((signal, shown) => reloadQueue(load, shown?.items.length ?? 0, signal));
  const pages = list.value;

  const loadMore = () =>
    list.extend(async (shown, signal) => {
      const page = await load({ cursor: shown.nextCursor, limit: PAGE_SIZE }, signal);
      return {
        items: [...shown.items, ...uniqueAfter(shown.items, page.items)],
        nextCursor: page.nextCursor,
        total: page.total ?? shown.total,
        capped: page.capped ?? shown.capped,
      };
    });

  return (
    <div className="queue" aria-busy={list.busy !== null}>
      <div className="queue-bar">
        <span className="muted" data-testid="queue-count">
          {/* The API's count of every matching case where it gives one ("42 cases"); else what is loaded. */}
          {pages
            ? pages.total !== undefined
              ? totalText(pages.total, pages.capped)
              : `${pages.items.length}${pages.nextCursor ? '+' : ''} ${pages.items.length === 1 ? 'case' : 'cases'}`
            : ''}
        </span>
        <span className="queue-freshness">
          <Freshness updatedAt={list.updatedAt} />
          {/* Unchanged while a refresh runs: a background refresh shows only in the freshness. */}
          <button type="button" className="small" onClick={list.refresh}>
            Refresh
          </button>
        </span>
      </div>
      {pages && pages.items.length === 0 && <p className="empty-state">{queue.empty}</p>}
      {pages && pages.items.length > 0 && (
        <CaseTable cases={pages.items} label={`${queue.label} cases`} onChanged={list.refresh} />
      )}
      {list.error !== null && <ErrorAlert error={list.error} />}
      {list.busy === 'loading' && <Loading label="Loading cases…" />}
      {list.busy === 'extending' && <Loading label="Loading more cases…" />}
      {list.busy !== 'extending' && pages?.nextCursor && (
        <button type="button" className="secondary load-older" data-testid="load-more" onClick={loadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
