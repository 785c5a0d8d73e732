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

/** Whether luxon knows the zone: for options and settings that name one. */
export function isKnownZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
