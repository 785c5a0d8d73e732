// The Rapport API as the screens call it: thin typed functions over the one openapi-fetch client (api/client.ts),
// which turns problem+json refusals into ApiError and sends the user back to sign-in when the session is gone.
import { client, dataOf, present } from './api/client.ts';
import type { paths } from './api/schema.d.ts';
import type { CaseChanges, NewGesture, NewStaffMember } from './api/types.ts';

export { ApiError, setUnauthorizedHandler, type FieldError } from './api/client.ts';

const byId = (id: string | number) => ({ params: { path: { id: String(id) } } });

type CaseQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

/** What the trends route takes: the period (`to` exclusive), reason or sentiment, day or week, channel, zone. */
export type TrendsQuery = NonNullable<paths['/api/insights/trends']['get']['parameters']['query']>;

/**
 * Which cases a queue asks for; `assigneeId: 'me'` is the signed-in staff member. Search and filters
 * (src/cases/listing.ts) take comma lists for channel and priority; `sort` goes as the address has it.
 */
export type CaseFilter = Omit<CaseQuery, 'unassigned' | 'cursor' | 'sort'> & { unassigned?: boolean; sort?: string };

export const api = {
  login: (email: string, password: string) => dataOf(client.POST('/api/auth/login', { body: { email, password } })),
  logout: () => dataOf(client.POST('/api/auth/logout')),
  /** Who is signed in; a 401 here just means "nobody", so it does not redirect. */
  me: () => dataOf(client.GET('/api/auth/me')),
  /** Without `q`, the most recently seen. `capped`: a search matched more than the server pages through. */
  searchCustomers: (q: string, cursor: string | null = null, signal?: AbortSignal) =>
    dataOf(client.GET('/api/customers', { params: { query: present({ q: q.trim(), limit: 20, cursor }) }, signal })),
  customer: (id: string, signal?: AbortSignal) => dataOf(client.GET('/api/customers/{id}', { ...byId(id), signal })),
  timeline: (id: string, cursor: string | null, signal?: AbortSignal) =>
    dataOf(
      client.GET('/api/customers/{id}/timeline', {
        params: { path: { id }, query: present({ limit: 20, cursor }) },
        signal,
      }),
    ),
  statePreference: (id: string, key: string, value: string) =>
    dataOf(client.PUT('/api/customers/{id}/preferences/{key}', { params: { path: { id, key } }, body: { value } })),
  removePreference: (id: string, key: string) =>
    dataOf(client.DELETE('/api/customers/{id}/preferences/{key}', { params: { path: { id, key } } })),
  setFlag: (id: string, flag: string, reason: string | null) =>
    dataOf(client.PUT('/api/customers/{id}/flags/{flag}', { params: { path: { id, flag } }, body: { reason } })),
  clearFlag: (id: string, flag: string) =>
    dataOf(client.DELETE('/api/customers/{id}/flags/{flag}', { params: { path: { id, flag } } })),
  undoMerge: (mergeId: string) => dataOf(client.POST('/api/merges/{id}/undo', byId(mergeId))),
  /** A plain link target, not a fetch: the browser saves the JSON attachment itself. */
  exportUrl: (id: string) => `/api/customers/${encodeURIComponent(id)}/export`,
  eraseCustomer: (id: string) => dataOf(client.DELETE('/api/customers/{id}', byId(id))),
  writeKeys: () => dataOf(client.GET('/api/write-keys')),
  createWriteKey: (name: string, source?: string) => dataOf(client.POST('/api/write-keys', { body: { name, source } })),
  revokeWriteKey: (id: string) => dataOf(client.DELETE('/api/write-keys/{id}', byId(id))),
  /** How far the customer view is behind what sources sent (any staff member). */
  projectionLag: (signal?: AbortSignal) => dataOf(client.GET('/api/ingest/lag', { signal })),
  /** Pauses or resumes applying tracked events to the customer view (admins); answers the lag as it now stands. */
  setProjectorPaused: (paused: boolean) => dataOf(client.PUT('/api/ingest/projector', { body: { paused } })),
  staff: () => dataOf(client.GET('/api/staff')),
  createStaff: (member: NewStaffMember) => dataOf(client.POST('/api/staff', { body: member })),
  cases: (filter: CaseFilter, cursor: string | null, signal?: AbortSignal) =>
    dataOf(
      client.GET('/api/cases', {
        params: {
          query: present({
            ...filter,
            unassigned: filter.unassigned ? ('true' as const) : undefined,
            sort: filter.sort as CaseQuery['sort'],
            cursor,
          }),
        },
        signal,
      }),
    ),
  /** Reasons or sentiment of customers' texts over a period against the one before (GET /api/insights/trends). */
  trends: (query: TrendsQuery, signal?: AbortSignal) =>
    dataOf(client.GET('/api/insights/trends', { params: { query: present(query) }, signal })),
  /** Active cases whose next SLA clock runs out within the window, or already has; soonest first. */
  breachingCases: (withinMinutes: number, signal?: AbortSignal) =>
    dataOf(client.GET('/api/cases/breaching', { params: { query: { withinMinutes } }, signal })),
  /** By id or by number. */
  case: (id: string | number, signal?: AbortSignal) => dataOf(client.GET('/api/cases/{id}', { ...byId(id), signal })),
  changeCase: (id: string, changes: CaseChanges) =>
    dataOf(client.PATCH('/api/cases/{id}', { ...byId(id), body: changes })),
  reply: (id: string, text: string) => dataOf(client.POST('/api/cases/{id}/replies', { ...byId(id), body: { text } })),
  /** A template rendered for this case, for the agent to edit before sending. */
  previewTemplate: (id: string, templateId: string) =>
    dataOf(client.GET('/api/cases/{id}/templates/{templateId}', { params: { path: { id, templateId } } })),
  addNote: (id: string, text: string) => dataOf(client.POST('/api/cases/{id}/notes', { ...byId(id), body: { text } })),
  issueGesture: (id: string, gesture: NewGesture) =>
    dataOf(client.POST('/api/cases/{id}/gestures', { ...byId(id), body: gesture })),
  /** Gestures above their issuer's limit, oldest first (managers). */
  pendingGestures: () => dataOf(client.GET('/api/gestures')),
  approveGesture: (id: string) => dataOf(client.POST('/api/gestures/{id}/approve', { ...byId(id), body: {} })),
  rejectGesture: (id: string, note: string) =>
    dataOf(client.POST('/api/gestures/{id}/reject', { ...byId(id), body: { note } })),
  /** Where colleagues mentioned the signed-in staff member, newest first. */
  mentions: (signal?: AbortSignal) => dataOf(client.GET('/api/mentions', { params: { query: { limit: 50 } }, signal })),
  markMentionRead: (id: number) => dataOf(client.POST('/api/mentions/{id}/read', { params: { path: { id } } })),
  templates: () => dataOf(client.GET('/api/templates')),
  teams: () => dataOf(client.GET('/api/teams')),
};
