// One mapped row to one interaction: dates read leniently, the default source and sourceId filled in, then the
// native schema — the one place an imported row is validated. Pure apart from hashing.
import { createHash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import { fieldErrorsOf, type FieldError } from '../../shared/errors.ts';
import type { IncomingEvent } from '../../interactions/index.ts';
import { mapNativeInteraction, nativeInteractionSchema } from '../native.ts';
import { parseLooseDate } from '../../shared/dates.ts';
import { findTextProblem } from '../../shared/text.ts';

export type RowOutcome = { event: IncomingEvent } | { errors: FieldError[] };

export type RowValidator = (body: Record<string, unknown>, raw: string, receivedAt: number) => RowOutcome;

/** `timezone` places dates written without a zone ("2024-03-01 10:00"); see src/shared/dates.ts. */
export function createRowValidator(
  defaultCountry: CountryCode,
  defaultSource: string,
  timezone = 'UTC',
  historical = false,
): RowValidator {
  const schema = nativeInteractionSchema(defaultCountry);
  return (body, raw, receivedAt) => {
    // The same text rule as the HTTP edge: a NUL or a lone surrogate in a cell rejects the row, naming the field.
    const textProblem = findTextProblem(body);
    if (textProblem) return { errors: [{ field: textProblem.field, reason: textProblem.reason }] };
    if (typeof body.occurredAt === 'string') {
      // Exports write dates every which way (Twitter: `Tue Oct 31 22:10:47 +0000 2017`); the native API wants ISO 8601.
      const time = parseLooseDate(body.occurredAt, timezone);
      if (time === null)
        return { errors: [{ field: 'occurredAt', reason: `Not a date and time: ${body.occurredAt}` }] };
      body.occurredAt = new Date(time).toISOString();
    }
    // A row with no customer cells should hear "name the customer", not that an object is missing.
    body.customer ??= {};
    body.source ??= defaultSource;
    // Rows rarely carry an id of their own; the row's text is one, so re-importing a file stores nothing twice.
    body.sourceId ??= rawRecordKey(raw);
    // A CSV cell says `true` or `yes`; the native schema wants a boolean.
    if (typeof body.historical === 'string') body.historical = readFlag(body.historical);
    if (historical) body.historical ??= true;
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { errors: fieldErrorsOf(parsed.error) };
    return { event: mapNativeInteraction(parsed.data, receivedAt) };
  };
}

function readFlag(text: string): boolean | string {
  const value = text.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  return text;
}

export function rawRecordKey(raw: string): string {
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
