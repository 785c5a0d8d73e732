// The audit log's filters live in the address (`/settings/audit?action=team.archived`), so a filtered view
// can be shared as a link and Back returns to it. The same names are the API's query parameters.

export const AUDIT_PATH = '/settings/audit';

/** Empty strings mean "any". */
export interface AuditFilters {
  customerId: string;
  actorId: string;
  action: string;
}

export const FILTER_FIELDS = ['customerId', 'actorId', 'action'] as const satisfies readonly (keyof AuditFilters)[];

export const NO_FILTERS: AuditFilters = { customerId: '', actorId: '', action: '' };

/** The server's own default and ceiling for `limit`. */
export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

export function filtersFrom(search: URLSearchParams): AuditFilters {
  return {
    customerId: search.get('customerId')?.trim() ?? '',
    actorId: search.get('actorId')?.trim() ?? '',
    action: search.get('action')?.trim() ?? '',
  };
}

/** `?limit=` from the address when it is one the server takes, else the default; there is no box for it. */
export function pageSizeFrom(search: URLSearchParams): number {
  const raw = search.get('limit');
  const size = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE;
}

export function trimmedFilters(filters: AuditFilters): AuditFilters {
  return { customerId: filters.customerId.trim(), actorId: filters.actorId.trim(), action: filters.action.trim() };
}

export function hasFilters(filters: AuditFilters): boolean {
  return FILTER_FIELDS.some((field) => filters[field] !== '');
}

/** `?customerId=c_1&limit=20`: set values only, in a stable order; the default page size is left out. */
export function auditSearch(filters: AuditFilters, pageSize: number, before: number | null = null): string {
  const search = new URLSearchParams();
  for (const field of FILTER_FIELDS) if (filters[field]) search.set(field, filters[field]);
  if (pageSize !== DEFAULT_PAGE_SIZE) search.set('limit', String(pageSize));
  if (before !== null) search.set('before', String(before));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Where the page shows these filters: `/settings/audit?action=team.archived`. */
export function auditPagePath(filters: AuditFilters, pageSize: number): string {
  return `${AUDIT_PATH}${auditSearch(filters, pageSize)}`;
}
