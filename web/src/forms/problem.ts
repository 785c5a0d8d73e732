// Where a refusal shows: the server's problem+json `errors[].field` names (and a few codes without one)
// placed on the form's fields, and whatever no field can hold kept for an alert above the form.
import { ApiError } from '../api.ts';

export interface Placement {
  /** The API's field names the form has a place for; a name not listed goes to the alert. */
  fields: readonly string[];
  /** Nested API names go to the nearest listed parent: `businessHours.mon.0.1` beside `businessHours.mon`. */
  nearest?: boolean;
  /** API name → the form's own name for it, where the two differ (`empowermentLimit.amount` → `amount`). */
  rename?: Readonly<Record<string, string>>;
  /** Codes whose error lists no field but belongs beside one, e.g. `{ staff_exists: 'email' }` for a 409. */
  byCode?: Readonly<Record<string, string>>;
}

export interface PlacedProblem {
  /** The form's field name → the first reason given for it. */
  byField: Record<string, string>;
  /** The error to show above the form when no field can carry it, else null. */
  general: unknown;
}

/** The longest of `fields` that is `field` itself or one of its parents, if any. */
export function nearestField(field: string, fields: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const candidate of fields) {
    const matches = field === candidate || field.startsWith(`${candidate}.`);
    if (matches && (!best || candidate.length > best.length)) best = candidate;
  }
  return best;
}

/** Splits a failure between the form's fields and a general alert. */
export function placeProblem(error: unknown, placement: Placement): PlacedProblem {
  if (!(error instanceof ApiError)) return { byField: {}, general: error };
  const { fields, nearest = false, rename = {}, byCode = {} } = placement;
  const formName = (field: string) => rename[field] ?? field;
  const byField: Record<string, string> = {};
  for (const { field, reason } of error.errors) {
    const placed = nearest ? nearestField(field, fields) : fields.includes(field) ? field : undefined;
    if (placed !== undefined) byField[formName(placed)] ??= reason;
  }
  const codeField = byCode[error.code];
  if (codeField) byField[formName(codeField)] ??= error.message;
  return Object.keys(byField).length > 0 ? { byField, general: null } : { byField, general: error };
}
