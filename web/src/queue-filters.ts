// The inbox's search and filters live in the address (`/inbox?queue=all&priority=urgent&sort=due`), so a
// narrowed queue can be shared as a link and Back returns to it. The names are the API's query parameters.

/** Empty strings mean "any" (or the default order). `priority` is a comma list, as the API takes it. */
export interface QueueFilters {
  q: string;
  channel: string;
  priority: string;
  reason: string;
  tag: string;
  sort: string;
}

export const FILTER_NAMES = [
  'q',
  'channel',
  'priority',
  'reason',
  'tag',
  'sort',
] as const satisfies readonly (keyof QueueFilters)[];

export const NO_QUEUE_FILTERS: QueueFilters = { q: '', channel: '', priority: '', reason: '', tag: '', sort: '' };

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** `''` is the default: best match for a search, else newest first. */
export const SORTS: ReadonlyArray<{ value: string; label: string; searchOnly?: boolean }> = [
  { value: 'relevance', label: 'Best match', searchOnly: true },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'priority', label: 'Priority, urgent first' },
  { value: 'due', label: 'SLA due soonest' },
  { value: 'updated', label: 'Last updated' },
];

export function queueFiltersFrom(search: URLSearchParams): QueueFilters {
  const read = (name: keyof QueueFilters) => search.get(name)?.trim() ?? '';
  return {
    q: read('q'),
    channel: read('channel'),
    priority: read('priority'),
    reason: read('reason'),
    tag: read('tag'),
    sort: read('sort'),
  };
}

/** Filters other than the search and the order: what "Clear filters" takes away. */
export function hasQueueFilters(filters: QueueFilters): boolean {
  return filters.channel !== '' || filters.priority !== '' || filters.reason !== '' || filters.tag !== '';
}

/** `/inbox?queue=all&q=refund&sort=due`: set values only, in a stable order; the first queue is left out. */
export function inboxPath(queue: string, filters: QueueFilters): string {
  const search = new URLSearchParams();
  if (queue !== 'mine') search.set('queue', queue);
  for (const name of FILTER_NAMES) if (filters[name]) search.set(name, filters[name]);
  const text = search.toString();
  return text ? `/inbox?${text}` : '/inbox';
}

/** What to add to a queue's request. The default order is the server's (best match for a search). */
export function filterParams(filters: QueueFilters): Record<string, string | undefined> {
  const sort = filters.sort === 'relevance' && !filters.q ? undefined : filters.sort;
  return {
    q: filters.q || undefined,
    channel: filters.channel || undefined,
    priority: filters.priority || undefined,
    reason: filters.reason || undefined,
    tag: filters.tag || undefined,
    sort: sort || undefined,
  };
}

/** `42 cases`, `1 case`, `1,000+ cases` when a search found more than it pages through. */
export function totalText(total: number, capped = false): string {
  const count = `${total.toLocaleString('en')}${capped ? '+' : ''}`;
  return `${count} ${total === 1 && !capped ? 'case' : 'cases'}`;
}
