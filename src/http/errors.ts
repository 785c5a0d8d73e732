// The HTTP edge's view of errors: a domain error's kind becomes a status here and nowhere else, and every
// refusal leaves as RFC 9457 problem details.
import { DomainError, defineErrors, type ErrorKind, type FieldError } from '../shared/errors.ts';

export type { FieldError };

/** The framework's own refusals: a request it cannot read, a caller it does not know, a route that is not there. */
export const httpErrors = defineErrors('http', {
  invalid_json: 'invalid',
  invalid_encoding: 'invalid',
  invalid_content_length: 'invalid',
  invalid_compressed_body: 'invalid',
  bad_request: 'invalid',
  invalid_text: 'invalid',
  too_deeply_nested: 'invalid',
  body_too_large: 'too_large',
  unsupported_media_type: 'unsupported',
  unsupported_encoding: 'unsupported',
  not_signed_in: 'unauthenticated',
  invalid_token: 'unauthenticated',
  invalid_write_key: 'unauthenticated',
  cross_site_request: 'forbidden',
  route_not_found: 'not_found',
  internal_error: 'internal',
  /** A route answered outside its declared schema (checked only with RAPPORT_CHECK_RESPONSES=1, in tests). */
  response_mismatch: 'internal',
});

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
  500: 'Internal Server Error',
};

/** The one place a kind of refusal becomes an HTTP status. */
export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export function statusOf(error: DomainError): number {
  return STATUS_OF_KIND[error.kind];
}

export function isKnownError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export function toProblem(error: DomainError, requestId?: string): ProblemDetails {
  const status = statusOf(error);
  return {
    type: `https://rapport.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    ...(error.errors.length ? { errors: error.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
