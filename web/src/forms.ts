// Server-side validation as form feedback: problem+json `errors` become messages beside their fields;
// anything no field can hold stays a general error for an ErrorAlert.
import { ApiError } from './api.ts';

export type FieldMessages = Partial<Record<string, string>>;

export interface FormProblem {
  byField: FieldMessages;
  /** The error to show above the form when no field can carry it, else null. */
  general: unknown;
}

export const NO_PROBLEM: FormProblem = { byField: {}, general: null };

/**
 * Splits a failure between the form's fields and a general alert.
 * `byCode` places errors without a field list, e.g. `{ staff_exists: 'email' }` for a 409.
 */
export function formProblemOf(
  error: unknown,
  fields: readonly string[],
  byCode: Record<string, string> = {},
): FormProblem {
  if (!(error instanceof ApiError)) return { byField: {}, general: error };
  const byField: FieldMessages = {};
  for (const { field, reason } of error.errors) {
    if (fields.includes(field)) byField[field] ??= reason;
  }
  const codeField = byCode[error.code];
  if (codeField) byField[codeField] ??= error.message;
  return Object.keys(byField).length > 0 ? { byField, general: null } : { byField, general: error };
}

/** Ties an input to its message for screen readers: `<input {...describedBy('staff-email', message)} />`. */
export function describedBy(id: string, message: string | undefined) {
  return { id, 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined };
}
