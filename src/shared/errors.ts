// Refusals in the domain's words. A capability declares its closed set of error codes once, each with the
// kind of refusal it is; the HTTP edge alone turns a kind into a status (src/http/problem.ts).
import type { ZodError } from 'zod';

/** What went wrong, in terms every edge understands: HTTP maps it to a status, the CLI to an exit code. */
export type ErrorKind =
  | 'invalid' // the input breaks a rule; correct it and try again
  | 'unauthenticated' // who is asking is unknown
  | 'forbidden' // who is asking may not do this
  | 'not_found'
  | 'gone' // it existed and was erased on purpose
  | 'conflict' // the request contradicts the current state
  | 'unprocessable' // understood and allowed, but what it needs is not there yet (e.g. too few labels to train on)
  | 'too_large'
  | 'unsupported' // a format or encoding we do not take
  | 'rate_limited' // too many tries from this caller; wait
  | 'unavailable' // the service is busy or stopping; wait
  | 'internal';

export interface FieldError {
  field: string;
  reason: string;
}

export interface DomainErrorOptions {
  /** Each field that broke a rule, for forms to show beside the field. */
  errors?: FieldError[];
  /** When a refusal for load (rate_limited, unavailable) may be tried again. */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly errors: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    /** The capability whose catalogue the code is in. */
    readonly capability: string,
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.errors = options.errors ?? [];
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export interface ErrorCatalogue<Code extends string> {
  readonly capability: string;
  readonly codes: Readonly<Record<Code, ErrorKind>>;
  /** A refusal with one of this capability's codes; any other code does not compile. */
  error(code: Code, message: string, options?: DomainErrorOptions): DomainError;
  /** True for an error of this catalogue, and of that code when one is given. */
  is(error: unknown, code?: Code): error is DomainError;
}

/**
 * Declares a capability's closed set of error codes.
 * @example const caseErrors = defineErrors('cases', { case_not_found: 'not_found', case_closed: 'conflict' });
 *          throw caseErrors.error('case_closed', 'Case 12 is closed');
 */
export function defineErrors<const Codes extends Record<string, ErrorKind>>(
  capability: string,
  codes: Codes,
): ErrorCatalogue<keyof Codes & string> {
  type Code = keyof Codes & string;
  return {
    capability,
    codes,
    error: (code: Code, message: string, options?: DomainErrorOptions) =>
      new DomainError(capability, code, codes[code] as ErrorKind, message, options),
    is: (error: unknown, code?: Code): error is DomainError =>
      error instanceof DomainError && error.capability === capability && (code === undefined || error.code === code),
  };
}

/** Refusals every capability may give: bad input at its boundary, and a role that may not act. */
export const commonErrors = defineErrors('common', {
  invalid_input: 'invalid',
  forbidden: 'forbidden',
});

/** Turns zod issues into our field list: `batch.3.userId: Required`. */
export function fieldErrorsOf(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    reason: issue.message,
  }));
}

/** `invalid_input` naming the first broken field, with every field in `errors`. */
export function invalidInput(error: ZodError, where: string): DomainError {
  const errors = fieldErrorsOf(error);
  const first = errors[0];
  const detail = first ? `Invalid ${where}: ${first.field}: ${first.reason}` : `Invalid ${where}`;
  return commonErrors.error('invalid_input', detail, { errors });
}

/** `invalid_input` for one field, when a rule outside a schema is broken (a date in the past, a name taken). */
export function invalidField(field: string, reason: string, message = `Invalid ${field}: ${reason}`): DomainError {
  return commonErrors.error('invalid_input', message, { errors: [{ field, reason }] });
}
