// The Trends page's own rules, without a browser: the address read into choices and written back, the API query
// of a preset or custom period (its `to` exclusive), how figures and buckets read, and the chart's stacks.
// Kept with the browser suite because they are the web UI's code (web/src/insights).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  choicesFrom,
  customPeriodProblem,
  todayIn,
  trendsPagePath,
  trendsQueryOf,
} from '../web/src/insights/trend-choices.ts';
import {
  bucketLabel,
  formatChange,
  formatChangePercent,
  keyLabel,
  lastDayOf,
  periodLabel,
} from '../web/src/insights/trend-format.ts';
import { CHART_KEYS, chartDataOf } from '../web/src/insights/trend-chart-data.ts';
import { axisOf } from '../web/src/bar-chart.ts';
import type { Trends } from '../web/src/api/types.ts';

const ZONE = 'Europe/Berlin';
const read = (search: string) => choicesFrom(new URLSearchParams(search), ZONE);

test('the address: defaults when empty or unknown, a custom period only with two real days', () => {
  assert.deepEqual(read(''), {
    period: '28d',
    from: '',
    to: '',
    by: 'reason',
    interval: '',
    channel: '',
    timeZone: ZONE,
  });
  assert.deepEqual(read('period=year&by=mood&interval=month&channel=pigeon'), read(''));
  assert.equal(read('from=2026-11-09&to=2026-11-22').period, 'custom');
  assert.equal(read('from=2026-02-30&to=2026-03-02').period, '28d', 'February has no 30th');
  const chosen = read('period=90d&by=sentiment&interval=week&channel=chat&tz=UTC');
  assert.deepEqual(
    [chosen.period, chosen.by, chosen.interval, chosen.channel, chosen.timeZone],
    ['90d', 'sentiment', 'week', 'chat', 'UTC'],
  );
});

test('the address written back keeps what differs from the defaults, and reads back the same', () => {
  assert.equal(trendsPagePath(read(''), ZONE), '/insights/trends');
  for (const search of ['period=7d&by=sentiment', 'from=2026-11-09&to=2026-11-22&interval=week&channel=email&tz=UTC']) {
    const path = trendsPagePath(read(search), ZONE);
    assert.equal(path, `/insights/trends?${search}`);
    assert.deepEqual(read(path.split('?')[1]!), read(search));
  }
});

test('the API query: a preset ends with today, a custom period with the day after its last; to is exclusive', () => {
  assert.deepEqual(trendsQueryOf(read('period=7d'), '2026-11-20'), {
    from: '2026-11-14',
    to: '2026-11-21',
    by: 'reason',
    tz: ZONE,
  });
  assert.deepEqual(trendsQueryOf(read('from=2026-11-09&to=2026-11-22&by=sentiment&channel=chat&interval=day'), 'x'), {
    from: '2026-11-09',
    to: '2026-11-23',
    by: 'sentiment',
    interval: 'day',
    channel: 'chat',
    tz: ZONE,
  });
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(todayIn('Asia/Tokyo', Date.parse('2026-11-20T16:00:00Z')), '2026-11-21');
  assert.deepEqual(customPeriodProblem('2026-11-10', '2026-11-09'), {
    field: 'to',
    reason: 'The last day is before the first',
  });
  assert.equal(customPeriodProblem('2026-11-09', '2026-11-09'), null, 'one day is a period');
});

test('figures read with their sign, keys and periods in words', () => {
  assert.deepEqual([formatChange(3), formatChange(-2), formatChange(0)], ['+3', '−2', '0']);
  assert.deepEqual(
    [formatChangePercent(300), formatChangePercent(-66.7), formatChangePercent(null)],
    ['+300%', '−66.7%', 'new'],
  );
  assert.deepEqual([keyLabel(null), keyLabel('damaged_item')], ['No reason found', 'Damaged item']);
  assert.equal(lastDayOf('2026-11-23T00:00:00.000+01:00'), '2026-11-22');
  assert.equal(lastDayOf('2026-11-23T10:00:00.000Z'), '2026-11-23');
  assert.equal(periodLabel('2026-11-09T00:00:00.000Z', '2026-11-23T00:00:00.000Z'), 'Nov 9, 2026 – Nov 22, 2026');
  const week = { start: '2026-11-09T00:00:00.000+01:00', end: '2026-11-16T00:00:00.000+01:00' };
  assert.equal(bucketLabel(week, 'week'), 'Nov 9 – Nov 15');
  assert.equal(bucketLabel(week, 'day'), 'Mon, Nov 9');
});

function answer(keys: Array<[string | null, number]>): Trends {
  const buckets = [
    { start: '2026-11-09T00:00:00.000Z', end: '2026-11-10T00:00:00.000Z', count: 0 },
    { start: '2026-11-10T00:00:00.000Z', end: '2026-11-11T00:00:00.000Z', count: 0 },
  ];
  const series = keys.map(([key, count], index) => ({
    start: buckets[index % 2]!.start,
    channel: 'email' as const,
    key,
    count,
  }));
  for (const point of series) buckets.find((bucket) => bucket.start === point.start)!.count += point.count;
  return {
    by: 'reason',
    interval: 'day',
    timeZone: 'UTC',
    channel: null,
    from: buckets[0]!.start,
    to: buckets[1]!.end,
    previousFrom: '2026-11-07T00:00:00.000Z',
    previousTo: buckets[0]!.start,
    total: keys.reduce((sum, [, count]) => sum + count, 0),
    previousTotal: 0,
    buckets,
    series,
    keys: keys.map(([key, count]) => ({
      key,
      count,
      previousCount: 0,
      change: count,
      changePercent: null,
      share: 0,
      previousShare: 0,
      byChannel: [],
      examples: [],
    })),
  };
}

test('the chart stacks each bucket by key, the largest keys on their own and the rest as Other', () => {
  const few = chartDataOf(
    answer([
      ['delivery', 3],
      [null, 1],
      ['billing', 2],
    ]),
  );
  assert.deepEqual(
    few.layers.map((layer) => layer.label),
    ['Delivery', 'Billing', 'No reason found'],
  );
  assert.deepEqual(
    few.stacks.map((stack) => [stack.total, stack.values]),
    [
      [5, [3, 2, 0]],
      [1, [0, 0, 1]],
    ],
  );
  const many = chartDataOf(
    answer(Array.from({ length: CHART_KEYS + 3 }, (_, index) => [`reason_${index}`, 20 - index])),
  );
  assert.equal(many.layers.length, CHART_KEYS + 1);
  assert.equal(many.layers.at(-1)!.label, 'Other');
  const drawn = many.stacks.reduce((sum, stack) => sum + stack.values.reduce((a, b) => a + b, 0), 0);
  assert.equal(
    drawn,
    many.stacks.reduce((sum, stack) => sum + stack.total, 0),
    'nothing is left out of the bars',
  );
  assert.deepEqual(axisOf(3), { top: 4, step: 1 });
  assert.deepEqual(axisOf(17), { top: 20, step: 5 });
  assert.deepEqual(axisOf(230), { top: 400, step: 100 });
});
