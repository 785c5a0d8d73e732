// The measures of a journey worked out by hand on four episodes: per touchpoint episodes, completion, drop-off,
// waits, contacts, sentiment, first response, resolution and scores from the cases and answers behind them; each
// target's gap; overall completion and duration, the gaps worst first and the bottlenecks. And the score
// definitions agree with the survey results' (domain.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effortScore, netPromoterScore as surveyNps, satisfactionScore as surveyCsat } from '../feedback/model.ts';
import {
  type Answer,
  type CaseFacts,
  judge,
  mean,
  measureJourney,
  netPromoterScore,
  satisfactionScore,
} from './measures.ts';
import type { Episode, JourneyStage, Visit } from './model.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

// Buy: A (order) → Ship: B (shipped), C (support contact) → Done: D (delivered).
const stages: JourneyStage[] = [
  {
    id: 'buy',
    name: 'Buy',
    touchpoints: [
      {
        id: 'a',
        name: 'Order',
        matcher: { events: ['Order Completed'] },
        targets: [{ metric: 'completion', comparator: 'atLeast', value: 90 }],
      },
    ],
  },
  {
    id: 'ship',
    name: 'Ship',
    touchpoints: [
      { id: 'b', name: 'Shipped', matcher: { events: ['Order Shipped'] }, targets: [] },
      {
        id: 'c',
        name: 'Support',
        matcher: { channels: ['email'] },
        targets: [
          { metric: 'first_response_minutes', comparator: 'atMost', value: 60 },
          { metric: 'contacts', comparator: 'atMost', value: 1 },
          { metric: 'csat_average', comparator: 'atLeast', value: 4.5 },
          { metric: 'sentiment', comparator: 'atLeast', value: 0 },
          { metric: 'ces', comparator: 'atLeast', value: 5 },
        ],
      },
    ],
  },
  {
    id: 'done',
    name: 'Done',
    touchpoints: [
      {
        id: 'd',
        name: 'Delivered',
        matcher: { events: ['Order Delivered'] },
        targets: [
          { metric: 'completion', comparator: 'atLeast', value: 90 },
          { metric: 'wait_hours', comparator: 'atMost', value: 48 },
        ],
      },
    ],
  },
];
const [A, B, C, D] = [0, 1, 2, 3];

let id = 0;
const visit = (hours: number, touchpoint: number, extra: Partial<Visit> = {}): Visit => ({
  interactionId: ++id,
  at: hours * HOUR,
  touchpoint,
  inbound: false,
  caseId: null,
  sentimentScore: null,
  invitationId: null,
  ...extra,
});
const contact = (hours: number, caseId: string, sentimentScore: number) =>
  visit(hours, C, { inbound: true, caseId, sentimentScore });

const episodes: Episode[] = [
  // E1: A, B after 24 h, D after 48 more: completed in 72 h.
  { customerId: 'e1', visits: [visit(0, A), visit(24, B), visit(72, D)] },
  // E2: A, two contacts on case k1 (2 h and 3 h), B at 30 h (27 h after the last contact): ends at B, not completed.
  { customerId: 'e2', visits: [visit(0, A), contact(2, 'k1', -0.5), contact(3, 'k1', -0.1), visit(30, B)] },
  // E3: an order and nothing more: ends at A.
  { customerId: 'e3', visits: [visit(0, A)] },
  // E4: A, one contact on k2 at 10 h, D at 100 h: completed.
  { customerId: 'e4', visits: [visit(0, A), contact(10, 'k2', 0.2), visit(100, D)] },
];

const cases = new Map<string, CaseFacts>([
  // k1: answered after 30 minutes, resolved after 5 hours; k2: answered after 90 minutes, not resolved.
  ['k1', { openedAt: 2 * HOUR, firstResponseAt: 2 * HOUR + 30 * MINUTE, resolvedAt: 7 * HOUR }],
  ['k2', { openedAt: 10 * HOUR, firstResponseAt: 10 * HOUR + 90 * MINUTE, resolvedAt: null }],
]);
const answers: Answer[] = [
  { invitationId: 'i1', caseId: 'k1', kind: 'csat', score: 5 },
  { invitationId: 'i2', caseId: 'k2', kind: 'csat', score: 3 },
  { invitationId: 'i3', caseId: 'k1', kind: 'nps', score: 9 },
  { invitationId: 'i4', caseId: 'k2', kind: 'nps', score: 6 },
  // About a case none of these episodes touched: not counted anywhere.
  { invitationId: 'i9', caseId: 'k9', kind: 'csat', score: 1 },
];

const report = measureJourney(stages, episodes, { cases, answers });
const byId = (touchpointId: string) => report.touchpoints.find((t) => t.touchpointId === touchpointId)!;

test('per touchpoint: episodes, completion, drop-off and the median wait', () => {
  // A: reached by all 4; E1, E2, E4 reach stage Ship later (75 %); E3 ends there (1 of 4 = 25 %); always first: no wait.
  // B: E1, E2; E1 goes on to Done (50 %); E2 ends there (50 %); waits 24 h (E1) and 27 h (E2): median 25.5.
  // C: E2, E4; only E4 goes on after it (50 %); neither ends there; waits 2 h and 10 h: median 6.
  // D (last stage): E1, E4 of all 4 episodes (50 %); completed, so no drop-off; waits 48 h, 90 h: median 69.
  assert.deepEqual(
    report.touchpoints.map((t) => [t.touchpointId, t.episodes, t.measures.completion, t.dropOff, t.medianWait]),
    [
      ['a', 4, 75, 25, null],
      ['b', 2, 50, 50, 25.5],
      ['c', 2, 50, 0, 6],
      ['d', 2, 50, 0, 69],
    ],
  );
  assert.deepEqual(
    report.stages.map((stage) => [stage.stageId, stage.episodes]),
    [
      ['buy', 4],
      ['ship', 3],
      ['done', 2],
    ],
    'the funnel: Ship is reached by E1 (B), E2 (B, C) and E4 (C)',
  );
});

test('at the support touchpoint: contacts, sentiment, first response, resolution and scores of its cases', () => {
  const { measures } = byId('c');
  assert.equal(measures.contacts, 1.5, '3 inbound contacts over its 2 episodes');
  assert.equal(measures.sentiment, -0.133, '(−0.5 − 0.1 + 0.2) / 3 = −0.1333');
  assert.equal(measures.first_response_minutes, 60, 'median of 30 and 90');
  assert.equal(measures.resolution_hours, 5, 'only k1 is resolved: 7 h − 2 h');
  assert.equal(measures.csat, 50, 'of 5 and 3, one is 4–5 (k9’s 1 is about another case)');
  assert.equal(measures.csat_average, 4, '(5 + 3) / 2');
  assert.equal(measures.nps, 0, '1 promoter (9) − 1 detractor (6) of 2');
  assert.equal(measures.ces, null, 'no CES answers');
  assert.equal(byId('a').measures.contacts, 0, 'orders are not inbound contacts');
  assert.equal(byId('a').measures.first_response_minutes, null);
});

test('each target beside what was measured, the gap positive when worse', () => {
  assert.deepEqual(
    byId('c').targets.map((t) => [t.metric, t.intended, t.actual, t.gap, t.relativeGap, t.met]),
    [
      ['first_response_minutes', 60, 60, 0, 0, true],
      ['contacts', 1, 1.5, 0.5, 0.5, false],
      ['csat_average', 4.5, 4, 0.5, 0.111, false],
      // Nothing intended to divide by: no relative gap.
      ['sentiment', 0, -0.133, 0.133, null, false],
      ['ces', 5, null, null, null, null],
    ],
  );
  assert.deepEqual(judge({ metric: 'nps', comparator: 'atLeast', value: -20 }, 10), {
    metric: 'nps',
    comparator: 'atLeast',
    intended: -20,
    actual: 10,
    gap: -30,
    relativeGap: -1.5,
    met: true,
  });
});

test('overall: completion, duration, every missed target worst first, and the bottlenecks', () => {
  const { overall } = report;
  assert.deepEqual([overall.episodes, overall.completed, overall.completionRate], [4, 2, 50]);
  assert.equal(overall.medianDuration, 51, 'durations 0, 30, 72 and 100 h: (30 + 72) / 2');
  assert.deepEqual(
    overall.gaps.map((gap) => [gap.touchpointId, gap.metric, gap.relativeGap]),
    [
      ['c', 'sentiment', null], // missed with 0 intended: first
      ['c', 'contacts', 0.5], // 0.5 / 1
      ['d', 'completion', 0.444], // (90 − 50) / 90
      ['d', 'wait_hours', 0.438], // (69 − 48) / 48
      ['a', 'completion', 0.167], // (90 − 75) / 90
      ['c', 'csat_average', 0.111], // (4.5 − 4) / 4.5
    ],
  );
  assert.deepEqual(overall.bottlenecks, {
    dropOff: { touchpointId: 'b', touchpoint: 'Shipped', stage: 'Ship', dropOff: 50, dropped: 1 },
    wait: { touchpointId: 'd', touchpoint: 'Delivered', stage: 'Done', medianWait: 69 },
  });
});

test('no episodes: nothing measured, nothing missed', () => {
  const empty = measureJourney(stages, [], { cases: new Map(), answers: [] });
  assert.deepEqual(
    [empty.overall.episodes, empty.overall.completionRate, empty.overall.medianDuration],
    [0, null, null],
  );
  assert.deepEqual(empty.overall.gaps, []);
  assert.deepEqual(empty.overall.bottlenecks, { dropOff: null, wait: null });
  assert.ok(empty.touchpoints.every((t) => t.dropOff === null && t.targets.every((target) => target.met === null)));
});

test('NPS, CSAT and CES are defined as the survey results define them', () => {
  for (const scores of [[10, 9, 7, 6, 0], [5, 4, 3, 1], [3], []]) {
    assert.equal(netPromoterScore(scores), surveyNps(scores), `NPS of ${scores}`);
    assert.equal(satisfactionScore(scores), surveyCsat(scores), `CSAT of ${scores}`);
    assert.equal(mean(scores), effortScore(scores), `CES of ${scores}`);
  }
});
