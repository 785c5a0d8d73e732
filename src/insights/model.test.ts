// The rules of trends without a database: periods and the one before, day and week buckets in a time zone (weeks
// from Monday, across a change to summer time), the counts summed into keys and ranked as movers, cut examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type CountRow,
  excerpt,
  PREVIOUS_PERIOD,
  planTrends,
  type TrendPlan,
  type TrendRequest,
  tallyTrends,
} from './model.ts';

const NOW = Date.parse('2026-11-20T15:00:00Z');

function plan(request: Partial<TrendRequest>, now = NOW): TrendPlan {
  const planned = planTrends({ by: 'reason', timeZone: 'UTC', ...request }, now);
  assert.ok('plan' in planned, JSON.stringify(planned));
  return planned.plan;
}

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

test('weeks in Europe/Berlin start on Monday at local midnight; the week summer time begins is an hour short', () => {
  const weeks = plan({ from: '2026-03-23', to: '2026-04-06', interval: 'week', timeZone: 'Europe/Berlin' });
  assert.deepEqual(
    weeks.buckets.map((bucket) => [bucket.start, bucket.end]),
    [
      ['2026-03-23T00:00:00.000+01:00', '2026-03-30T00:00:00.000+02:00'],
      ['2026-03-30T00:00:00.000+02:00', '2026-04-06T00:00:00.000+02:00'],
    ],
  );
  assert.deepEqual(
    weeks.buckets.map((bucket) => (bucket.to - bucket.from) / HOUR),
    [7 * 24 - 1, 7 * 24],
  );
  assert.equal(iso(weeks.from), '2026-03-22T23:00:00.000Z');
  // The previous period is the 14 calendar days before: it starts at midnight too, in winter time.
  assert.equal(iso(weeks.previousFrom), '2026-03-08T23:00:00.000Z');
  assert.equal(weeks.previousTo, weeks.from);
});

test('the day the clocks go forward in Berlin is a bucket of 23 hours; the one they go back, 25', () => {
  const spring = plan({ from: '2026-03-28', to: '2026-03-31', timeZone: 'Europe/Berlin' });
  assert.equal(spring.interval, 'day');
  assert.deepEqual(
    spring.buckets.map((bucket) => [bucket.start.slice(0, 10), (bucket.to - bucket.from) / HOUR]),
    [
      ['2026-03-28', 24],
      ['2026-03-29', 23],
      ['2026-03-30', 24],
    ],
  );
  const autumn = plan({ from: '2026-10-25', to: '2026-10-26', timeZone: 'Europe/Berlin' });
  assert.deepEqual(
    autumn.buckets.map((bucket) => (bucket.to - bucket.from) / HOUR),
    [25],
  );
});

test('a period that starts mid-week cuts its first and last week to the period; buckets follow each other', () => {
  const weeks = plan({ from: '2026-11-04', to: '2026-11-18', interval: 'week' });
  assert.deepEqual(
    weeks.buckets.map((bucket) => [bucket.start.slice(0, 10), bucket.end.slice(0, 10)]),
    [
      ['2026-11-04', '2026-11-09'],
      ['2026-11-09', '2026-11-16'],
      ['2026-11-16', '2026-11-18'],
    ],
  );
  for (const [index, bucket] of weeks.buckets.entries()) {
    assert.equal(bucket.index, index);
    if (index > 0) assert.equal(bucket.from, weeks.buckets[index - 1]!.to);
  }
  assert.equal(weeks.buckets[0]!.from, weeks.from);
  assert.equal(weeks.buckets.at(-1)!.to, weeks.to);
});

test('without a period: the 28 days up to the end of today in the zone, by day; the 28 before it to compare', () => {
  const defaults = plan({});
  assert.deepEqual([iso(defaults.from), iso(defaults.to)], ['2026-10-24T00:00:00.000Z', '2026-11-21T00:00:00.000Z']);
  assert.deepEqual(
    [iso(defaults.previousFrom), iso(defaults.previousTo)],
    ['2026-09-26T00:00:00.000Z', iso(defaults.from)],
  );
  assert.equal(defaults.interval, 'day');
  assert.equal(defaults.buckets.length, 28);
  // 15:00 UTC is already the 21st in Tokyo: its today ends a day later.
  assert.equal(iso(plan({ timeZone: 'Asia/Tokyo' }).to), '2026-11-21T15:00:00.000Z');
});

test('up to 31 days the buckets are days, beyond that weeks, unless asked for', () => {
  assert.equal(plan({ from: '2026-10-01', to: '2026-11-01' }).interval, 'day');
  assert.equal(plan({ from: '2026-10-01', to: '2026-11-02' }).interval, 'week');
  assert.equal(plan({ from: '2026-01-01', to: '2026-12-31', interval: 'day' }).buckets.length, 364);
});

test('a date-time with an offset is that moment; one without is read in the zone', () => {
  const withOffset = plan({ from: '2026-11-01T10:00:00+01:00', to: '2026-11-02T10:00:00Z', timeZone: 'Europe/Berlin' });
  assert.equal(iso(withOffset.from), '2026-11-01T09:00:00.000Z');
  const local = plan({ from: '2026-11-01T10:00:00', to: '2026-11-02', timeZone: 'Europe/Berlin' });
  assert.equal(iso(local.from), '2026-11-01T09:00:00.000Z');
  assert.equal(local.buckets[0]!.start, '2026-11-01T10:00:00.000+01:00', 'the first day starts at from');
});

test('refused: an end not after the start, a period over 366 days, an unknown zone', () => {
  const refusal = (request: Partial<TrendRequest>) => {
    const planned = planTrends({ by: 'reason', timeZone: 'UTC', ...request }, NOW);
    return 'refusal' in planned ? planned.refusal.field : null;
  };
  assert.equal(refusal({ from: '2026-11-02', to: '2026-11-02' }), 'to');
  assert.equal(refusal({ from: '2026-11-03', to: '2026-11-02' }), 'to');
  assert.equal(refusal({ from: '2025-01-01', to: '2026-01-03' }), 'from');
  assert.equal(refusal({ from: '2024-01-01', to: '2025-01-01' }), null, '366 days of a leap year are allowed');
  assert.equal(refusal({ timeZone: 'Mars/Olympus_Mons' }), 'tz');
});

test('counts sum into totals, buckets and keys; movers rank by the size of the change either way', () => {
  const weeks = plan({ from: '2026-11-02', to: '2026-11-16', interval: 'week' });
  const rows: CountRow[] = [
    { bucket: 0, channel: 'email', key: 'delivery', count: 3 },
    { bucket: 1, channel: 'email', key: 'delivery', count: 4 },
    { bucket: 1, channel: 'chat', key: 'delivery', count: 1 },
    { bucket: PREVIOUS_PERIOD, channel: 'email', key: 'delivery', count: 2 },
    { bucket: 0, channel: 'chat', key: 'refund', count: 2 },
    { bucket: PREVIOUS_PERIOD, channel: 'chat', key: 'refund', count: 2 },
    { bucket: PREVIOUS_PERIOD, channel: 'social', key: 'billing', count: 5 },
    { bucket: 1, channel: 'social', key: null, count: 2 },
  ];
  const tally = tallyTrends(weeks, rows);
  assert.equal(tally.total, 12);
  assert.equal(tally.previousTotal, 9);
  assert.deepEqual(
    tally.buckets.map((bucket) => bucket.count),
    [5, 7],
  );
  assert.deepEqual(
    tally.keys.map((key) => [key.key, key.count, key.previousCount, key.change, key.changePercent]),
    [
      ['delivery', 8, 2, 6, 300],
      ['billing', 0, 5, -5, -100],
      [null, 2, 0, 2, null],
      ['refund', 2, 2, 0, 0],
    ],
  );
  const delivery = tally.keys[0]!;
  assert.equal(delivery.share, 8 / 12);
  assert.equal(delivery.previousShare, 2 / 9);
  assert.deepEqual(delivery.byChannel, [
    { channel: 'email', count: 7 },
    { channel: 'chat', count: 1 },
  ]);
  assert.deepEqual(tally.keys[1]!.byChannel, [], 'a key gone this period has no channels in it');
  assert.deepEqual(
    tally.series.map((point) => [point.start.slice(0, 10), point.channel, point.key, point.count]),
    [
      ['2026-11-02', 'chat', 'refund', 2],
      ['2026-11-02', 'email', 'delivery', 3],
      ['2026-11-09', 'chat', 'delivery', 1],
      ['2026-11-09', 'email', 'delivery', 4],
      ['2026-11-09', 'social', null, 2],
    ],
  );
});

test('equal changes rank the larger count first, then by key with no reason last', () => {
  const days = plan({ from: '2026-11-02', to: '2026-11-03' });
  const tally = tallyTrends(days, [
    { bucket: 0, channel: 'email', key: 'refund', count: 3 },
    { bucket: PREVIOUS_PERIOD, channel: 'email', key: 'refund', count: 1 },
    { bucket: 0, channel: 'email', key: 'billing', count: 2 },
    { bucket: 0, channel: 'email', key: null, count: 2 },
    { bucket: 0, channel: 'email', key: 'account_access', count: 2 },
  ]);
  assert.deepEqual(
    tally.keys.map((key) => key.key),
    ['refund', 'account_access', 'billing', null],
  );
});

test('an example is cut at a word to about 280 characters, whitespace folded, emoji whole', () => {
  assert.equal(excerpt('  short\n\n text  '), 'short text');
  const long = `${'word '.repeat(100)}end`;
  const cut = excerpt(long);
  assert.ok(cut.length <= 281, `${cut.length}`);
  assert.match(cut, /word…$/);
  const emoji = excerpt('😀'.repeat(300));
  assert.equal(Array.from(emoji).length, 281);
  assert.ok(emoji.endsWith('😀…'));
});
