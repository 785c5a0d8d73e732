// The inbox queues of cases (Mine, Team, Unassigned, Breaching soon, All): what each asks the API for,
// and how a queue is read again as far as it was paged, so a refresh never shortens the list.
import { api } from './api.ts';
import { ACTIVE_STATUSES } from './cases.ts';
import type { CaseSummary, Page } from './types.ts';

/** How far ahead "Breaching soon" looks. */
export const BREACHING_WITHIN_MINUTES = 60;
/** One page of a queue, as the API pages it by default. */
export const PAGE_SIZE = 25;
/** The most the cases API gives in one answer. */
const MAX_PAGE_SIZE = 100;

export type LoadCases = (page: { cursor: string | null; limit: number }, signal: AbortSignal) => Promise<Page<CaseSummary>>;

export interface CaseQueue {
  key: string;
  label: string;
  /** Shown when the queue is empty. */
  empty: string;
  /** null when the queue cannot apply to this person (no team). */
  load: LoadCases | null;
}

export function caseQueuesFor(teamId: string | null | undefined): CaseQueue[] {
  return [
    {
      key: 'mine',
      label: 'Mine',
      empty: 'Nothing assigned to you is waiting. New cases appear here when they are assigned to you.',
      load: ({ cursor, limit }, signal) => api.cases({ assigneeId: 'me', status: ACTIVE_STATUSES, limit }, cursor, signal),
    },
    {
      key: 'team',
      label: 'Team',
      empty: teamId ? 'Your team has no open cases.' : 'You are not in a team yet; an admin can add you to one.',
      load: teamId ? ({ cursor, limit }, signal) => api.cases({ teamId, status: ACTIVE_STATUSES, limit }, cursor, signal) : null,
    },
    {
      key: 'unassigned',
      label: 'Unassigned',
      empty: 'Every open case has someone on it.',
      load: ({ cursor, limit }, signal) => api.cases({ unassigned: true, status: ACTIVE_STATUSES, limit }, cursor, signal),
    },
    {
      key: 'breaching',
      label: 'Breaching soon',
      empty: `No open case runs out of SLA time in the next ${BREACHING_WITHIN_MINUTES} minutes.`,
      load: async (_page, signal) => ({ ...(await api.breachingCases(BREACHING_WITHIN_MINUTES, signal)), nextCursor: null }),
    },
    {
      key: 'all',
      label: 'All',
      empty: 'No cases yet. They open as customers write in on any channel.',
      load: ({ cursor, limit }, signal) => api.cases({ limit }, cursor, signal),
    },
  ];
}

/**
 * The queue from its start again, at least as many cases as are on screen (`shown`), so that
 * someone who paged down keeps their place. One request up to 100 cases, more pages beyond that.
 */
export async function reloadQueue(load: LoadCases, shown: number, signal: AbortSignal): Promise<Page<CaseSummary>> {
  const wanted = Math.max(PAGE_SIZE, shown);
  const items: CaseSummary[] = [];
  let cursor: string | null = null;
  do {
    const page = await load({ cursor, limit: Math.min(MAX_PAGE_SIZE, wanted - items.length) }, signal);
    items.push(...uniqueAfter(items, page.items));
    cursor = page.nextCursor;
  } while (cursor && items.length < wanted);
  return { items, nextCursor: cursor };
}

/** A case that changed while paging can come back on the next page; list each once. */
export function uniqueAfter(listed: readonly CaseSummary[], more: readonly CaseSummary[]): CaseSummary[] {
  const seen = new Set(listed.map((item) => item.id));
  return more.filter((item) => !seen.has(item.id));
}
