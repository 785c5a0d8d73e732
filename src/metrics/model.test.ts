import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTo,
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
  const cell = emptyCell();
  for (const value of [300, 1200, 1800, 7200, 0])
    addTo(cell, { cell: 'ttfr', day: 0, n: 1, total: value, hits: 0, value }, 1);
  // Sorted 0, 300, 1200, 1800, 7200: median is the 3rd (⌈0.5 × 5⌉), p90 the 5th (⌈4.5⌉).
  assert.equal(percentile(cell.hist, 0.5), 1200);
  assert.equal(percentile(cell.hist, 0.9), 7200);
  assert.equal(percentile(null, 0.5), null);
  // 601 s and 604 s share a 1 % bucket: the median of the two is their mean, within 1 % of either.
  const close = emptyCell();
  for (const value of [601, 604]) addTo(close, { cell: 'ttfr', day: 0, n: 1, total: value, hits: 0, value }, 1);
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
  const cells = new Map<string, Cell>();
  for (const sign of [1, -1] as const)
    for (const c of contributionsOf(fact)) {
      const id = `${c.cell}/${c.dim}/${c.day}/${c.key}`;
      const cell = cells.get(id) ?? emptyCell();
      addTo(cell, c, sign);
      cells.set(id, cell);
    }
  assert.ok([...cells.values()].every(isEmptyCell));
  // Filed under all, channel, team, agent, reason, priority and the segment.
  assert.deepEqual(
    [...new Set(contributionsOf(fact).map((c) => c.dim))],
    ['all', 'channel', 'team', 'agent', 'reason', 'priority', 'segment'],
  );
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

test('NPS, CSAT and CES by their definitions', () => {
  const scores = (cell: string, values: number[]) => {
    const c = emptyCell();
    for (const value of values) addTo(c, { cell, day: 0, n: 1, total: value, hits: 0, value }, 1);
    return c;
  };
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
