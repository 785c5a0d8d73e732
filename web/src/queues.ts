// The inbox queues of cases (Mine, Team, Unassigned, Breaching soon, Failed to send, All): what each asks the API for.
// A queue is one paged query (QueueList); a refresh reads it again as far as it was paged, so it never shortens.
import { api } from './api.ts';
import { ACTIVE_STATUSES } from './cases.ts';
import { deliveryApi } from './delivery-api.ts';
import type { CaseSummary, Page } from './api/types.ts';
import { filterParams, NO_QUEUE_FILTERS, type QueueFilters } from './queue-filters.ts';

/** How far ahead "Breaching soon" looks. */
export const BREACHING_WITHIN_MINUTES = 60;
/** One page of a queue, as the API pages it by default. */
export const PAGE_SIZE = 25;

export type LoadCases = (
  page: { cursor: string | null; limit: number },
  signal: AbortSignal,
) => Promise<Page<CaseSummary>>;

export interface CaseQueue {
  key: string;
  label: string;
  /** Shown when the queue is empty. */
  empty: string;
  /** null when the queue cannot apply to this person (no team). */
  load: LoadCases | null;
  /** Takes the search, filters and order (the queues read from GET /api/cases). */
  filterable?: boolean;
  /** What its answer depends on besides the queue (team, filters): part of its query key. */
  params: object;
}

/** `filters`: the inbox's search, filters and order, applied to every queue that reads GET /api/cases. */
export function caseQueuesFor(
  teamId: string | null | undefined,
  filters: QueueFilters = NO_QUEUE_FILTERS,
): CaseQueue[] {
  const narrowed = filterParams(filters);
  const params = { teamId, ...narrowed };
  return [
    {
      key: 'mine',
      label: 'Mine',
      empty: 'Nothing assigned to you is waiting. New cases appear here when they are assigned to you.',
      load: ({ cursor, limit }, signal) =>
        api.cases({ assigneeId: 'me', status: ACTIVE_STATUSES, limit, ...narrowed }, cursor, signal),
      filterable: true,
      params,
    },
    {
      key: 'team',
      label: 'Team',
      empty: teamId ? 'Your team has no open cases.' : 'You are not in a team yet; an admin can add you to one.',
      load: teamId
        ? ({ cursor, limit }, signal) =>
            api.cases({ teamId, status: ACTIVE_STATUSES, limit, ...narrowed }, cursor, signal)
        : null,
      filterable: true,
      params,
    },
    {
      key: 'unassigned',
      label: 'Unassigned',
      empty: 'Every open case has someone on it.',
      load: ({ cursor, limit }, signal) =>
        api.cases({ unassigned: true, status: ACTIVE_STATUSES, limit, ...narrowed }, cursor, signal),
      filterable: true,
      params,
    },
    {
      key: 'breaching',
      label: 'Breaching soon',
      empty: `No open case runs out of SLA time in the next ${BREACHING_WITHIN_MINUTES} minutes.`,
      load: async (_page, signal) => ({
        ...(await api.breachingCases(BREACHING_WITHIN_MINUTES, signal)),
        nextCursor: null,
      }),
      params: {},
    },
    {
      key: 'failed',
      label: 'Failed to send',
      empty: 'Every reply reached its customer.',
      // The latest replies that did not go out, one row per case; open a case to see why and retry.
      load: ({ limit }, signal) => deliveryApi.undeliveredCases(limit, signal),
      params: {},
    },
    {
      key: 'all',
      label: 'All',
      empty: 'No cases yet. They open as customers write in on any channel.',
      load: ({ cursor, limit }, signal) => api.cases({ limit, ...narrowed }, cursor, signal),
      filterable: true,
      params,
    },
  ];
}
