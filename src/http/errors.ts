// One error type for the whole product, mapped once at the HTTP edge to RFC 9457 problem details.
import type { ZodError } from 'zod';

export interface FieldError {
  field: string;
  reason: string;
}

export class RapportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly errors: FieldError[] = [],
    /** Sent as Retry-After by the HTTP edge: when a refusal for load (429, 503) may be tried again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'RapportError';
  }
}

/** Turns zod issues into our field list: `batch.3.userId: Required`. */
export function fieldErrorsOf(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    reason: issue.message,
  }));
}

export function invalidInput(error: ZodError, where: string): RapportError {
  const errors = fieldErrorsOf(error);
  const first = errors[0];
  const detail = first ? `Invalid ${where}: ${first.field}: ${first.reason}` : `Invalid ${where}`;
  return new RapportError('invalid_input', detail, 400, errors);
}

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
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
  500: 'Internal Server Error',
};

export function toProblem(error: RapportError, requestId?: string): ProblemDetails {
  return {
    type: `https://rapport.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.errors.length ? { errors: error.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
