// The agent's inbox: queues as tabs (Mine, Team, Unassigned, Breaching soon, All), each a table of cases
// with live SLA timers, paged by the server's cursor. The chosen queue lives in the address (?queue=).
// Managers also see the gestures waiting for their approval above the queues.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { api } from '../api.ts';
import { ACTIVE_STATUSES } from '../cases.ts';
import { useCan } from '../permissions.ts';
import { navigate, useLocation } from '../router.ts';
import { useStaff } from '../staff.ts';
import type { CaseSummary, Page } from '../types.ts';
import { CaseTable } from '../components/CaseTable.tsx';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { PendingApprovals } from '../components/PendingApprovals.tsx';

/** How far ahead "Breaching soon" looks. */
const BREACHING_WITHIN_MINUTES = 60;

interface Queue {
  key: string;
  label: string;
  /** Shown when the queue is empty. */
  empty: string;
  /** null when the queue cannot apply to this person (no team). */
  load: ((cursor: string | null, signal: AbortSignal) => Promise<Page<CaseSummary>>) | null;
}

function queuesFor(teamId: string | null | undefined): Queue[] {
  return [
    {
      key: 'mine',
      label: 'Mine',
      empty: 'Nothing assigned to you is waiting. New cases appear here when they are assigned to you.',
      load: (cursor, signal) => api.cases({ assigneeId: 'me', status: ACTIVE_STATUSES }, cursor, signal),
    },
    {
      key: 'team',
      label: 'Team',
      empty: teamId ? 'Your team has no open cases.' : 'You are not in a team yet; an admin can add you to one.',
      load: teamId ? (cursor, signal) => api.cases({ teamId, status: ACTIVE_STATUSES }, cursor, signal) : null,
    },
    {
      key: 'unassigned',
      label: 'Unassigned',
      empty: 'Every open case has someone on it.',
      load: (cursor, signal) => api.cases({ unassigned: true, status: ACTIVE_STATUSES }, cursor, signal),
    },
    {
      key: 'breaching',
      label: 'Breaching soon',
      empty: `No open case runs out of SLA time in the next ${BREACHING_WITHIN_MINUTES} minutes.`,
      load: async (_cursor, signal) => ({ ...(await api.breachingCases(BREACHING_WITHIN_MINUTES, signal)), nextCursor: null }),
    },
    {
      key: 'all',
      label: 'All',
      empty: 'No cases yet. They open as customers write in on any channel.',
      load: (cursor, signal) => api.cases({}, cursor, signal),
    },
  ];
}

export function Inbox() {
  const me = useStaff();
  const can = useCan();
  const { search } = useLocation();
  const queues = queuesFor(me.teamId);
  const current = queues.find((queue) => queue.key === search.get('queue')) ?? queues[0]!;
  const choose = (key: string) => navigate(key === 'mine' ? '/inbox' : `/inbox?queue=${key}`, { replace: true });

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = queues.indexOf(current);
    const next = queues[(index + (event.key === 'ArrowRight' ? 1 : queues.length - 1)) % queues.length]!;
    choose(next.key);
    document.getElementById(`queue-tab-${next.key}`)?.focus();
  };

  return (
    <section className="page inbox-page">
      <h1>Inbox</h1>
      {can('gestures:approve') && <PendingApprovals />}
      <div className="queue-tabs" role="tablist" aria-label="Queues" onKeyDown={onKeyDown}>
        {queues.map((queue) => (
          <button
            key={queue.key}
            type="button"
            role="tab"
            id={`queue-tab-${queue.key}`}
            aria-selected={queue === current}
            aria-controls="queue-panel"
            tabIndex={queue === current ? 0 : -1}
            className={queue === current ? 'queue-tab active' : 'queue-tab'}
            onClick={() => choose(queue.key)}
          >
            {queue.label}
          </button>
        ))}
      </div>
      <div id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${current.key}`}>
        {/* A fresh list per queue: paging state never leaks from one queue into another. */}
        <QueueList key={current.key} queue={current} />
      </div>
    </section>
  );
}

interface Pages {
  items: CaseSummary[];
  nextCursor: string | null;
}

function QueueList({ queue }: { queue: Queue }) {
  const [pages, setPages] = useState<Pages | null>(null);
  const [loading, setLoading] = useState(queue.load !== null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!queue.load) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    queue.load(null, controller.signal).then(
      (page) => {
        setPages(page);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [generation]);

  const loadMore = async () => {
    if (!queue.load || !pages?.nextCursor) return;
    setLoading(true);
    setError(null);
    try {
      const page = await queue.load(pages.nextCursor, new AbortController().signal);
      // A case that changed while paging can come back on the next page; list each once.
      const seen = new Set(pages.items.map((item) => item.id));
      setPages({ items: [...pages.items, ...page.items.filter((item) => !seen.has(item.id))], nextCursor: page.nextCursor });
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  if (!queue.load) return <p className="empty-state">{queue.empty}</p>;
  return (
    <div className="queue" aria-busy={loading}>
      <div className="queue-bar">
        <span className="muted" data-testid="queue-count">
          {pages ? `${pages.items.length}${pages.nextCursor ? '+' : ''} ${pages.items.length === 1 ? 'case' : 'cases'}` : ''}
        </span>
        <button type="button" className="small" onClick={() => setGeneration((count) => count + 1)} disabled={loading}>
          Refresh
        </button>
      </div>
      {pages && pages.items.length === 0 && <p className="empty-state">{queue.empty}</p>}
      {pages && pages.items.length > 0 && <CaseTable cases={pages.items} label={`${queue.label} cases`} />}
      {error !== null && <ErrorAlert error={error} />}
      {loading && <Loading label={pages ? 'Loading more cases…' : 'Loading cases…'} />}
      {!loading && pages?.nextCursor && (
        <button type="button" className="secondary load-older" data-testid="load-more" onClick={loadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
