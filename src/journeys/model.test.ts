// The rules of journeys without a database: which touchpoint an interaction belongs to (fields and, values or; the
// first touchpoint in journey order wins), how visits fall into episodes around a period, and the period itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  episodesOf,
  type InteractionFacts,
  type JourneyStage,
  matches,
  placedTouchpoints,
  planPeriod,
  touchpointOf,
  type Visit,
} from './model.ts';

const facts = (given: Partial<InteractionFacts>): InteractionFacts => ({
  event: null,
  channel: 'email',
  type: 'message',
  direction: 'inbound',
  reason: null,
  caseReason: null,
  path: null,
  url: null,
  ...given,
});

test('every field a matcher gives must match, any of its values may', () => {
  const supportEmail = { channels: ['email', 'chat'], direction: 'inbound', types: ['message'] };
  assert.equal(matches(supportEmail, facts({})), true);
  assert.equal(matches(supportEmail, facts({ channel: 'chat' })), true, 'any of the channels');
  assert.equal(matches(supportEmail, facts({ direction: 'outbound' })), false, 'and the direction');
  assert.equal(matches(supportEmail, facts({ channel: 'phone' })), false);
  assert.equal(matches({ events: ['Order Completed'] }, facts({ event: 'Order Completed', channel: 'order' })), true);
  assert.equal(matches({ events: ['Order Completed'] }, facts({ event: 'order completed' })), false, 'exactly');
  assert.equal(matches({ events: ['Order Completed'] }, facts({})), false, 'no event name, no match');
});

test('a reason matches the case’s reason or the one listening read', () => {
  const delivery = { reasons: ['delivery'] };
  assert.equal(matches(delivery, facts({ caseReason: 'delivery' })), true);
  assert.equal(matches(delivery, facts({ reason: 'delivery', caseReason: 'billing' })), true);
  assert.equal(matches(delivery, facts({ reason: 'billing' })), false);
  assert.equal(matches(delivery, facts({})), false);
});

test('a page matches page views whose path or url starts with it, case and all', () => {
  const checkout = { pages: ['/checkout', 'https://shop.example/cart'] };
  assert.equal(matches(checkout, facts({ type: 'page_view', path: '/checkout/payment' })), true);
  assert.equal(matches(checkout, facts({ type: 'page_view', url: 'https://shop.example/cart?x=1' })), true);
  assert.equal(matches(checkout, facts({ type: 'page_view', path: '/Checkout' })), false);
  assert.equal(matches(checkout, facts({ type: 'page_view', path: '/account' })), false);
  assert.equal(matches(checkout, facts({ type: 'track', path: '/checkout' })), false, 'only page views');
});

const stages: JourneyStage[] = [
  {
    id: 'buy',
    name: 'Buy',
    touchpoints: [{ id: 'order', name: 'Order', matcher: { events: ['Order Completed'] }, targets: [] }],
  },
  {
    id: 'help',
    name: 'Help',
    touchpoints: [
      { id: 'late', name: 'Late delivery', matcher: { reasons: ['delivery'] }, targets: [] },
      { id: 'contact', name: 'Any contact', matcher: { channels: ['email'], direction: 'inbound' }, targets: [] },
    ],
  },
];

test('an interaction belongs to the first touchpoint in journey order that it matches', () => {
  const touchpoints = placedTouchpoints(stages);
  assert.deepEqual(
    touchpoints.map((placed) => [placed.index, placed.stageIndex, placed.touchpoint.id]),
    [
      [0, 0, 'order'],
      [1, 1, 'late'],
      [2, 1, 'contact'],
    ],
  );
  assert.equal(touchpointOf(touchpoints, facts({ caseReason: 'delivery' })), 1, 'both match: the earlier one');
  assert.equal(touchpointOf(touchpoints, facts({ caseReason: 'billing' })), 2);
  assert.equal(
    touchpointOf(touchpoints, facts({ channel: 'order', event: 'Order Completed', direction: 'inbound' })),
    0,
  );
  assert.equal(touchpointOf(touchpoints, facts({ channel: 'chat' })), null);
});

const DAY = 86_400_000;
const visit = (day: number, touchpoint = 0): Visit => ({
  interactionId: day,
  at: day * DAY,
  touchpoint,
  inbound: true,
  caseId: null,
  sentimentScore: null,
  invitationId: null,
});

test('an episode ends after more than episodeDays without a visit; only those starting in the period count', () => {
  const period = { from: 10 * DAY, to: 40 * DAY };
  // Days 2, 12: 10 days apart, one episode that began before the period (not counted, nor is its day-12 visit a new
  // one). Day 25 is 13 days later: a new episode, with day 35 (10 days). Day 50 (15 later) starts after the period.
  const visits = [2, 12, 25, 35, 50].map((day) => visit(day));
  const episodes = episodesOf('cus_a', visits, 10 * DAY, period);
  assert.deepEqual(
    episodes.map((episode) => episode.visits.map((v) => v.at / DAY)),
    [[25, 35]],
  );
  // With 13 days, 12 → 25 is no gap: the episode begun on day 2 runs through day 35, and day 50 starts after the
  // period, so none counts.
  assert.deepEqual(episodesOf('cus_a', visits, 13 * DAY, period), []);
  // Exactly episodeDays apart is still the same episode; one starting at `to` is the next period's.
  assert.deepEqual(
    episodesOf('cus_a', [visit(10), visit(20), visit(40)], 10 * DAY, period).map((e) => e.visits.length),
    [2],
  );
});

test('the period: dates at midnight in the zone, `to` exclusive, 30 days by default, at most 366', () => {
  const now = Date.parse('2026-11-20T15:00:00Z');
  const planned = planPeriod({ timeZone: 'UTC' }, now);
  assert.ok('period' in planned);
  assert.equal(new Date(planned.period.to).toISOString(), '2026-11-21T00:00:00.000Z');
  assert.equal(new Date(planned.period.from).toISOString(), '2026-10-22T00:00:00.000Z');
  const berlin = planPeriod({ from: '2026-11-01', to: '2026-11-08', timeZone: 'Europe/Berlin' }, now);
  assert.ok('period' in berlin);
  assert.equal(new Date(berlin.period.from).toISOString(), '2026-10-31T23:00:00.000Z');
  assert.deepEqual(planPeriod({ from: '2025-01-01', to: '2026-01-03', timeZone: 'UTC' }, now), {
    refusal: { field: 'from', reason: 'the period is at most 366 days; this one is 367' },
  });
  assert.ok('period' in planPeriod({ from: '2024-01-01', to: '2025-01-01', timeZone: 'UTC' }, now), 'a leap year');
  assert.deepEqual(planPeriod({ from: '2026-11-09', to: '2026-11-09', timeZone: 'UTC' }, now), {
    refusal: { field: 'to', reason: 'must be after from (the period ends just before to)' },
  });
});
