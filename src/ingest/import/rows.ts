// One mapped row to one interaction: dates read leniently, the default source and sourceId filled in, then the
// native schema — the one place an imported row is validated. Pure apart from hashing.
import { createHash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import { fieldErrorsOf, type FieldError } from '../../shared/errors.ts';
import type { IncomingEvent } from '../../interactions/index.ts';
import { mapNativeInteraction, nativeInteractionSchema } from '../native.ts';
import { hasAmbiguousDayAndMonth, isNumericDate, parseDateInFormat, parseLooseDate } from '../../shared/dates.ts';
import { findTextProblem } from '../../shared/text.ts';

export type RowOutcome = { event: IncomingEvent } | { errors: FieldError[] };

export type RowValidator = (body: Record<string, unknown>, raw: string, receivedAt: number) => RowOutcome;

export interface RowReading {
  /** Places dates written without a zone ("2024-03-01 10:00"); see src/shared/dates.ts. Default UTC. */
  timezone?: string;
  /** Every row is history unless it says otherwise. */
  historical?: boolean;
  /** The layout of occurredAt in luxon's tokens (`dd/MM/yyyy HH:mm`), or ISO 8601; without it, dates are read loosely. */
  dateFormat?: string;
}

export function createRowValidator(
  defaultCountry: CountryCode,
  defaultSource: string,
  { timezone = 'UTC', historical = false, dateFormat }: RowReading = {},
): RowValidator {
  const schema = nativeInteractionSchema(defaultCountry);
  return (body, raw, receivedAt) => {
    // The same text rule as the HTTP edge: a NUL or a lone surrogate in a cell rejects the row, naming the field.
    const textProblem = findTextProblem(body);
    if (textProblem) return { errors: [{ field: textProblem.field, reason: textProblem.reason }] };
    if (typeof body.occurredAt === 'string') {
      const problem = readOccurredAt(body, timezone, dateFormat);
      if (problem) return { errors: [{ field: 'occurredAt', reason: problem }] };
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

/**
 * Exports write dates every which way (Twitter: `Tue Oct 31 22:10:47 +0000 2017`); the native API wants ISO 8601.
 * A stated layout is read strictly; without one, a date whose day and month could be either way round is refused
 * rather than guessed (the guess would be silently wrong for half the world).
 */
function readOccurredAt(body: Record<string, unknown>, timezone: string, dateFormat?: string): string | null {
  const text = body.occurredAt as string;
  if (dateFormat) {
    const time = parseDateInFormat(text, dateFormat, timezone);
    if (time === null) return `Not a date and time in the layout ${dateFormat} (nor ISO 8601): ${text}`;
    body.occurredAt = new Date(time).toISOString();
    return null;
  }
  if (hasAmbiguousDayAndMonth(text)) {
    return `Day and month could be either way round in ${text}: name the layout with --date-format (dd/MM/yyyy HH:mm or MM/dd/yyyy HH:mm)`;
  }
  const time = parseLooseDate(text, timezone);
  if (time === null) {
    // Day-first dates (25/04/2024) are the usual reason: say how to read them.
    const hint = isNumericDate(text) ? ': name its layout with --date-format (e.g. dd/MM/yyyy HH:mm)' : '';
    return `Not a date and time: ${text}${hint}`;
  }
  body.occurredAt = new Date(time).toISOString();
  return null;
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
