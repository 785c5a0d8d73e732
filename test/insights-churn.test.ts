// Why customers come, stay and leave, over a real server (issue 15 item 4). Ten customers' lives are ingested
// through the real APIs with their own times (Segment identify/track/page, support emails that open cases, a
// gesture, survey answers on the public page), relative to today so that live cases and answers given now fit in;
// then the churn report (rate against the period before, reasons with their quotes, each experience's churn with
// and without), newcomers per acquisition source and a cohort table (of 2025, fixed dates) are checked against
// numbers worked out by hand below. Wrong periods and settings are refused naming the field; agents get 403; an
// erased customer is nowhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { sweepBreaches } from '../src/cases/service.ts';

const DAY = 86_400_000;
/** Midnight (UTC) of today. Every moment below is noon of a day relative to it. */
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const noon = (days: number) => new Date(TODAY + days * DAY + DAY / 2).toISOString();
const date = (days: number) => new Date(TODAY + days * DAY).toISOString().slice(0, 10);

// The period asked about: the 61 days [today − 60, tomorrow); the one before it: [today − 121, today − 60).
// With 90 days of silence, what happened from today − 211 on decides both.
const PERIOD = `from=${date(-60)}&to=${date(1)}`;

/*
 * The lives (days relative to today; identify is a sighting, not activity of hers; every other event is):
 *
 * ada  (google)     seen −150, viewed −100, a negative email −45 (a case: delivery), cancels −40 "Too expensive"
 *                   with a comment                                  → churned in the period by the event (−40)
 * ben  (google)     seen −150, page −100, an email −20 (a live case whose SLA clocks ran out: breach), a gesture
 *                   now on that case                                → stays
 * cleo (newsletter) seen −200, two negative emails −135 and −133 about her invoice (one case, two contacts: a
 *                   repeat contact; billing)                              → silent 90 days after −133: churned at −43
 * dora (newsletter) seen −150, viewed −70                           → stays (silent since −70: churns at +20)
 * emil (no source)  seen −10, viewed −5                             → new in the period, stays
 * fay  (google)     seen −150, viewed −90 and −30, cancels −5 without a reason, then answers the cancellation
 *                   survey now: "Missing features", "No calendar export" → churned in the period by the event (−5)
 * gus  (referral)   seen −100, ordered −15, answers an NPS survey now with 3: a detractor → stays
 * hal  (google)     seen −200, viewed −180                          → silent: churned at −90, in the period before
 * ida  (referral)   seen −150, viewed −100, cancels −80 "Switched", orders again −30 (she is back) → churned in the
 *                   period before, active in this one
 * jon               seen −150, cancels −20 "Moving abroad"          → churned in the period, then erased: nowhere
 *
 * The period: population ada, ben, cleo, dora, emil, fay, gus, ida = 8 (hal left before it, jon is erased);
 * churned ada, cleo, fay = 3; churn rate 3/8 = 0.375 (by the event 2, by silence 1).
 * The period before: ada, ben, cleo, dora, fay, gus, hal, ida = 8 (emil not yet seen); churned hal, ida = 2: 0.25.
 */

let server: TestServer;
let manager: string;
const customerOf = new Map<string, string>();
let exitSurveyId = '';

let messages = 0;
const identify = (who: string, days: number, extra: Record<string, unknown> = {}) => ({
  type: 'identify',
  userId: who,
  traits: { email: `${who}@example.com`, name: `${who[0]!.toUpperCase()}${who.slice(1)} Example` },
  timestamp: noon(days),
  messageId: `m${++messages}`,
  ...extra,
});
const track = (who: string, days: number, event: string, properties: Record<string, unknown> = {}) => ({
  type: 'track',
  userId: who,
  event,
  properties,
  timestamp: noon(days),
  messageId: `m${++messages}`,
});
const page = (who: string, days: number) => ({
  type: 'page',
  userId: who,
  name: 'Pricing',
  timestamp: noon(days),
  messageId: `m${++messages}`,
});
const source = (name: string) => ({ traits: { acquisitionSource: name } });
const campaign = (name: string) => ({ context: { campaign: { source: name } } });
const withSource = (call: ReturnType<typeof identify>, extra: Record<string, unknown>) => ({
  ...call,
  ...extra,
  traits: { ...call.traits, ...((extra.traits as object) ?? {}) },
});

const LIVES = [
  withSource(identify('ada', -150), source('google')),
  track('ada', -100, 'Product Viewed'),
  track('ada', -40, 'Subscription Cancelled', { reason: 'Too expensive', comment: 'Half the price elsewhere' }),
  withSource(identify('ben', -150), campaign('google')),
  page('ben', -100),
  withSource(identify('cleo', -200), source('newsletter')),
  withSource(identify('dora', -150), source('newsletter')),
  track('dora', -70, 'Product Viewed'),
  identify('emil', -10),
  track('emil', -5, 'Product Viewed'),
  withSource(identify('fay', -150), source('google')),
  track('fay', -90, 'Product Viewed'),
  track('fay', -30, 'Product Viewed'),
  track('fay', -5, 'Subscription Cancelled'),
  withSource(identify('gus', -100), source('referral')),
  track('gus', -15, 'Order Completed', { total: 40 }),
  withSource(identify('hal', -200), source('google')),
  track('hal', -180, 'Product Viewed'),
  withSource(identify('ida', -150), source('referral')),
  track('ida', -100, 'Product Viewed'),
  track('ida', -80, 'Subscription Cancelled', { cancellation_reason: 'Switched' }),
  track('ida', -30, 'Order Completed', { total: 25 }),
  identify('jon', -150),
  track('jon', -20, 'Subscription Cancelled', { reason: 'Moving abroad', comment: 'Leaving the country' }),
  // The cohorts of 2025 (see the retention test): first seen in March and April 2025.
  { ...identify('kim', 0), timestamp: '2025-03-05T10:00:00Z' },
  { ...track('kim', 0, 'Order Completed'), timestamp: '2025-04-10T10:00:00Z' },
  { ...track('kim', 0, 'Product Viewed'), timestamp: '2025-05-20T10:00:00Z' },
  { ...identify('lou', 0), timestamp: '2025-03-20T10:00:00Z' },
  { ...track('lou', 0, 'Product Viewed'), timestamp: '2025-03-25T10:00:00Z' },
  { ...page('lou', 0), timestamp: '2025-05-02T10:00:00Z' },
  { ...identify('max', 0), timestamp: '2025-03-28T10:00:00Z' },
  { ...identify('nia', 0), timestamp: '2025-04-02T10:00:00Z' },
  { ...track('nia', 0, 'Product Viewed'), timestamp: '2025-04-03T10:00:00Z' },
  { ...track('nia', 0, 'Order Completed'), timestamp: '2025-06-10T10:00:00Z' },
];

const email = (who: string, days: number, subject: string, text: string) => ({
  customer: { email: `${who}@example.com` },
  channel: 'email',
  direction: 'inbound',
  type: 'message',
  department: 'support',
  text,
  occurredAt: noon(days),
  source: 'helpdesk',
  sourceId: `mail-${who}-${days}`,
  properties: { subject },
});

const EMAILS = [
  email(
    'ada',
    -45,
    'Parcel lost again',
    'The courier lost my parcel again and nobody tells me where my delivery is. This is awful, terrible service.',
  ),
  email('ben', -20, 'Change my delivery address', 'Hello, could you change the delivery address of my parcel please?'),
  email('cleo', -135, 'Invoice charged twice', 'My invoice was charged twice this month, please check the billing.'),
  email('cleo', -133, 'Re: Invoice charged twice', 'Any news about my invoice? The billing still shows two charges.'),
];

const api = (method: string, path: string, token = server.token, body?: unknown) =>
  http(method, `${server.url}${path}`, { token, body });

/** The public survey page as a browser without script uses it: open the link, post the form. */
async function answerSurvey(url: string, fields: Record<string, string>): Promise<void> {
  const form = await fetch(url);
  const html = await form.text();
  const submission = /name="submission" value="([^"]+)"/.exec(html)![1]!;
  const posted = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ submission, ...fields }).toString(),
  });
  assert.equal(posted.status, 200, await posted.text());
}

before(async () => {
  server = await startTestServer();
  manager = await server.staffToken('manager');
  const tracked = await http('POST', `${server.url}/v1/batch`, { writeKey: server.writeKey, body: { batch: LIVES } });
  assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
  await server.settled();
  const mailed = await api('POST', '/api/interactions', server.token, { interactions: EMAILS });
  assert.equal(mailed.status, 200, JSON.stringify(mailed.body));
  for (const who of [
    'ada',
    'ben',
    'cleo',
    'dora',
    'emil',
    'fay',
    'gus',
    'hal',
    'ida',
    'jon',
    'kim',
    'lou',
    'max',
    'nia',
  ]) {
    const found = await api('GET', `/api/customers/lookup?email=${who}@example.com`);
    assert.equal(found.status, 200, `${who}: ${JSON.stringify(found.body)}`);
    customerOf.set(who, found.body.id);
  }
  // Ben's email of 20 days ago opened a live case: its clocks ran out long ago (the server's sweep records it).
  await sweepBreaches(server.running.db);
  const bensCase = mailed.body.results[1].caseId as string;
  const breached = await api('GET', `/api/cases/${bensCase}`);
  assert.ok(breached.body.sla.breaches.length > 0, JSON.stringify(breached.body.sla));
  const gesture = await api('POST', `/api/cases/${bensCase}/gestures`, server.token, {
    kind: 'note',
    reason: 'Sorry for the wait',
  });
  assert.equal(gesture.status, 201, JSON.stringify(gesture.body));

  // The cancellation survey (asked of fay after she left) and an NPS survey (gus answers 3: a detractor).
  const exit = await api('POST', '/api/surveys', manager, {
    name: 'Why did you leave?',
    kind: 'custom',
    questions: [
      {
        id: 'why',
        type: 'choice',
        prompt: 'Why are you leaving?',
        options: ['Too expensive', 'Missing features', 'Switched'],
      },
      { id: 'comment', type: 'text', prompt: 'Anything else?', isComment: true },
    ],
  });
  assert.equal(exit.status, 201, JSON.stringify(exit.body));
  exitSurveyId = exit.body.id;
  const nps = await api('POST', '/api/surveys', manager, { name: 'Relationship NPS', kind: 'nps' });
  assert.equal(nps.status, 201, JSON.stringify(nps.body));
  const toFay = await api('POST', `/api/surveys/${exitSurveyId}/send`, manager, { customerId: customerOf.get('fay') });
  assert.equal(toFay.status, 201, JSON.stringify(toFay.body));
  await answerSurvey(toFay.body.url, { why: 'Missing features', comment: 'No calendar export' });
  const toGus = await api('POST', `/api/surveys/${nps.body.id}/send`, manager, { customerId: customerOf.get('gus') });
  assert.equal(toGus.status, 201, JSON.stringify(toGus.body));
  await answerSurvey(toGus.body.url, { score: '3' });
  await server.settled();

  const settings = await api('PUT', '/api/settings/churn', manager, { cancellationSurveyId: exitSurveyId });
  assert.equal(settings.status, 200, JSON.stringify(settings.body));
  const erased = await api('DELETE', `/api/customers/${customerOf.get('jon')}`);
  assert.equal(erased.status, 200, JSON.stringify(erased.body));
});

after(async () => server?.close());

interface Experience {
  experience: string;
  customers: number;
  churnedWith: number;
  withRate: number | null;
  customersWithout: number;
  churnedWithout: number;
  withoutRate: number | null;
  lift: number | null;
}

test('the churn rate of the period against the one before, with the definition used', async () => {
  const answer = await api('GET', `/api/insights/churn?${PERIOD}`, manager);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const body = answer.body;
  assert.deepEqual(
    [body.from, body.to, body.previousFrom, body.previousTo],
    [
      `${date(-60)}T00:00:00.000Z`,
      `${date(1)}T00:00:00.000Z`,
      `${date(-121)}T00:00:00.000Z`,
      `${date(-60)}T00:00:00.000Z`,
    ],
  );
  assert.deepEqual(body.settings, {
    event: 'Subscription Cancelled',
    inactiveDays: 90,
    lookbackDays: 90,
    cancellationSurveyId: exitSurveyId,
  });
  // See the lives above: 3 of 8 churned (ada and fay by the event, cleo by silence); before: hal and ida of 8.
  assert.deepEqual(
    [body.population, body.churned, body.churnRate, body.churnedByEvent, body.churnedByInactivity],
    [8, 3, 3 / 8, 2, 1],
  );
  assert.deepEqual(body.previous, { population: 8, churned: 2, churnRate: 2 / 8 });
});

test('each experience: the churn of those who had it against those who did not, the largest lift first', async () => {
  const answer = await api('GET', `/api/insights/churn?${PERIOD}`, manager);
  const experiences = answer.body.experiences as Experience[];
  // Windows: ada [−130, −40], cleo [−223, −43], fay [−95, −5] (the lookback before leaving up to the churn
  // moment); the others the 90 days up to now.
  // negative post: ada's email of −45 and cleo's about the double charge — 2 of 2 churned (1) against 1 of 6
  //   (fay): lift 1 − 1/6.
  // repeat contact: cleo (two emails, one case) — 1 of 1 churned (1) against 2 of 7 (ada, fay): lift 1 − 2/7.
  // SLA breach: ben — 0 of 1 against 3 of 7: lift −3/7. Detractor: gus (NPS 3, now) — the same. Gesture: ben —
  //   the same. Reopened: nobody — no rate with it, no lift: last.
  assert.deepEqual(
    experiences.map((row) => [
      row.experience,
      row.customers,
      row.churnedWith,
      row.withRate,
      row.customersWithout,
      row.churnedWithout,
      row.withoutRate,
      row.lift,
    ]),
    [
      ['negative_post', 2, 2, 1, 6, 1, 1 / 6, 1 - 1 / 6],
      ['repeat_contact', 1, 1, 1, 7, 2, 2 / 7, 1 - 2 / 7],
      ['sla_breach', 1, 0, 0, 7, 3, 3 / 7, -3 / 7],
      ['detractor', 1, 0, 0, 7, 3, 3 / 7, -3 / 7],
      ['gesture', 1, 0, 0, 7, 3, 3 / 7, -3 / 7],
      ['reopened', 0, 0, null, 8, 3, 3 / 8, null],
    ],
  );
});

test('the reasons churned customers gave: the event, the cancellation survey, their last case; with their words', async () => {
  const answer = await api('GET', `/api/insights/churn?${PERIOD}`, manager);
  const reasons = answer.body.reasons as Array<{
    source: string;
    reason: string | null;
    count: number;
    share: number;
    quotes: Array<{ customerId: string; customerName: string; text: string }>;
  }>;
  // Each of the 3 churned customers' reasons: ada's event ("Too expensive"), fay's event without one, fay's survey
  // choice, and the contact reasons of ada's and cleo's last cases (keywords: delivery, billing). 1 of 3 each.
  assert.deepEqual(
    reasons.map((reason) => [reason.source, reason.reason, reason.count, reason.share]),
    [
      ['event', 'Too expensive', 1, 1 / 3],
      ['event', null, 1, 1 / 3],
      ['survey', 'Missing features', 1, 1 / 3],
      ['last_contact', 'billing', 1, 1 / 3],
      ['last_contact', 'delivery', 1, 1 / 3],
    ],
  );
  const quotes = Object.fromEntries(
    reasons.map((reason) => [
      `${reason.source}:${reason.reason}`,
      reason.quotes.map((quote) => [quote.customerName, quote.text]),
    ]),
  );
  assert.deepEqual(quotes, {
    'event:Too expensive': [['Ada Example', 'Half the price elsewhere']],
    'event:null': [],
    'survey:Missing features': [['Fay Example', 'No calendar export']],
    'last_contact:billing': [['Cleo Example', 'Invoice charged twice']],
    'last_contact:delivery': [['Ada Example', 'Parcel lost again']],
  });
});

test('each customer whose words are shown is in the audit trail, once per answer', async () => {
  const agentlessManager = await server.staffToken('manager');
  const me = (await api('GET', '/api/auth/me', agentlessManager)).body.id;
  const answer = await api('GET', `/api/insights/churn?${PERIOD}`, agentlessManager);
  assert.equal(answer.status, 200);
  await server.settled();
  const trail = await api('GET', `/api/audit?actorId=${me}&action=customer.churn_reasons_viewed`);
  assert.equal(trail.status, 200, JSON.stringify(trail.body));
  const seen = (trail.body.items as Array<{ customerId: string }>).map((entry) => entry.customerId).sort();
  assert.deepEqual(seen, [customerOf.get('ada'), customerOf.get('cleo'), customerOf.get('fay')].sort());
});

test('newcomers per acquisition source: how many churned since, how many are still here', async () => {
  const answer = await api('GET', `/api/insights/acquisition?from=${date(-210)}&to=${date(1)}`, manager);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  // First seen since −210: all but jon (erased) and the 2025 cohorts.
  // google: ada (churned), ben (here), fay (churned), hal (churned) — 4, 3 churned, 1 retained.
  // newsletter: cleo (churned), dora (here) — 2, 1, 1. referral: gus (here), ida (churned −80, back −30) — 2, 1, 2.
  // unknown: emil — 1, 0, 1. Totals: 9 customers, 5 churned, 5 retained.
  assert.deepEqual(answer.body.sources, [
    { source: 'google', customers: 4, churned: 3, retained: 1, retainedShare: 1 / 4 },
    { source: 'newsletter', customers: 2, churned: 1, retained: 1, retainedShare: 1 / 2 },
    { source: 'referral', customers: 2, churned: 1, retained: 2, retainedShare: 1 },
    { source: 'unknown', customers: 1, churned: 0, retained: 1, retainedShare: 1 },
  ]);
  assert.deepEqual(
    [answer.body.customers, answer.body.churned, answer.body.retained, answer.body.retainedShare],
    [9, 5, 5, 5 / 9],
  );
});

test('cohorts by first-seen month: the share of each active in the months after', async () => {
  const answer = await api('GET', '/api/insights/retention?from=2025-03-10&to=2025-04-30', manager);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual([answer.body.from, answer.body.to], ['2025-03-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z']);
  const [march, april] = answer.body.cohorts as Array<{
    month: string;
    customers: number;
    months: Array<{ month: string; active: number; share: number }>;
  }>;
  // March 2025: kim, lou, max. April: kim ordered (1 of 3); May: kim viewed, lou visited (2 of 3); June: nobody.
  assert.equal(march!.month, '2025-03');
  assert.equal(march!.customers, 3);
  assert.deepEqual(
    march!.months.slice(0, 4).map((month) => [month.month, month.active, month.share]),
    [
      ['2025-03', 3, 1],
      ['2025-04', 1, 1 / 3],
      ['2025-05', 2, 2 / 3],
      ['2025-06', 0, 0],
    ],
  );
  // April 2025: nia; nothing in May, an order in June.
  assert.deepEqual(
    [april!.month, april!.customers, april!.months.slice(0, 3).map((month) => month.active)],
    ['2025-04', 1, [1, 0, 1]],
  );
  assert.equal(march!.months.at(-1)!.month, new Date().toISOString().slice(0, 7), 'up to this month');
});

test('a wrong period or setting is refused, naming the field', async () => {
  const refusals: Array<[string, string]> = [
    [`/api/insights/churn?from=${date(-5)}&to=${date(-5)}`, 'to'],
    ['/api/insights/churn?from=yesterday', 'from'],
    [`/api/insights/churn?from=${date(-400)}&to=${date(-1)}`, 'from'],
    [`/api/insights/churn?from=${date(3)}&to=${date(10)}`, 'from'],
    ['/api/insights/acquisition?to=never', 'to'],
    ['/api/insights/retention?from=2023-01-01&to=2025-02-01', 'from'],
  ];
  for (const [path, field] of refusals) {
    const answer = await api('GET', path, manager);
    assert.equal(answer.status, 400, `${path}: ${JSON.stringify(answer.body)}`);
    assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual(
      (answer.body.errors as Array<{ field: string }>).map((error) => error.field),
      [field],
      path,
    );
  }
  const settings: Array<[unknown, string[]]> = [
    [{ event: null, inactiveDays: null }, ['event', 'inactiveDays']],
    [{ lookbackDays: 0 }, ['lookbackDays']],
    [{ inactiveDays: 'ninety' }, ['inactiveDays']],
    [{ cancellationSurveyId: 'srv_nope' }, ['cancellationSurveyId']],
  ];
  for (const [body, fields] of settings) {
    const answer = await api('PUT', '/api/settings/churn', manager, body);
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.deepEqual(
      (answer.body.errors as Array<{ field: string }>).map((error) => error.field),
      fields,
      JSON.stringify(body),
    );
  }
  const kept = await api('GET', '/api/settings/churn', manager);
  assert.equal(kept.body.cancellationSurveyId, exitSurveyId, 'a refused change changes nothing');
});

test('the settings: read and replaced by managers, audited; a field left out takes its default', async () => {
  const changed = await api('PUT', '/api/settings/churn', manager, {
    event: 'Account Closed',
    inactiveDays: null,
    lookbackDays: 30,
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.deepEqual(changed.body, {
    event: 'Account Closed',
    inactiveDays: null,
    lookbackDays: 30,
    cancellationSurveyId: null,
  });
  // Only "Account Closed" counts now, and nobody sent it: nobody churned.
  const report = await api('GET', `/api/insights/churn?${PERIOD}`, manager);
  assert.deepEqual([report.body.churned, report.body.settings.event], [0, 'Account Closed']);
  const trail = await api('GET', '/api/audit?action=churn_settings.changed');
  assert.equal(trail.body.items.length, 2, 'the first change in before(), and this one');
  const restored = await api('PUT', '/api/settings/churn', manager, { cancellationSurveyId: exitSurveyId });
  assert.equal(restored.status, 200);
});

test('reports are for managers: an agent or a viewer gets 403, nobody signed out gets 401', async () => {
  const agent = await server.staffToken('agent');
  const viewer = await server.staffToken('viewer');
  for (const path of [
    `/api/insights/churn?${PERIOD}`,
    '/api/insights/acquisition',
    '/api/insights/retention',
    '/api/settings/churn',
  ]) {
    assert.equal((await api('GET', path, agent)).status, 403, path);
    assert.equal((await api('GET', path, viewer)).status, 403, path);
    assert.equal((await http('GET', `${server.url}${path}`)).status, 401, path);
  }
  assert.equal((await api('PUT', '/api/settings/churn', agent, {})).status, 403);
});

test('an erased customer is in no count and no quote', async () => {
  const churn = await api('GET', `/api/insights/churn?${PERIOD}`, manager);
  const text = JSON.stringify(churn.body);
  assert.ok(!text.includes(customerOf.get('jon')!), 'not among the quotes');
  assert.ok(!text.includes('Moving abroad') && !text.includes('Leaving the country'), 'her reasons are gone');
  // Were she counted, the period would have 9 customers and 4 churned.
  assert.deepEqual([churn.body.population, churn.body.churned], [8, 3]);
});
