// The API names nested fields (`businessHours.mon.0.1`, `targets.urgent.firstResponse`); a form shows a
// message beside the nearest thing it has a place for (`businessHours.mon`).
import { ApiError } from '../api.ts';

/** The longest of `fields` that is `field` itself or one of its parents, if any. */
export function nearestField(field: string, fields: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const candidate of fields) {
    const matches = field === candidate || field.startsWith(`${candidate}.`);
    if (matches && (!best || candidate.length > best.length)) best = candidate;
  }
  return best;
}

/** The same failure, its field errors renamed to the fields the form shows. */
export function placedUnder(error: unknown, fields: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.errors.map(({ field, reason }) => ({ field: nearestField(field, fields) ?? field, reason }));
  return new ApiError(error.status, error.code, error.message, errors);
}

/** Wraps a form's send so `useFormSubmit(FIELDS, withNearestFields(FIELDS, send))` places nested errors. */
export function withNearestFields(fields: readonly string[], send: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await send();
    } catch (error) {
      throw placedUnder(error, fields);
    }
  };
}

/** A refusal decided in the browser, shown the same way as one from the server. */
export function fieldRefusal(field: string, reason: string): ApiError {
  return new ApiError(400, 'invalid_input', reason, [{ field, reason }]);
}
