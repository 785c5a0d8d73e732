// The query keys of the UI's one data layer (TanStack Query), and the small hooks screens share.
// Keys are arrays from general to specific, so invalidating a prefix (`queryKeys.cases()`) refreshes every
// read under it: after a save, invalidate the narrowest key that covers what the server changed.
import { useQueryClient } from '@tanstack/react-query';

export const queryKeys = {
  /** Who is signed in (GET /api/auth/me). */
  me: () => ['me'] as const,
  /** Every customer read: search pages, context cards and timelines. */
  customers: () => ['customers'] as const,
  /** Every customer search answer. */
  customerSearches: () => ['customers', 'search'] as const,
  /** Customer search (GET /api/customers?q=); an empty `q` is "recently seen". */
  customerSearch: (q: string) => ['customers', 'search', q] as const,
  /** One customer's context card (GET /api/customers/:id), by the id asked for. */
  customer: (id: string) => ['customers', 'card', id] as const,
  /** One customer's timeline, paged (GET /api/customers/:id/timeline). */
  timeline: (customerId: string) => ['customers', 'timeline', customerId] as const,
  /** Every case read: queues, case pages, breaching, undelivered, reply targets. Live updates invalidate it. */
  cases: () => ['cases'] as const,
  /** One queue or list of cases (GET /api/cases with this filter), paged. */
  caseList: (filter: object) => ['cases', 'list', filter] as const,
  /** One case page (GET /api/cases/:ref), by the number or id in the address. */
  case: (reference: string | number) => ['cases', 'detail', String(reference)] as const,
  /** Where a reply to this case would go (GET /api/cases/:id/reply-target). */
  replyTarget: (caseId: string) => ['cases', 'reply-target', caseId] as const,
  /** Where colleagues mentioned the signed-in person (GET /api/mentions). */
  mentions: () => ['mentions'] as const,
  /** Every advisory board read: the list and each board. */
  advisoryBoards: () => ['advisory-boards'] as const,
  /** The advisory boards with their counts (GET /api/advisory-boards). */
  advisoryBoardList: () => ['advisory-boards', 'list'] as const,
  /** One advisory board: members, sessions and input (GET /api/advisory-boards/:id). */
  advisoryBoard: (id: string) => ['advisory-boards', 'detail', id] as const,
  /** The ideas board input may be linked to (GET /api/ideas?limit=100); under `ideas`, as every idea read. */
  ideasToLink: () => ['ideas', 'to-link'] as const,
  /** The feedback feed, paged by time (GET /api/feedback/feed). */
  feedbackFeed: () => ['feedback-feed'] as const,
  /** The signed-in person's own feedback digest (GET /api/feedback/digest). */
  digestSubscription: () => ['digest-subscription'] as const,
  /** Every gesture read: pending approvals and limits. */
  gestures: () => ['gestures'] as const,
  /** Gestures waiting for a manager (GET /api/gestures). */
  pendingGestures: () => ['gestures', 'pending'] as const,
  /** One staff member's gesture limits and what they used (GET /api/staff/:id/gesture-limits). */
  gestureLimits: (staffId: string) => ['gestures', 'limits', staffId] as const,
  /** The feedback settings (GET /api/settings/feedback): the public ideas board, the survey reply links lead to. */
  feedbackSettings: () => ['settings', 'feedback'] as const,
  /** Every ideas read: the ranked lists and the idea pages. */
  ideas: () => ['ideas'] as const,
  /** One ranked list of ideas (GET /api/ideas with this sort and status). */
  ideaList: (query: object) => ['ideas', 'list', query] as const,
  /** One idea page (GET /api/ideas/:ref), by the number or id in the address. */
  idea: (reference: string | number) => ['ideas', 'detail', String(reference)] as const,
  /** The black-hole figures with N = `days` (GET /api/metrics/feedback); `feedbackMetrics()` covers every N. */
  feedbackMetrics: (days?: number) =>
    days === undefined ? (['feedback-metrics'] as const) : (['feedback-metrics', days] as const),
  /** The staff list (GET /api/staff, admins): accounts, roles, case-taking. */
  staff: () => ['staff'] as const,
  /** Personal API tokens: the signed-in person's own (no id) or, for admins, `staffId`'s (GET /api/tokens). */
  tokens: (staffId?: string) => ['tokens', staffId ?? 'mine'] as const,
  /** Write keys for ingest (GET /api/write-keys). */
  writeKeys: () => ['write-keys'] as const,
  /** How far the customer view is behind the tracked events, and whether an admin paused it (GET /api/ingest/lag). */
  projectionLag: () => ['projection-lag'] as const,
  /** Teams, with or without archived ones (GET /api/teams); `teams()` alone covers both lists. */
  teams: (includeArchived?: boolean) =>
    includeArchived === undefined ? (['teams'] as const) : (['teams', includeArchived ? 'all' : 'active'] as const),
  /** SLA policies, with or without archived ones (GET /api/sla-policies); `slaPolicies()` covers both. */
  slaPolicies: (includeArchived?: boolean) =>
    includeArchived === undefined
      ? (['sla-policies'] as const)
      : (['sla-policies', includeArchived ? 'all' : 'active'] as const),
  /** Assignment rules in the order they are tried (GET /api/assignment-rules). */
  assignmentRules: () => ['assignment-rules'] as const,
  /** Escalation rules in the order they are tried (GET /api/escalation-rules). */
  escalationRules: () => ['escalation-rules'] as const,
  /** Reply templates and their variables (GET /api/templates). */
  templates: () => ['templates'] as const,
  /** Flag rules (GET /api/flag-rules). */
  flagRules: () => ['flag-rules'] as const,
  /** Case settings (GET /api/settings/cases). */
  caseSettings: () => ['case-settings'] as const,
  /** The trained versions of a listening model (GET /api/listening/models?kind=…). */
  textModels: (kind: 'reason' | 'sentiment') => ['text-models', kind] as const,
  /** Trends for one period, dimension, interval, channel and zone (GET /api/insights/trends). */
  trends: (query: object) => ['trends', query] as const,
  /** Every CX metrics read: the dashboard's tiles, charts and breakdowns, and the drill-downs. */
  metrics: () => ['metrics'] as const,
  /** One metrics question: names, period, grouping, comparison, filter (GET /api/metrics). */
  metricsOf: (ask: object) => ['metrics', 'values', ask] as const,
  /** The cases, answers or gestures behind one number (GET /api/metrics/drill). */
  metricDrill: (ask: object) => ['metrics', 'drill', ask] as const,
  /** The zone whose days the metrics count (GET /api/settings/metrics). */
  metricSettings: () => ['settings', 'metrics'] as const,
  /** Every journey read: the list, one journey, its reports. */
  journeys: () => ['journeys'] as const,
  /** One journey as defined (GET /api/journeys/:id). */
  journey: (id: string) => ['journeys', 'detail', id] as const,
  /** A journey's report for one period (GET /api/journeys/:id/report). */
  journeyReport: (id: string, query: object) => ['journeys', 'report', id, query] as const,
  /** Every retention read: churn, acquisition, cohorts and the churn settings (a settings change refreshes them). */
  retention: () => ['retention'] as const,
  /** The churn report of one period (GET /api/insights/churn). */
  churn: (query: object) => ['retention', 'churn', query] as const,
  /** New customers of one period by acquisition source (GET /api/insights/acquisition). */
  acquisition: (query: object) => ['retention', 'acquisition', query] as const,
  /** Cohorts of some months (GET /api/insights/retention). */
  cohorts: (query: object) => ['retention', 'cohorts', query] as const,
  /** What churn means (GET /api/settings/churn). */
  churnSettings: () => ['retention', 'settings'] as const,
  /** Every survey read: the list, one survey, its responses. */
  surveys: () => ['surveys'] as const,
  /** One survey (GET /api/surveys/:id). */
  survey: (id: string) => ['surveys', 'detail', id] as const,
  /** A survey's responses over the last `days` days (GET /api/surveys/:id/responses). */
  surveyResponses: (id: string, days: number) => ['surveys', 'responses', id, days] as const,
  /** The audit log for one set of filters, paged (GET /api/audit). */
  audit: (filters: object, pageSize: number) => ['audit', filters, pageSize] as const,
};

/** What a query key is: one of the arrays `queryKeys` builds. */
export type QueryKey = ReturnType<(typeof queryKeys)[keyof typeof queryKeys]>;

/**
 * `const invalidate = useInvalidate(); await invalidate(queryKeys.staff());` — marks every query under these keys
 * stale and refetches those on screen; resolves when they are back.
 */
export function useInvalidate(): (...keys: readonly QueryKey[]) => Promise<void> {
  const client = useQueryClient();
  return async (...keys) => {
    await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
  };
}

/** A cursor-paged answer, as the API pages lists. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The paging options of a cursor-paged `useInfiniteQuery`: the first page has no cursor; the last has no next. */
export const cursorPaging = {
  initialPageParam: null as string | null,
  getNextPageParam: (last: { nextCursor: string | null }): string | null | undefined => last.nextCursor ?? undefined,
};

/** The pages loaded so far as one list, each item once: an item that changed while paging can come back. */
export function itemsOf<T extends { id: string | number }>(pages: readonly CursorPage<T>[] | undefined): T[] {
  const seen = new Set<string | number>();
  const items: T[] = [];
  for (const page of pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}
