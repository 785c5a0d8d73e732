// The one HTTP client of the UI: openapi-fetch typed by the paths generated from the server's OpenAPI document
// (schema.d.ts, `npm run api:types`). Same-origin cookies; every problem+json refusal becomes an ApiError, and a
// 401 tells the app the session is gone (except where a 401 is the answer itself, such as a wrong password).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

/** One invalid input, as problem+json lists them: `{ field: 'password', reason: 'must be at least 10 characters' }`. */
export type FieldError = components['schemas']['FieldError'];

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

/** The app registers how to react to a 401 (go to /signin). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/**
 * Where a 401 is an answer, not a lost session: signing in (a wrong password), signing out, asking who is
 * signed in ("nobody"), and presence (a heartbeat racing a sign-out).
 */
const OWN_401: ReadonlySet<string> = new Set([
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/cases/{id}/presence',
]);

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

const problems: Middleware = {
  async onResponse({ response, schemaPath }) {
    if (response.ok) return undefined;
    if (response.status === 401 && !OWN_401.has(schemaPath)) onUnauthorized();
    throw await problemOf(response);
  },
  onError({ error, request }) {
    // An abandoned request (the screen moved on) stays an AbortError, for the caller to ignore.
    if (request.signal.aborted) return error instanceof Error ? error : new Error(String(error));
    return new ApiError(0, 'network_error', 'Could not reach the Rapport server. Check your connection and try again.');
  },
};

export const client = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } });
client.use(problems);

/**
 * The answer's body: `const card = await dataOf(client.GET('/api/customers/{id}', { params: { path: { id } } }));`
 * A refusal never gets here (the middleware above threw it as an ApiError); a 204 gives undefined.
 */
export async function dataOf<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** Query parameters with the empty ones left out, as the API reads a missing parameter and an empty one alike. */
export function present<T extends Record<string, unknown>>(params: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
}

/** What a route takes as its JSON body: `RequestBody<'/api/teams', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
