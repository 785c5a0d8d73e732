// The audit trail endpoint: one page of entries, newest first, for managers and admins (`audit:read`).
import { client, dataOf } from '../api/client.ts';
import { DEFAULT_PAGE_SIZE, FILTER_FIELDS, type AuditFilters } from './filters.ts';

export const auditApi = {
  /** `before`: the id to page back from (entries with smaller ids); null for the newest. */
  entries: (filters: AuditFilters, pageSize: number, before: number | null, signal?: AbortSignal) =>
    dataOf(client.GET('/api/audit', { params: { query: auditQuery(filters, pageSize, before) }, signal })),
};

/** Set values only; the default page size is left out, as in the page's address. */
function auditQuery(filters: AuditFilters, pageSize: number, before: number | null) {
  const query: { customerId?: string; actorId?: string; action?: string; limit?: number; before?: number } = {};
  for (const field of FILTER_FIELDS) if (filters[field]) query[field] = filters[field];
  if (pageSize !== DEFAULT_PAGE_SIZE) query.limit = pageSize;
  if (before !== null) query.before = before;
  return query;
}
