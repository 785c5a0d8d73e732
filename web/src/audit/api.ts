// The audit trail endpoint: one page of entries, newest first, for managers and admins (`audit:read`).
import { request } from '../api.ts';
import { auditSearch, type AuditFilters } from './filters.ts';
import type { AuditEntry } from './types.ts';

export const auditApi = {
  /** `before`: the id to page back from (entries with smaller ids); null for the newest. */
  entries: (filters: AuditFilters, pageSize: number, before: number | null, signal?: AbortSignal) =>
    request<{ items: AuditEntry[] }>(`/api/audit${auditSearch(filters, pageSize, before)}`, { signal }),
};
