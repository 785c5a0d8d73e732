import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTo,
  applyDelta,
  coverOf,
  emptyDelta,
  type CaseRow,
  caseFact,
  contributionsOf,
  dateToDay,
  emptyCell,
  isEmptyCell,
  metricValue,
  percentile,
  periodOf,
  type Cell,
} from './model.ts';

/** A cell holding these values in its histogram (counts and sums beside). */
function cellOf(cell: string, values: number[]): Cell {
  const delta = emptyDelta();
  for (const value of values) addTo(delta, { cell, day: 0, n: 1, total: value, hits: 0, value }, 1);
  return applyDelta(emptyCell(), delta);
}

const day = (ms: number) => Math.floor(ms / 86_400_000);
const row = (fields: Partial<CaseRow>): CaseRow => ({
  channel: 'email',
  status: 'open',
  priority: 'normal',
  reason: null,
  team_id: null,
  assignee_id: null,
  opened_at: Date.parse('2026-11-02T09:00:00Z'),
  first_response_at: null,
  resolved_at: null,
  closed_at: null,
  first_response_due_at: null,
  resolution_due_at: null,
  reopen_count: 0,
  contact_count: 1,
  repeat_of: null,
  first_contact_resolution: null,
  historical: 0,
  first_response_breached: 0,
  resolution_breached: 0,
  ...fields,
});

test('weeks start on Monday, months are YYYY-MM', () => {
  // 2026-11-02 is a Monday, 2026-11-08 a Sunday, 2026-11-09 the next Monday.
  assert.equal(periodOf(dateToDay('2026-11-02'), 'week'), '2026-11-02');
  assert.equal(periodOf(dateToDay('2026-11-08'), 'week'), '2026-11-02');
  assert.equal(periodOf(dateToDay('2026-11-09'), 'week'), '2026-11-09');
  assert.equal(periodOf(dateToDay('2026-11-30'), 'month'), '2026-11');
  // Before 1970 (negative days) the Monday is still found.
  assert.equal(periodOf(dateToDay('1969-12-31'), 'week'), '1969-12-29');
});

test('percentiles are the nearest rank, exact when values fall in buckets of their own', () => {
  const cell = cellOf('ttfr', [300, 1200, 1800, 7200, 0]);
  // Sorted 0, 300, 1200, 1800, 7200: median is the 3rd (⌈0.5 × 5⌉), p90 the 5th (⌈4.5⌉).
  assert.equal(percentile(cell.hist, 0.5), 1200);
  assert.equal(percentile(cell.hist, 0.9), 7200);
  assert.equal(percentile(null, 0.5), null);
  // 601 s and 604 s share a 1 % bucket: the median of the two is their mean, within 1 % of either.
  const close = cellOf('ttfr', [601, 604]);
  assert.equal(percentile(close.hist, 0.5), 602.5);
});

test('subtracting what was added leaves nothing behind', () => {
  const fact = caseFact(
    row({
      status: 'resolved',
      first_response_at: Date.parse('2026-11-02T09:30:00Z'),
      resolved_at: Date.parse('2026-11-03T09:00:00Z'),
      first_contact_resolution: 1,
      first_response_due_at: Date.parse('2026-11-02T10:00:00Z'),
    }),
    ['vip'],
    day,
  );
  const cells = new Map<string, ReturnType<typeof emptyDelta>>();
  const { places, parts } = contributionsOf(fact);
  for (const sign of [1, -1] as const)
    for (const [dim, key] of places)
      for (const part of parts) {
        const id = `${part.cell}/${dim}/${part.day}/${key}`;
        const delta = cells.get(id) ?? emptyDelta();
        addTo(delta, part, sign);
        cells.set(id, delta);
      }
  assert.ok([...cells.values()].every(isEmptyCell));
  // Filed under all, channel, team, agent, reason, priority and the segment.
  assert.deepEqual(
    places.map(([dim]) => dim),
    ['all', 'channel', 'team', 'agent', 'reason', 'priority', 'segment'],
  );
});

test('a range is read as whole months and weeks where they fit, days at the ends', () => {
  const d = dateToDay;
  // 28 Oct (Wed) – 10 Dec (Thu): November whole, then no whole week is left (the week of 7 Dec ends on the 13th).
  assert.deepEqual(coverOf(d('2026-10-28'), d('2026-12-10'), null), [
    { grain: 'month', from: d('2026-11-01'), to: d('2026-12-01') },
    { grain: 'day', from: d('2026-10-28'), to: d('2026-11-01') },
    { grain: 'day', from: d('2026-12-01'), to: d('2026-12-10') },
  ]);
  // 3 – 20 Dec: no whole month; the weeks of 7 and 14 Dec whole.
  assert.deepEqual(coverOf(d('2026-12-03'), d('2026-12-21'), null), [
    { grain: 'week', from: d('2026-12-07'), to: d('2026-12-21') },
    { grain: 'day', from: d('2026-12-03'), to: d('2026-12-07') },
  ]);
  // By week: whole weeks (Mondays 2 and 9 November) and the days before and after them.
  assert.deepEqual(coverOf(d('2026-10-28'), d('2026-11-18'), 'week'), [
    { grain: 'week', from: d('2026-11-02'), to: d('2026-11-16') },
    { grain: 'day', from: d('2026-10-28'), to: d('2026-11-02') },
    { grain: 'day', from: d('2026-11-16'), to: d('2026-11-18') },
  ]);
  assert.deepEqual(coverOf(d('2026-11-03'), d('2026-11-05'), 'month'), [
    { grain: 'day', from: d('2026-11-03'), to: d('2026-11-05') },
  ]);
});

test('an SLA target counts once decided: met, late, or breached while still open; not while it runs', () => {
  const due = Date.parse('2026-11-02T10:00:00Z');
  const met = caseFact(row({ first_response_due_at: due, first_response_at: due - 1 }), [], day);
  const late = caseFact(row({ first_response_due_at: due, first_response_at: due + 1 }), [], day);
  const breached = caseFact(row({ first_response_due_at: due, first_response_breached: 1 }), [], day);
  const running = caseFact(row({ first_response_due_at: due }), [], day);
  assert.deepEqual(
    [met, late, breached, running].map((f) => [f.slaMet, f.slaDecided]),
    [
      [1, 1],
      [0, 1],
      [0, 1],
      [0, 0],
    ],
  );
});

test('a case an import closed counts as a contact and its recorded first response, not as a resolution', () => {
  const opened = Date.parse('2017-10-02T10:00:00Z');
  const fact = caseFact(
    row({
      status: 'closed',
      opened_at: opened,
      first_response_at: opened + 1_200_000,
      first_response_due_at: opened + 3_600_000,
      resolved_at: opened + 1_800_000,
      closed_at: opened + 1_800_000,
      resolution_due_at: opened + 86_400_000,
      first_contact_resolution: 1,
      historical: 1,
    }),
    [],
    day,
  );
  assert.deepEqual(
    [fact.ttfr, fact.resolvedDay, fact.ttr, fact.firstContactResolution, fact.leftDay, fact.slaMet, fact.slaDecided],
    [1200, null, null, null, day(opened + 1_800_000), 1, 1],
  );
});

test('NPS, CSAT and CES by their definitions', () => {
  const scores = cellOf;
  const cells = new Map([
    // NPS: promoters 9, 10 (2) − detractors 0, 6 (2) of 5 → 0; then 10, 10, 7 → 66.7
    ['survey:nps', scores('survey:nps', [9, 10, 7, 6, 0])],
    // CSAT: 4s and 5s of all: 2 of 3 → 66.7 %
    ['survey:csat', scores('survey:csat', [5, 4, 2])],
    // CES: mean of 2, 3, 7 → 4
    ['survey:ces', scores('survey:ces', [2, 3, 7])],
  ]);
  const value = (name: 'nps' | 'csat' | 'ces' | 'responses') => metricValue(name, { cells, backlogBefore: 0 }).value;
  assert.deepEqual([value('nps'), value('csat'), value('ces'), value('responses')], [0, 66.7, 4, 11]);
  cells.set('survey:nps', scores('survey:nps', [10, 10, 7]));
  assert.equal(value('nps'), 66.7);
});
