// Dates as exports write them. A date that names its zone ("Z", "+0200", "GMT") means that moment; one
// that does not ("2024-03-01 10:00", "03/01/2024 10:00") is a wall-clock time in the zone the caller
// names, never the server's own zone, so the same file imports the same way on every machine.
import { DateTime } from 'luxon';

const NAMES_ITS_ZONE = /\dZ\b|\dZ$|[+-]\d{2}:?\d{2}\s*(?:\d{4})?$|[+-]\d{4}\b|\b(?:GMT|UTC|UT)\b/i;

/** Epoch ms, or null when the text is not a date. `zone` is an IANA zone such as `UTC` or `Europe/Paris`. */
export function parseLooseDate(text: string, zone: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (NAMES_ITS_ZONE.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? null : ms;
  }
  for (const parsed of [DateTime.fromISO(trimmed, { zone }), DateTime.fromSQL(trimmed, { zone })]) {
    if (parsed.isValid) return parsed.toMillis();
  }
  // Anything else Date.parse reads ("March 1, 2024 10:00", "03/01/2024"): it reads it in the server's
  // zone, so take its wall-clock fields and place them in the zone asked for.
  const local = new Date(trimmed);
  if (Number.isNaN(local.getTime())) return null;
  const wall = DateTime.fromObject(
    {
      year: local.getFullYear(),
      month: local.getMonth() + 1,
      day: local.getDate(),
      hour: local.getHours(),
      minute: local.getMinutes(),
      second: local.getSeconds(),
      millisecond: local.getMilliseconds(),
    },
    { zone },
  );
  return wall.isValid ? wall.toMillis() : null;
}

/** Day, month and year as numbers (`03/04/2024`, `25.4.24`), in an order the text does not say. */
const NUMERIC_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/;

export function isNumericDate(text: string): boolean {
  return NUMERIC_DATE.test(text);
}

/**
 * A date written with day and month as numbers that could be either way round (`03/04/2024`: March 4 in the US,
 * 3 April in most of the world). Read loosely it would silently be the US one; an importer asks for the layout.
 */
export function hasAmbiguousDayAndMonth(text: string): boolean {
  const numbers = NUMERIC_DATE.exec(text);
  if (!numbers) return false;
  const [first, second] = [Number(numbers[1]), Number(numbers[2])];
  return first !== second && first >= 1 && first <= 12 && second >= 1 && second <= 12;
}

/**
 * Epoch ms of a date written in a stated layout (luxon's tokens: `dd/MM/yyyy HH:mm`), read in `zone` unless the
 * layout names a zone (`ZZ`); ISO 8601 is read too, as it cannot be misread (exports mix the two). Null when the
 * text is neither.
 */
export function parseDateInFormat(text: string, format: string, zone: string): number | null {
  const trimmed = text.trim();
  for (const parsed of [DateTime.fromFormat(trimmed, format, { zone }), DateTime.fromISO(trimmed, { zone })]) {
    if (parsed.isValid) return parsed.toMillis();
  }
  return null;
}

/** Whether a layout can read back a date it wrote: a layout of luxon tokens that names at least a day. */
export function isUsableDateFormat(format: string): boolean {
  if (!/d/.test(format) || !/[ML]/.test(format) || !/y/.test(format)) return false;
  const sample = DateTime.fromObject({ year: 2024, month: 3, day: 17, hour: 13, minute: 45 }, { zone: 'UTC' });
  const written = sample.toFormat(format);
  const read = DateTime.fromFormat(written, format, { zone: 'UTC' });
  return read.isValid && read.year === 2024 && read.month === 3 && read.day === 17;
}

/** Whether luxon knows the zone: for options and settings that name one. */
export function isKnownZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
