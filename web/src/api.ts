// Fetch wrapper for the Rapport API: JSON in and out, problem+json errors as ApiError,
// and one place that sends the user back to sign-in when the session is gone.
import type {
  CaseChanges,
  CaseDetail,
  CaseMessage,
  CaseSummary,
  ContextCard,
  Gesture,
  Mention,
  NewGesture,
  PendingGesture,
  ReplyTemplate,
  Team,
  CreatedWriteKey,
  CustomerSummary,
  Erasure,
  Flag,
  Interaction,
  Merge,
  NewStaffMember,
  Page,
  Preference,
  Staff,
  StaffMember,
  WriteKey,
} from './types.ts';

/** One invalid input, as problem+json lists them: `{ field: 'password', reason: 'must be at least 10 characters' }`. */
export interface FieldError {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app registers how to react to a 401 (go to /signin); login itself handles its own 401. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

async function problemOf(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`.trim();
  let code = 'http_error';
  let errors: FieldError[] = [];
  try {
    const body = (await response.json()) as { detail?: unknown; title?: unknown; code?: unknown; errors?: unknown };
    if (typeof body.detail === 'string' && body.detail) detail = body.detail;
    else if (typeof body.title === 'string' && body.title) detail = body.title;
    if (typeof body.code === 'string') code = body.code;
    if (Array.isArray(body.errors)) errors = body.errors.filter(isFieldError);
  } catch {
    // Not JSON (a proxy error page, say): the status line is the best we have.
  }
  return new ApiError(response.status, code, detail, errors);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).reason === 'string'
  );
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Login expects 401 for a wrong password and must not be redirected. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

/** One API call; exported for the settings screens' own endpoint list (settings/api.ts). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, redirectOn401 = true, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the Rapport server. Check your connection and try again.');
  }
  if (response.status === 401 && redirectOn401) onUnauthorized();
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;
const casePath = (id: string | number) => `/api/cases/${encodeURIComponent(String(id))}`;

/** Which cases a queue asks for; `assigneeId: 'me'` is the signed-in staff member. */
export interface CaseFilter {
  status?: string;
  assigneeId?: string;
  teamId?: string;
  unassigned?: boolean;
  customerId?: string;
  limit?: number;
  /** Search and filters (src/cases/listing.ts): comma lists for channel and priority. */
  q?: string;
  channel?: string;
  priority?: string;
  reason?: string;
  tag?: string;
  sort?: string;
}

export const api = {
  login: (email: string, password: string) =>
    request<{ staff: Staff }>('/api/auth/login', { method: 'POST', body: { email, password }, redirectOn401: false }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', redirectOn401: false }),
  /** Who is signed in; a 401 here just means "nobody", so it does not redirect. */
  me: () => request<Staff>('/api/auth/me', { redirectOn401: false }),
  /** Without `q`, the most recently seen. `capped`: a search matched more than the server pages through. */
  searchCustomers: (q: string, cursor: string | null = null, signal?: AbortSignal) =>
    request<Page<CustomerSummary> & { capped?: boolean }>(
      `/api/customers${query({ q: q.trim(), limit: 20, cursor })}`,
      { signal },
    ),
  customer: (id: string, signal?: AbortSignal) =>
    request<ContextCard>(`/api/customers/${encodeURIComponent(id)}`, { signal }),
  timeline: (id: string, cursor: string | null, signal?: AbortSignal) =>
    request<Page<Interaction>>(`${customerPath(id)}/timeline${query({ limit: 20, cursor })}`, { signal }),
  statePreference: (id: string, key: string, value: string) =>
    request<{ items: Preference[] }>(`${customerPath(id)}/preferences/${encodeURIComponent(key)}`, {
      method: 'PUT',
      body: { value },
    }),
  removePreference: (id: string, key: string) =>
    request<void>(`${customerPath(id)}/preferences/${encodeURIComponent(key)}`, { method: 'DELETE' }),
  setFlag: (id: string, flag: string, reason: string | null) =>
    request<{ items: Flag[] }>(`${customerPath(id)}/flags/${encodeURIComponent(flag)}`, {
      method: 'PUT',
      body: { reason },
    }),
  clearFlag: (id: string, flag: string) =>
    request<void>(`${customerPath(id)}/flags/${encodeURIComponent(flag)}`, { method: 'DELETE' }),
  undoMerge: (mergeId: string) => request<Merge>(`/api/merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' }),
  /** A plain link target, not a fetch: the browser saves the JSON attachment itself. */
  exportUrl: (id: string) => `${customerPath(id)}/export`,
  eraseCustomer: (id: string) => request<Erasure>(customerPath(id), { method: 'DELETE' }),
  writeKeys: () => request<{ items: WriteKey[] }>('/api/write-keys'),
  createWriteKey: (name: string, source?: string) =>
    request<CreatedWriteKey>('/api/write-keys', { method: 'POST', body: { name, source } }),
  revokeWriteKey: (id: string) => request<void>(`/api/write-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  staff: () => request<{ items: StaffMember[] }>('/api/staff'),
  createStaff: (member: NewStaffMember) => request<StaffMember>('/api/staff', { method: 'POST', body: member }),
  cases: (filter: CaseFilter, cursor: string | null, signal?: AbortSignal) =>
    request<Page<CaseSummary>>(
      `/api/cases${query({ ...filter, unassigned: filter.unassigned ? 'true' : undefined, cursor })}`,
      { signal },
    ),
  /** Active cases whose next SLA clock runs out within the window, or already has; soonest first. */
  breachingCases: (withinMinutes: number, signal?: AbortSignal) =>
    request<{ items: CaseSummary[] }>(`/api/cases/breaching${query({ withinMinutes })}`, { signal }),
  /** By id or by number. */
  case: (id: string | number, signal?: AbortSignal) => request<CaseDetail>(casePath(id), { signal }),
  changeCase: (id: string, changes: CaseChanges) =>
    request<CaseSummary>(casePath(id), { method: 'PATCH', body: changes }),
  reply: (id: string, text: string) =>
    request<CaseMessage>(`${casePath(id)}/replies`, { method: 'POST', body: { text } }),
  /** A template rendered for this case, for the agent to edit before sending. */
  previewTemplate: (id: string, templateId: string) =>
    request<{ templateId: string; text: string }>(`${casePath(id)}/templates/${encodeURIComponent(templateId)}`),
  addNote: (id: string, text: string) =>
    request<CaseMessage>(`${casePath(id)}/notes`, { method: 'POST', body: { text } }),
  issueGesture: (id: string, gesture: NewGesture) =>
    request<Gesture>(`${casePath(id)}/gestures`, { method: 'POST', body: gesture }),
  /** Gestures above their issuer's limit, oldest first (managers). */
  pendingGestures: () => request<{ items: PendingGesture[] }>('/api/gestures'),
  approveGesture: (id: string) =>
    request<Gesture>(`/api/gestures/${encodeURIComponent(id)}/approve`, { method: 'POST', body: {} }),
  rejectGesture: (id: string, note: string) =>
    request<Gesture>(`/api/gestures/${encodeURIComponent(id)}/reject`, { method: 'POST', body: { note } }),
  /** Where colleagues mentioned the signed-in staff member, newest first. */
  mentions: (signal?: AbortSignal) => request<{ items: Mention[] }>(`/api/mentions${query({ limit: 50 })}`, { signal }),
  markMentionRead: (id: number) => request<void>(`/api/mentions/${id}/read`, { method: 'POST' }),
  templates: () => request<{ items: ReplyTemplate[]; variables: string[] }>('/api/templates'),
  teams: () => request<{ items: Team[] }>('/api/teams'),
};
