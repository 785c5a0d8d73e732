// Trends as pure rules: the period asked for and the one before it, its day or week buckets in a time zone, the
// counts summed into keys, and the keys ranked as movers. No I/O: the store counts, this file makes sense of it.
import { DateTime } from 'luxon';
import type { Channel } from '../interactions/index.ts';

/** What a trend is counted by: the contact reason found in a text, or its sentiment. */
export const TREND_DIMENSIONS = ['reason', 'sentiment'] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];

/** Buckets of the chart; weeks start on Monday (ISO 8601). */
export const TREND_INTERVALS = ['day', 'week'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** The longest period asked for at once: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;
/** The period when none is asked for: the 28 days up to and including today. */
export const DEFAULT_RANGE_DAYS = 28;
/** Up to this many days the buckets are days, beyond it weeks (when no interval is asked for). */
export const LONGEST_DAILY_RANGE_DAYS = 31;
/** Example messages shown per key, and how long an example's text may be. */
export const EXAMPLES_PER_KEY = 3;
export const EXAMPLE_LENGTH = 280;

/** A request as the edge validated it: `from` and `to` as ISO dates or date-times, both optional. */
export interface TrendRequest {
  from?: string;
  to?: string;
  by: TrendDimension;
  interval?: TrendInterval;
  channel?: Channel;
  timeZone: string;
}

/** One bucket of the period, clipped to it: `from`–`to` in ms (end exclusive), `start`–`end` as ISO in the zone. */
export interface Bucket {
  index: number;
  from: number;
  to: number;
  start: string;
  end: string;
}

/** The index the previous period's counts carry in place of a bucket's. */
export const PREVIOUS_PERIOD = -1;

/** What to count: both periods in ms (ends exclusive), the buckets of the current one. */
export interface TrendPlan {
  by: TrendDimension;
  interval: TrendInterval;
  timeZone: string;
  channel: Channel | null;
  from: number;
  to: number;
  previousFrom: number;
  previousTo: number;
  buckets: Bucket[];
}

/** A request the rules refuse, with the field to correct. */
export interface PlanRefusal {
  field: 'from' | 'to' | 'tz';
  reason: string;
}

/**
 * The plan of a request as of `now`: a date means its midnight in the zone, a date-time without an offset is read
 * in the zone, and `to` is exclusive (`to=2026-12-01` ends as November ends). Without `to`, the period ends as
 * today ends; without `from`, it is the 28 days before `to`.
 * @example planTrends({ by: 'reason', timeZone: 'UTC', from: '2026-11-01', to: '2026-11-08' }, Date.now())
 */
export function planTrends(request: TrendRequest, now: number): { plan: TrendPlan } | { refusal: PlanRefusal } {
  const zone = request.timeZone;
  if (!DateTime.now().setZone(zone).isValid) {
    return { refusal: { field: 'tz', reason: 'an IANA time zone such as UTC or Europe/Berlin' } };
  }
  const to = request.to
    ? DateTime.fromISO(request.to, { zone })
    : DateTime.fromMillis(now, { zone }).startOf('day').plus({ days: 1 });
  if (!to.isValid) return { refusal: { field: 'to', reason: `${request.to} is not a date` } };
  const from = request.from ? DateTime.fromISO(request.from, { zone }) : to.minus({ days: DEFAULT_RANGE_DAYS });
  if (!from.isValid) return { refusal: { field: 'from', reason: `${request.from} is not a date` } };
  if (from >= to) {
    return { refusal: { field: 'to', reason: 'must be after from (the period ends just before to)' } };
  }
  const days = to.diff(from, 'days').days;
  if (days > MAX_RANGE_DAYS) {
    return {
      refusal: {
        field: 'from',
        reason: `the period is at most ${MAX_RANGE_DAYS} days; this one is ${Math.ceil(days)}`,
      },
    };
  }
  const interval = request.interval ?? (days <= LONGEST_DAILY_RANGE_DAYS ? 'day' : 'week');
  const previous = previousPeriod(from, to);
  return {
    plan: {
      by: request.by,
      interval,
      timeZone: zone,
      channel: request.channel ?? null,
      from: from.toMillis(),
      to: to.toMillis(),
      previousFrom: previous.from.toMillis(),
      previousTo: previous.to.toMillis(),
      buckets: bucketsOf(from, to, interval),
    },
  };
}

/**
 * The period of the same length just before: the same number of calendar days (and any time left over), so a
 * period of whole days in the zone is compared with whole days, across a change to or from summer time too.
 */
export function previousPeriod(from: DateTime, to: DateTime): { from: DateTime; to: DateTime } {
  const length = to.diff(from, ['days', 'milliseconds']);
  return { from: from.minus(length), to: from };
}

/** The days or weeks (from Monday) of `from`–`to` in their zone, the first and last clipped to the period. */
export function bucketsOf(from: DateTime, to: DateTime, interval: TrendInterval): Bucket[] {
  const buckets: Bucket[] = [];
  let start = from.startOf(interval === 'week' ? 'week' : 'day');
  while (start < to) {
    const next = start.plus(interval === 'week' ? { weeks: 1 } : { days: 1 });
    const clippedStart = start < from ? from : start;
    const clippedEnd = next > to ? to : next;
    buckets.push({
      index: buckets.length,
      from: clippedStart.toMillis(),
      to: clippedEnd.toMillis(),
      start: isoIn(clippedStart),
      end: isoIn(clippedEnd),
    });
    start = next;
  }
  return buckets;
}

/** An instant as ISO 8601 with its zone's offset (`2026-11-01T00:00:00.000+01:00`), as the caller's days read. */
export function isoIn(moment: DateTime): string {
  return moment.toISO() ?? moment.toUTC().toISO()!;
}

/** The ms of a plan as ISO in its zone. */
export function isoOf(ms: number, timeZone: string): string {
  return isoIn(DateTime.fromMillis(ms, { zone: timeZone }));
}

/** A count the store gives: per bucket (or PREVIOUS_PERIOD), channel and key. */
export interface CountRow {
  bucket: number;
  channel: Channel;
  key: string | null;
  count: number;
}

/** A key with its counts in both periods, before examples are added. */
export interface KeyTally {
  key: string | null;
  count: number;
  previousCount: number;
  /** count − previousCount. */
  change: number;
  /** The change against the previous count in percent, one decimal; null when there was none before. */
  changePercent: number | null;
  /** Of all counted in its period, 0…1. */
  share: number;
  previousShare: number;
  byChannel: Array<{ channel: Channel; count: number }>;
}

export interface TrendTally {
  total: number;
  previousTotal: number;
  buckets: Array<{ start: string; end: string; count: number }>;
  series: Array<{ start: string; channel: Channel; key: string | null; count: number }>;
  /** The biggest movers first (moverOrder). */
  keys: KeyTally[];
}

/** Sums the store's counts into totals, the chart's buckets and series, and the keys ranked as movers. */
export function tallyTrends(plan: TrendPlan, rows: readonly CountRow[]): TrendTally {
  const bucketCounts = plan.buckets.map(() => 0);
  const keys = new Map<string | null, { count: number; previousCount: number; byChannel: Map<Channel, number> }>();
  const series: TrendTally['series'] = [];
  let total = 0;
  let previousTotal = 0;
  for (const row of rows) {
    if (row.count === 0) continue;
    const entry = keys.get(row.key) ?? { count: 0, previousCount: 0, byChannel: new Map() };
    keys.set(row.key, entry);
    if (row.bucket === PREVIOUS_PERIOD) {
      entry.previousCount += row.count;
      previousTotal += row.count;
      continue;
    }
    const bucket = plan.buckets[row.bucket];
    if (!bucket) continue;
    entry.count += row.count;
    entry.byChannel.set(row.channel, (entry.byChannel.get(row.channel) ?? 0) + row.count);
    bucketCounts[bucket.index] = (bucketCounts[bucket.index] ?? 0) + row.count;
    total += row.count;
    series.push({ start: bucket.start, channel: row.channel, key: row.key, count: row.count });
  }
  series.sort(
    (a, b) => a.start.localeCompare(b.start) || a.channel.localeCompare(b.channel) || compareKeys(a.key, b.key),
  );
  const tallies = [...keys.entries()].map(([key, entry]): KeyTally => {
    const change = entry.count - entry.previousCount;
    return {
      key,
      count: entry.count,
      previousCount: entry.previousCount,
      change,
      changePercent: entry.previousCount === 0 ? null : Math.round((change / entry.previousCount) * 1000) / 10,
      share: total === 0 ? 0 : entry.count / total,
      previousShare: previousTotal === 0 ? 0 : entry.previousCount / previousTotal,
      byChannel: [...entry.byChannel.entries()]
        .map(([channel, count]) => ({ channel, count }))
        .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
    };
  });
  return {
    total,
    previousTotal,
    buckets: plan.buckets.map((bucket) => ({
      start: bucket.start,
      end: bucket.end,
      count: bucketCounts[bucket.index]!,
    })),
    series,
    keys: tallies.sort(moverOrder),
  };
}

/**
 * The biggest movers first: by how much the count changed either way, then the larger count, then by key (no
 * reason last) so that the order is the same on every call.
 */
export function moverOrder(
  a: Pick<KeyTally, 'key' | 'count' | 'change'>,
  b: Pick<KeyTally, 'key' | 'count' | 'change'>,
): number {
  return Math.abs(b.change) - Math.abs(a.change) || b.count - a.count || compareKeys(a.key, b.key);
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/** A message cut to about `max` characters at a word, with an ellipsis when anything was left out. */
export function excerpt(text: string, max = EXAMPLE_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  // Counted in code points, so an emoji is never cut in half.
  const characters = Array.from(clean);
  if (characters.length <= max) return clean;
  const cut = characters.slice(0, max).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
