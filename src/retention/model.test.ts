// The rules of churn, acquisition and cohorts without a database, on lives worked out by hand: when a customer
// churns (her churn event, or a silence of 90 days), when she comes back, who counts in a period, the experiences
// compared, the reasons tallied, the newcomers per source and the cohort table; and the periods refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Cancellation,
  churnIn,
  churnSettingsSchema,
  cohortTable,
  compareExperiences,
  DAY_MS,
  DEFAULT_CHURN_SETTINGS,
  type ExperienceFact,
  experienceWindow,
  inPopulation,
  type Life,
  mergeRuns,
  type Outcome,
  planCohorts,
  planPeriod,
  previousPeriod,
  reasonOfEvent,
  chosenReasons,
  type Spell,
  spellsOf,
  tallyAcquisition,
  tallyReasons,
} from './model.ts';

/** Day n of 2026 (day 0 is 1 January), as ms. */
const day = (n: number) => Date.UTC(2026, 0, 1) + n * DAY_MS;
const QUIET = 90 * DAY_MS;
const WHOLE = { start: Number.NEGATIVE_INFINITY, horizon: day(365) };

function life(partial: Partial<Life>): Life {
  return { customerId: 'ada', firstSeenAt: day(0), runs: [], cancellations: [], ...partial };
}
const run = (start: number, end: number) => ({ start: day(start), end: day(end) });
const cancelled = (at: number, backAt: number | null = null): Cancellation => ({
  interactionId: `i${at}`,
  at: day(at),
  backAt: backAt === null ? null : day(backAt),
});
/** Spells as [start, churn moment, kind, left at, back at] in days, for reading. */
function days(spells: Spell[]) {
  const of = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : (ms - day(0)) / DAY_MS);
  return spells.map((spell) => [
    of(spell.start),
    of(spell.churn?.at),
    spell.churn?.kind ?? null,
    of(spell.churn?.leftAt),
    of(spell.churn?.backAt),
  ]);
}

test('settings: defaults, null switches a signal off, and churn needs at least one signal', () => {
  assert.deepEqual(DEFAULT_CHURN_SETTINGS, {
    event: 'Subscription Cancelled',
    inactiveDays: 90,
    lookbackDays: 90,
    cancellationSurveyId: null,
  });
  assert.deepEqual(churnSettingsSchema.parse({ inactiveDays: null }), {
    ...DEFAULT_CHURN_SETTINGS,
    inactiveDays: null,
  });
  const neither = churnSettingsSchema.safeParse({ event: null, inactiveDays: null });
  assert.ok(!neither.success);
  assert.deepEqual(
    neither.error.issues.map((issue) => issue.path.join('.')),
    ['event', 'inactiveDays'],
  );
  assert.ok(!churnSettingsSchema.safeParse({ inactiveDays: 0 }).success);
  assert.ok(!churnSettingsSchema.safeParse({ lookbackDays: 366 }).success);
  assert.ok(!churnSettingsSchema.safeParse({ colour: 'red' }).success, 'unknown fields are refused');
});

test('a customer active within 90 days of the horizon has not churned: a silence still running is not churn', () => {
  // Active days 0–50; the horizon is day 100: 50 + 90 = 140 has not come yet.
  const spells = spellsOf(life({ runs: [run(0, 50)] }), { start: WHOLE.start, horizon: day(100) }, QUIET);
  assert.deepEqual(days(spells), [[0, null, null, null, null]]);
});

test('a customer who goes quiet churns 90 days after her last activity, and is active again when she comes back', () => {
  // Active days 0–10: churned on day 100. Back on day 150, active to 160: churned again on day 250.
  const spells = spellsOf(life({ runs: [run(0, 10), run(150, 160)] }), WHOLE, QUIET);
  assert.deepEqual(days(spells), [
    [0, 100, 'inactivity', 10, 150],
    [150, 250, 'inactivity', 160, null],
  ]);
});

test('a churn event churns her at once; writing to us afterwards is not coming back, an order after it is', () => {
  // She cancels on day 30 and writes on days 35 and 45 (one run 0–45): gone since day 30, never back.
  const stays = spellsOf(life({ runs: [run(0, 45)], cancellations: [cancelled(30)] }), WHOLE, QUIET);
  assert.deepEqual(days(stays), [[0, 30, 'event', 30, null]]);
  // She cancels on day 30 and orders again on day 60 (her first own doing after it), active to day 80: she is
  // back on day 60 and goes quiet on 80 + 90 = 170.
  const back = spellsOf(life({ runs: [run(0, 80)], cancellations: [cancelled(30, 60)] }), WHOLE, QUIET);
  assert.deepEqual(days(back), [
    [0, 30, 'event', 30, 60],
    [60, 170, 'inactivity', 80, null],
  ]);
});

test('a customer who comes back only to cancel stays gone: the silence churned her, the event gives its reasons', () => {
  // Active days 0–10, then nothing until the cancellation on day 150: churned on day 100, not back on day 150.
  const spells = spellsOf(life({ runs: [run(0, 10), run(150, 150)], cancellations: [cancelled(150)] }), WHOLE, QUIET);
  assert.deepEqual(days(spells), [[0, 100, 'inactivity', 10, null]]);
  assert.equal(spells[0]!.churn!.cancellation!.interactionId, 'i150');
});

test('first seen is a sighting: never active, she churns 90 days after it; a first activity later than that is a return', () => {
  assert.deepEqual(days(spellsOf(life({}), WHOLE, QUIET)), [[0, 90, 'inactivity', 0, null]]);
  assert.deepEqual(days(spellsOf(life({ runs: [run(100, 110)] }), WHOLE, QUIET)), [
    [0, 90, 'inactivity', 0, 100],
    [100, 200, 'inactivity', 110, null],
  ]);
});

test('only the event: silence never churns; a churn event before the window still holds until she comes back', () => {
  assert.deepEqual(days(spellsOf(life({ runs: [] }), WHOLE, null)), [[0, null, null, null, null]]);
  // The window starts on day 100 (first seen before it: unknown). She cancelled on day 50 and ordered on 130.
  const window = { start: day(100), horizon: day(365) };
  const spells = spellsOf(
    life({ firstSeenAt: null, runs: [run(120, 140)], cancellations: [cancelled(50, 130)] }),
    window,
    QUIET,
  );
  assert.deepEqual(days(spells), [[130, 230, 'inactivity', 140, null]]);
});

test('runs of two profiles of one customer are one when closer than the silence', () => {
  assert.deepEqual(mergeRuns([run(50, 60), run(0, 10)], QUIET), [run(0, 60)]);
  assert.deepEqual(mergeRuns([run(50, 60), run(0, 10)], 30 * DAY_MS), [run(0, 10), run(50, 60)]);
});

test('the population of a period: active at some moment of it; churned in it: the churn moment inside it', () => {
  // Spells: 0 → churned 100, back 150 → churned 250.
  const spells = spellsOf(life({ runs: [run(0, 10), run(150, 160)] }), WHOLE, QUIET);
  const period = (from: number, to: number) => ({ from: day(from), to: day(to) });
  assert.equal(inPopulation(spells, period(90, 120)), true, 'churned on day 100, inside');
  assert.equal(churnIn(spells, period(90, 120))?.at, day(100));
  assert.equal(inPopulation(spells, period(100, 120)), true, 'the churn moment is the first day: still counted');
  assert.equal(inPopulation(spells, period(101, 140)), false, 'gone the whole period');
  assert.equal(inPopulation(spells, period(101, 151)), true, 'back on day 150');
  assert.equal(churnIn(spells, period(101, 151)), null);
  assert.equal(inPopulation(spells, period(-30, 0)), false, 'not yet seen');
  assert.deepEqual(previousPeriod(period(90, 120)), period(60, 90));
});

test('experiences: the churn rate of those who had one against those who did not, the largest lift first', () => {
  // Ten customers; c1, c2, c3 churned. Each window is days 0–100.
  const window = { from: day(0), to: day(100) };
  const outcomes: Outcome[] = Array.from({ length: 10 }, (_, index) => ({
    customerId: `c${index + 1}`,
    churned: index < 3,
    window,
  }));
  const fact = (customerId: string, experience: ExperienceFact['experience'], at = 50): ExperienceFact => ({
    customerId,
    experience,
    at: day(at),
  });
  const facts = [
    // An SLA breach for c1, c2 (churned), c4, c5; c6's is after her window, c1's second is the same customer.
    fact('c1', 'sla_breach'),
    fact('c1', 'sla_breach', 60),
    fact('c2', 'sla_breach'),
    fact('c4', 'sla_breach'),
    fact('c5', 'sla_breach', 100),
    fact('c6', 'sla_breach', 101),
    // A gesture for c3 only; someone outside the population does not count.
    fact('c3', 'gesture'),
    fact('stranger', 'gesture'),
  ];
  const compared = compareExperiences(outcomes, facts);
  // Gesture: 1 of 1 churned (1.0) against 2 of the other 9 (0.2222…): lift 0.7778, ratio 4.5.
  // SLA breach: 2 of 4 (0.5) against 1 of 6 (0.1667): lift 0.3333, ratio 3.
  // Nobody had the other four: no rate with, no lift; last, in the list's order.
  assert.deepEqual(
    compared.map((row) => [row.experience, row.customers, row.churnedWith, row.customersWithout, row.churnedWithout]),
    [
      ['gesture', 1, 1, 9, 2],
      ['sla_breach', 4, 2, 6, 1],
      ['repeat_contact', 0, 0, 10, 3],
      ['negative_post', 0, 0, 10, 3],
      ['detractor', 0, 0, 10, 3],
      ['reopened', 0, 0, 10, 3],
    ],
  );
  const [gesture, breach, repeat] = compared;
  assert.equal(gesture!.withRate, 1);
  assert.equal(gesture!.withoutRate, 2 / 9);
  assert.equal(gesture!.lift, 1 - 2 / 9);
  assert.equal(gesture!.ratio, 4.5);
  assert.equal(breach!.withRate, 0.5);
  assert.equal(breach!.withoutRate, 1 / 6);
  assert.equal(breach!.lift, 0.5 - 1 / 6);
  assert.ok(Math.abs(breach!.ratio! - 3) < 1e-12);
  assert.deepEqual([repeat!.withRate, repeat!.withoutRate, repeat!.lift, repeat!.ratio], [null, 0.3, null, null]);
});

test('the window of experiences: the lookback before she left up to her churn, or before the reference moment', () => {
  const lookback = 90 * DAY_MS;
  const [quiet] = spellsOf(life({ runs: [run(0, 10)] }), WHOLE, QUIET);
  assert.deepEqual(experienceWindow(quiet!.churn, day(200), lookback), { from: day(-80), to: day(100) });
  const [event] = spellsOf(life({ runs: [run(0, 45)], cancellations: [cancelled(30)] }), WHOLE, QUIET);
  assert.deepEqual(experienceWindow(event!.churn, day(200), lookback), { from: day(-60), to: day(30) });
  assert.deepEqual(experienceWindow(null, day(200), lookback), { from: day(110), to: day(200) });
});

test('reasons: from the event in Segment style keys, chosen survey options, one count per customer, newest quotes', () => {
  assert.deepEqual(reasonOfEvent({ cancellation_reason: ' Too expensive ', comment: 'Half the price elsewhere' }), {
    reason: 'Too expensive',
    comment: 'Half the price elsewhere',
  });
  assert.deepEqual(reasonOfEvent({ plan: 'pro' }), { reason: null, comment: null });
  assert.deepEqual(
    chosenReasons(
      [
        { id: 'why', type: 'choice' },
        { id: 'comment', type: 'text' },
      ],
      { why: ['Price', 'Support'], comment: 'meh' },
    ),
    ['Price', 'Support'],
  );
  const mention = (customerId: string, reason: string | null, at: number, quote: string | null = null) => ({
    source: 'event' as const,
    reason,
    customerId,
    at: day(at),
    quote,
  });
  const tallied = tallyReasons(
    [
      mention('ada', 'Too expensive', 1, 'Half the price elsewhere'),
      mention('ben', 'too expensive', 3, 'Costs too much'),
      mention('ben', 'Too expensive', 2, 'Again'),
      mention('cleo', 'Too expensive', 4),
      mention('dora', 'Missing features', 5, 'No export'),
      { ...mention('emil', 'Price', 6, 'Survey words'), source: 'survey' as const },
    ],
    8,
  );
  // Too expensive: ada, ben, cleo (ben once) = 3 of 8 churned. Spelled as given most recently (cleo's, day 4).
  assert.deepEqual(
    tallied.map((reason) => [reason.source, reason.reason, reason.count, reason.share]),
    [
      ['event', 'Too expensive', 3, 3 / 8],
      ['event', 'Missing features', 1, 1 / 8],
      ['survey', 'Price', 1, 1 / 8],
    ],
  );
  assert.deepEqual(
    tallied[0]!.quotes.map((quote) => [quote.customerId, quote.quote]),
    [
      ['ben', 'Costs too much'],
      ['ada', 'Half the price elsewhere'],
    ],
    'newest first, one per customer, only those with words',
  );
});

test('acquisition: newcomers per source (none is unknown), churned since and retained', () => {
  const rows = tallyAcquisition([
    { source: 'google', churned: true, active: false },
    { source: 'google', churned: true, active: true },
    { source: 'google', churned: false, active: true },
    { source: null, churned: false, active: true },
  ]);
  assert.deepEqual(rows, [
    { source: 'google', customers: 3, churned: 2, retained: 2, retainedShare: 2 / 3 },
    { source: 'unknown', customers: 1, churned: 0, retained: 1, retainedShare: 1 },
  ]);
});

test('cohorts: month 0 is the whole cohort, later months the share active, up to the current month', () => {
  const period = { from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 10, 1) };
  const table = cohortTable(
    period,
    new Map([
      ['2026-09', 4],
      ['2026-10', 2],
    ]),
    [
      { cohort: '2026-09', month: '2026-10', customers: 3 },
      { cohort: '2026-09', month: '2026-11', customers: 1 },
      { cohort: '2026-10', month: '2026-11', customers: 2 },
    ],
    Date.UTC(2026, 10, 20),
  );
  assert.deepEqual(
    table.map((cohort) => [cohort.month, cohort.customers, cohort.months.map((month) => [month.month, month.share])]),
    [
      [
        '2026-09',
        4,
        [
          ['2026-09', 1],
          ['2026-10', 0.75],
          ['2026-11', 0.25],
        ],
      ],
      [
        '2026-10',
        2,
        [
          ['2026-10', 1],
          ['2026-11', 1],
        ],
      ],
    ],
  );
});

test('periods: dates are UTC midnights, to is exclusive; wrong or too long periods are refused naming the field', () => {
  const now = Date.parse('2026-11-20T15:00:00Z');
  assert.deepEqual(planPeriod({ from: '2026-10-01', to: '2026-11-01' }, now), {
    period: { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) },
  });
  assert.deepEqual(planPeriod({}, now), {
    period: { from: Date.UTC(2026, 10, 21) - 90 * DAY_MS, to: Date.UTC(2026, 10, 21) },
  });
  const refused = (request: { from?: string; to?: string }) => {
    const planned = planPeriod(request, now);
    return 'refusal' in planned ? planned.refusal.field : null;
  };
  assert.equal(refused({ from: '2026-11-01', to: '2026-11-01' }), 'to');
  assert.equal(refused({ from: '2025-01-01', to: '2026-01-03' }), 'from');
  assert.equal(refused({ from: '2026-12-01', to: '2027-01-01' }), 'from', 'the future has no churn yet');
  assert.equal(refused({ from: 'soon' }), 'from');
  assert.equal(refused({ from: '2024-01-01', to: '2025-01-01' }), null, 'a leap year is allowed');

  // Cohorts are whole months: the 15th is taken back to the 1st, the end on to the next month's first day.
  assert.deepEqual(planCohorts({ from: '2026-01-15', to: '2026-02-10' }, now), {
    period: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) },
  });
  assert.deepEqual(planCohorts({}, now), { period: { from: Date.UTC(2025, 11, 1), to: Date.UTC(2026, 11, 1) } });
  assert.ok('refusal' in planCohorts({ from: '2024-01-01', to: '2026-02-01' }, now), '25 months is too many');
});
