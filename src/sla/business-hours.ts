// Business hours: when a team works, in its own time zone, minus holidays. SLA clocks run only
// while a team is open, so a message at 17:55 on Friday with a 1 h target is due at 09:55 on Monday.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { isKnownZone } from '../shared/dates.ts';
import { localDay, regularDayAt, sameMidnightAsLuxon, type LocalDay } from './local-days.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day as HH:MM (00:00–24:00)');
const interval = z
  .tuple([clock, clock])
  .refine(([open, close]) => minutesOf(open) < minutesOf(close), 'opening time must be before closing time');

export const businessHoursSchema = z.partialRecord(z.enum(WEEKDAYS), z.array(interval).max(6));
export const holidaysSchema = z.array(z.iso.date()).max(400);
export const timezoneSchema = z.string().refine(isKnownZone, 'an IANA time zone such as Europe/Paris');

export type BusinessHours = z.infer<typeof businessHoursSchema>;

export interface Calendar {
  timezone: string;
  /** No weekday at all means always open (a 24/7 team). */
  hours: BusinessHours;
  holidays: readonly string[];
}

export const ALWAYS_OPEN: Calendar = { timezone: 'UTC', hours: {}, holidays: [] };

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

export function isAlwaysOpen(calendar: Calendar): boolean {
  return Object.keys(calendar.hours).length === 0;
}

/** The open intervals of one local day, as epoch ms, empty on a holiday or a closed day. */
function openIntervalsOn(
  day: Pick<LocalDay, 'isoDate' | 'weekday' | 'start'>,
  calendar: Calendar,
): Array<[number, number]> {
  if (calendar.holidays.includes(day.isoDate)) return [];
  // The offset is steady all day (a regular day), so a wall-clock time is that many minutes after midnight.
  return (calendar.hours[WEEKDAYS[day.weekday - 1]!] ?? []).map(([open, close]) => [
    day.start + minutesOf(open) * 60_000,
    day.start + minutesOf(close) * 60_000,
  ]);
}

/**
 * The same for a day luxon has to work out (a daylight-saving change near it). Opening times are
 * wall-clock times: a team that opens at 09:00 opens at 09:00 on the day the clocks change too, and
 * that day is an hour shorter or longer. A time the change skips moves forward (luxon's rule), and an
 * interval the change swallows whole is dropped.
 */
function openIntervalsOnDateTime(day: DateTime, calendar: Calendar): Array<[number, number]> {
  if (calendar.holidays.includes(day.toISODate()!)) return [];
  const weekday = WEEKDAYS[day.weekday - 1]!;
  return (calendar.hours[weekday] ?? [])
    .map(([open, close]): [number, number] => [wallClockOn(day, open), wallClockOn(day, close)])
    .filter(([open, close]) => open < close);
}

function wallClockOn(day: DateTime, time: string): number {
  if (time === '24:00') return day.plus({ days: 1 }).startOf('day').toMillis();
  const minutes = minutesOf(time);
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

const SEARCH_DAYS = 400;

/** The open intervals of each local day from the one holding `from` on, in order. */
function* openIntervalsByDay(from: number, calendar: Calendar): Generator<Array<[number, number]>> {
  const zone = calendar.timezone;
  const first = regularDayAt(zone, from);
  if (!first) {
    // `from` falls on or next to a daylight-saving change: luxon all the way, as before the spans.
    const firstDay = DateTime.fromMillis(from, { zone }).startOf('day');
    for (let offset = 0; offset < SEARCH_DAYS; offset++)
      yield openIntervalsOnDateTime(firstDay.plus({ days: offset }), calendar);
    return;
  }
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const day = localDay(zone, first.number + offset);
    yield sameMidnightAsLuxon(first, day)
      ? openIntervalsOn(day, calendar)
      : openIntervalsOnDateTime(DateTime.fromMillis(first.start, { zone }).plus({ days: offset }), calendar);
  }
}

/** Each open interval from `from` on, in order, clipped to start no earlier than `from`. */
function* openIntervalsFrom(from: number, calendar: Calendar): Generator<[number, number]> {
  for (const intervals of openIntervalsByDay(from, calendar)) {
    for (const [open, close] of intervals) {
      if (close <= from) continue;
      yield [Math.max(open, from), close];
    }
  }
}

/** The moment `minutes` of open time have passed after `start`. */
export function addBusinessMinutes(start: number, minutes: number, calendar: Calendar): number {
  let remaining = minutes * 60_000;
  if (isAlwaysOpen(calendar)) return start + remaining;
  for (const [open, close] of openIntervalsFrom(start, calendar)) {
    if (remaining <= close - open) return open + remaining;
    remaining -= close - open;
  }
  throw new Error(`The calendar has no open hours in the next ${SEARCH_DAYS} days`);
}

/** Open time between two moments, in ms: for metrics measured in business hours. */
export function businessMillisBetween(start: number, end: number, calendar: Calendar): number {
  if (end <= start) return 0;
  if (isAlwaysOpen(calendar)) return end - start;
  let total = 0;
  for (const [open, close] of openIntervalsFrom(start, calendar)) {
    if (open >= end) break;
    total += Math.min(close, end) - open;
  }
  return total;
}

export function isOpenAt(at: number, calendar: Calendar): boolean {
  if (isAlwaysOpen(calendar)) return true;
  const day = regularDayAt(calendar.timezone, at);
  const intervals = day
    ? openIntervalsOn(day, calendar)
    : openIntervalsOnDateTime(DateTime.fromMillis(at, { zone: calendar.timezone }).startOf('day'), calendar);
  return intervals.some(([open, close]) => at >= open && at < close);
}

/** `at` itself when open, else the next opening; null when the calendar never opens. */
export function nextOpening(at: number, calendar: Calendar): number | null {
  if (isAlwaysOpen(calendar)) return at;
  const first = openIntervalsFrom(at, calendar).next();
  return first.done ? null : first.value[0];
}

/** Whether two moments fall on the same local date of the calendar's time zone. */
export function sameLocalDay(a: number, b: number, calendar: Calendar): boolean {
  const zone = calendar.timezone;
  const dayOfA = regularDayAt(zone, a);
  const dayOfB = regularDayAt(zone, b);
  if (dayOfA && dayOfB) return dayOfA.number === dayOfB.number;
  return DateTime.fromMillis(a, { zone }).toISODate() === DateTime.fromMillis(b, { zone }).toISODate();
}
