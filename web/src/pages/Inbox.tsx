// The agent's inbox: queues as tabs (Mine, Team, Unassigned, Breaching soon, All, and Mentions of
// you), each keeping itself current. The chosen tab lives in the address (?queue=), and so do the case
// search and the filters and order the case queues take (queue-filters.ts). Managers also see
// the gestures waiting for their approval above the queues.
import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { api } from '../api.ts';
import { useLiveQueries } from '../live.ts';
import { queryKeys } from '../queries.ts';
import { useCan } from '../permissions.ts';
import { caseQueuesFor } from '../queues.ts';
import { navigate, useLocation } from '../router.ts';
import { useStaff } from '../staff.ts';
import { MentionList } from '../components/MentionList.tsx';
import { PendingApprovals } from '../components/PendingApprovals.tsx';
import { QueueList } from '../components/QueueList.tsx';
import { InboxShortcuts } from '../components/QueueShortcuts.tsx';
import { CaseSearchBox } from '../components/CaseSearchBox.tsx';
import { QueueFilters } from '../components/QueueFilters.tsx';
import { hasQueueFilters, inboxPath, queueFiltersFrom, type QueueFilters as Filters } from '../queue-filters.ts';

const MENTIONS = 'mentions';

export function Inbox() {
  const me = useStaff();
  const can = useCan();
  const { search } = useLocation();
  // Search, filters and order (?q=&channel=&priority=&reason=&tag=&sort=) go with every tab.
  const filters = queueFiltersFrom(search);
  const caseQueues = caseQueuesFor(me.teamId, filters);
  const tabs = [
    ...caseQueues.map((queue) => ({ key: queue.key, label: queue.label })),
    { key: MENTIONS, label: 'Mentions' },
  ];
  const current = tabs.find((tab) => tab.key === search.get('queue')) ?? tabs[0]!;
  const choose = (key: string) => navigate(inboxPath(key, filters), { replace: true });
  const filterBy = (next: Filters) => navigate(inboxPath(current.key, next));
  // A search looks through every case, so its results show on All; the other tabs narrow them down.
  const searchFor = (q: string) =>
    navigate(
      inboxPath(q ? 'all' : current.key, {
        ...filters,
        q,
        sort: !q && filters.sort === 'relevance' ? '' : filters.sort,
      }),
    );
  // Loaded whatever the tab, so the Mentions tab can say how many are new.
  const mentions = useQuery({ queryKey: queryKeys.mentions(), queryFn: ({ signal }) => api.mentions(signal) });
  useLiveQueries(queryKeys.mentions());
  const unread = mentions.data?.items.filter((mention) => !mention.read).length ?? 0;

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.indexOf(current);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    choose(next.key);
    document.getElementById(`queue-tab-${next.key}`)?.focus();
  };

  const caseQueue = caseQueues.find((queue) => queue.key === current.key);
  const narrowed = caseQueue?.filterable && (filters.q !== '' || hasQueueFilters(filters));
  const shownQueue =
    caseQueue && narrowed
      ? { ...caseQueue, empty: 'No cases match this search and these filters. Clear a filter or try other words.' }
      : caseQueue;
  return (
    <section className="page inbox-page">
      <h1>Inbox</h1>
      <InboxShortcuts />
      {can('gestures:approve') && <PendingApprovals />}
      <CaseSearchBox applied={filters.q} onSearch={searchFor} />
      <div className="queue-tabs" role="tablist" aria-label="Queues" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`queue-tab-${tab.key}`}
            aria-selected={tab === current}
            aria-controls="queue-panel"
            tabIndex={tab === current ? 0 : -1}
            className={tab === current ? 'queue-tab active' : 'queue-tab'}
            onClick={() => choose(tab.key)}
          >
            {tab.label}
            {tab.key === MENTIONS && unread > 0 && (
              <>
                {' '}
                <span className="count" data-testid="unread-mentions">
                  {unread}
                </span>
                <span className="visually-hidden"> new</span>
              </>
            )}
          </button>
        ))}
      </div>
      <div id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${current.key}`}>
        {caseQueue?.filterable && <QueueFilters applied={filters} onApply={filterBy} />}
        {/* A fresh list per queue: paging state never leaks from one into another. */}
        {shownQueue ? <QueueList key={shownQueue.key} queue={shownQueue} /> : <MentionList mentions={mentions} />}
      </div>
    </section>
  );
}
