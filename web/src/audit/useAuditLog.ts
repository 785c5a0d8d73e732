// The audit log for one set of filters: the first page, then older pages appended on request.
// Changing the filters starts again (another query key) and drops any answer still on its way for the old ones.
import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../queries.ts';
import { auditApi } from './api.ts';
import { trimmedFilters, type AuditFilters } from './filters.ts';
import type { AuditEntry } from './types.ts';

export type AuditLogState =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | {
      state: 'ready';
      entries: AuditEntry[];
      /** A full page came back last, so there may be older entries. */
      mayHaveOlder: boolean;
      loadingOlder: boolean;
      /** Why the last "older entries" load failed, shown beside its button; the entries stay. */
      olderError: unknown;
    };

export function useAuditLog(
  filters: AuditFilters,
  pageSize: number,
): { log: AuditLogState; loadOlder: () => Promise<void> } {
  const asked = trimmedFilters(filters);
  const query = useInfiniteQuery({
    queryKey: queryKeys.audit(asked, pageSize),
    queryFn: ({ pageParam, signal }) => auditApi.entries(asked, pageSize, pageParam, signal),
    initialPageParam: null as number | null,
    // A full page came back last, so there may be older entries: page back from the last id.
    getNextPageParam: (last) => (last.items.length === pageSize ? (last.items.at(-1)?.id ?? undefined) : undefined),
  });
  const loadOlder = async () => {
    if (query.hasNextPage && !query.isFetchingNextPage) await query.fetchNextPage();
  };
  if (query.isPending) return { log: { state: 'loading' }, loadOlder };
  if (!query.data) return { log: { state: 'failed', error: query.error }, loadOlder };
  const log: AuditLogState = {
    state: 'ready',
    entries: query.data.pages.flatMap((page) => page.items),
    mayHaveOlder: query.hasNextPage,
    loadingOlder: query.isFetchingNextPage,
    olderError: query.isFetchNextPageError ? query.error : null,
  };
  return { log, loadOlder };
}
