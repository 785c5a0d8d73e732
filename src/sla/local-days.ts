// The local days of a time zone as spans of epoch ms, worked out once with luxon and then kept: SLA due
// times are computed for every new case and answer, and building luxon DateTimes day by day for each
// of them was an eighth of the case engine's time.
import { DateTime, Info, type Zone } from 'luxon';
import { DAY_MS, MINUTE_MS } from '../shared/time.ts';

// A day counts as regular when the zone's offset stays the same from this long before its midnight to
// this long after the next one: then luxon's DateTime arithmetic gives the same midnight whatever offset
// it starts from (within MARGIN), so the span can stand in for it.
const MARGIN_MINUTES = 3 * 60;
// How often the offset is sampled to find a change: tzdb has no two changes within an hour of each other.
const SAMPLE_MS = 60 * MINUTE_MS;
// No zone is further than this from UTC (the widest today are −12 h and +14 h).
const WIDEST_OFFSET_MS = 18 * 60 * MINUTE_MS;
// A cache per zone holds a few years of days; past that it starts again rather than grow without end.
const MAX_DAYS_KEPT = 5_000;

export interface LocalDay {
  /** Days since 1970-01-01, counted in local dates. */
  number: number;
  /** `2026-10-25`, as luxon's `toISODate()` writes it. */
  isoDate: string;
  /** 1 for Monday … 7 for Sunday, as luxon's `weekday`. */
  weekday: number;
  /** Local midnight, in epoch ms. */
  start: number;
  /**
   * The zone's offset in minutes, constant over the whole day and MARGIN_MINUTES either side; null
   * when it changes there (a daylight-saving day, or one next to it), where luxon must do the maths.
   */
  offset: number | null;
}

interface ZoneDays {
  zone: Zone;
  days: Map<number, LocalDay>;
}

const zones = new Map<string, ZoneDays>();

function zoneDays(timezone: string): ZoneDays {
  let entry = zones.get(timezone);
  if (!entry) {
    entry = { zone: Info.normalizeZone(timezone), days: new Map() };
    zones.set(timezone, entry);
  }
  return entry;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function computeDay(zone: Zone, number: number): LocalDay {
  const utc = new Date(number * DAY_MS);
  const year = utc.getUTCFullYear();
  const month = utc.getUTCMonth() + 1;
  const day = utc.getUTCDate();
  const midnight = DateTime.fromObject({ year, month, day }, { zone });
  const start = midnight.toMillis();
  return {
    number,
    isoDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
    // 1970-01-01 was a Thursday.
    weekday: ((((number + 3) % 7) + 7) % 7) + 1,
    start,
    offset: midnight.isValid && midnight.hour === 0 && midnight.minute === 0 ? steadyOffset(zone, start) : null,
  };
}

/** The offset over [start − margin, start + 1 day + margin], or null when it changes (or the zone is not valid). */
function steadyOffset(zone: Zone, start: number): number | null {
  const offset = zone.offset(start);
  if (!Number.isFinite(offset)) return null;
  const margin = MARGIN_MINUTES * MINUTE_MS;
  const end = start + DAY_MS + margin;
  for (let at = start - margin; at < end; at += SAMPLE_MS) {
    if (zone.offset(at) !== offset) return null;
  }
  return zone.offset(end) === offset ? offset : null;
}

/** The local day numbered `number` in `timezone`. */
export function localDay(timezone: string, number: number): LocalDay {
  const entry = zoneDays(timezone);
  let day = entry.days.get(number);
  if (!day) {
    if (entry.days.size >= MAX_DAYS_KEPT) entry.days.clear();
    day = computeDay(entry.zone, number);
    entry.days.set(number, day);
  }
  return day;
}

/** The regular local day that `at` falls on, or null when it falls on an irregular one. */
export function regularDayAt(timezone: string, at: number): LocalDay | null {
  const last = Math.floor((at + WIDEST_OFFSET_MS) / DAY_MS);
  for (let number = Math.floor((at - WIDEST_OFFSET_MS) / DAY_MS); number <= last; number++) {
    const day = localDay(timezone, number);
    if (day.offset !== null && day.start <= at && at < day.start + DAY_MS) return day;
  }
  return null;
}

/**
 * Whether `day` is `first.number + k` as luxon's `firstDay.plus({ days: k })` would give it, `firstDay`
 * being the midnight of `first`: true when both are regular and their offsets are within the margin
 * (luxon's guess from the first day's offset then lands where the offset is steady).
 */
export function sameMidnightAsLuxon(first: LocalDay, day: LocalDay): boolean {
  return first.offset !== null && day.offset !== null && Math.abs(day.offset - first.offset) <= MARGIN_MINUTES;
}
