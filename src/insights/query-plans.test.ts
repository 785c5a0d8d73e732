// The trends reads as the store writes them, checked with EXPLAIN QUERY PLAN: each bucket of both periods, and the
// period of the examples, is a range of the partial index of listened-to interactions by time, never a scan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { planTrends, type TrendPlan } from './model.ts';
import { countsQuery, examplesQuery } from './store.ts';

const temp = useTempDatabase('trends-plans');

function planOf(
  request: { channel?: 'email'; by?: 'reason' | 'sentiment'; from?: string; interval?: 'day' } = {},
): TrendPlan {
  const planned = planTrends(
    { by: request.by ?? 'reason', timeZone: 'Europe/Berlin', from: '2026-01-01', to: '2026-03-01', ...request },
    Date.now(),
  );
  assert.ok('plan' in planned);
  return planned.plan;
}

const RANGE_OF_THE_PARTIAL_INDEX =
  /SEARCH i USING INDEX interactions_listened_by_time \(occurred_at>\? AND occurred_at<\?\)/;
const TABLE_SCAN = /^SCAN (?:i|interactions)\b(?!.*USING (?:COVERING )?INDEX)/m;

// A year by day is 366 buckets: without INDEXED BY, the planner built an automatic index on direction instead.
const A_YEAR_BY_DAY = { from: '2025-03-01', interval: 'day' } as const;

test('the counts of both periods: one range of the partial index per bucket, no table scanned', () => {
  for (const plan of [planOf(), planOf({ channel: 'email', by: 'sentiment' }), planOf(A_YEAR_BY_DAY)]) {
    const query = countsQuery(plan);
    const explained = temp.queryPlan(query.sql, query.params);
    assert.match(explained, RANGE_OF_THE_PARTIAL_INDEX, explained);
    assert.doesNotMatch(explained, TABLE_SCAN, explained);
    assert.doesNotMatch(explained, /AUTOMATIC/, explained);
  }
});

test('the examples: one range of the partial index for the period, then a look-up per example', () => {
  for (const plan of [planOf(), planOf({ channel: 'email', by: 'sentiment' }), planOf(A_YEAR_BY_DAY)]) {
    const query = examplesQuery(plan, 3, 560);
    const explained = temp.queryPlan(query.sql, query.params);
    assert.match(explained, RANGE_OF_THE_PARTIAL_INDEX, explained);
    assert.doesNotMatch(explained, TABLE_SCAN, explained);
    assert.match(explained, /SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\)/, explained);
  }
});
