// Journeys over a real server (issue 15): a manager defines "Order to doorstep" (order → shipped or a delivery
// question → delivered, with targets); customers' orders, emails and phone calls are ingested with their own times
// in October 2026 through the real APIs, two answer a CSAT survey about their calls; the report gives the episodes,
// completion, drop-off, waits, first response and CSAT worked out by hand below, a merged customer counted once
// under her survivor and an erased one not at all. Bad definitions and periods are refused naming the field; an
// agent may neither read nor define journeys; changes are audited; unknown journeys are 404.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let manager: string;

const api = (method: string, path: string, token: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token, body });

const JOURNEY = {
  name: 'Order to doorstep',
  description: 'From the order to the parcel at the door',
  stages: [
    {
      id: 'purchase',
      name: 'Purchase',
      touchpoints: [
        {
          id: 'ordered',
          name: 'Order placed',
          matcher: { events: ['Order Completed'] },
          targets: [{ metric: 'completion', comparator: 'atLeast', value: 90 }],
        },
      ],
    },
    {
      id: 'delivery',
      name: 'Delivery',
      touchpoints: [
        { id: 'shipped', name: 'Order shipped', matcher: { events: ['Order Shipped'] } },
        {
          id: 'wismo',
          name: 'Where is my order?',
          matcher: { reasons: ['delivery'], direction: 'inbound' },
          targets: [
            { metric: 'first_response_minutes', comparator: 'atMost', value: 60 },
            { metric: 'contacts', comparator: 'atMost', value: 1 },
            { metric: 'csat_average', comparator: 'atLeast', value: 4.5 },
            { metric: 'csat', comparator: 'atLeast', value: 80 },
          ],
        },
      ],
    },
    {
      id: 'delivered',
      name: 'Delivered',
      touchpoints: [
        {
          id: 'at-door',
          name: 'Order delivered',
          matcher: { events: ['Order Delivered'] },
          targets: [
            { metric: 'wait_hours', comparator: 'atMost', value: 72 },
            { metric: 'completion', comparator: 'atLeast', value: 90 },
          ],
        },
      ],
    },
  ],
};

const phoneOf: Record<string, string> = {
  ben: '+14155550102',
  cleo: '+14155550103',
  dan: '+14155550104',
};

/** An order event of a customer (known by email, and by phone where `withPhone`). */
function order(who: string, event: string, at: string, withPhone = false) {
  return {
    customer: { email: `${who}@example.com`, ...(withPhone ? { phone: phoneOf[who] } : {}) },
    channel: 'order',
    direction: 'inbound',
    type: 'track',
    event,
    occurredAt: at,
    sourceId: `${who}-${event}-${at}`,
  };
}

// The period is October 2026 (UTC); an episode ends after 30 days without a matching interaction.
const FIRST = [
  // ada: order, shipped a day later, delivered 2 days after that. A page view and our outbound email match nothing.
  order('ada', 'Order Completed', '2026-10-02T10:00:00Z'),
  order('ada', 'Order Shipped', '2026-10-03T10:00:00Z'),
  order('ada', 'Order Delivered', '2026-10-05T10:00:00Z'),
  {
    customer: { email: 'ada@example.com' },
    channel: 'web',
    type: 'page_view',
    properties: { path: '/orders/1' },
    occurredAt: '2026-10-03T11:00:00Z',
    sourceId: 'ada-page',
  },
  {
    customer: { email: 'ada@example.com' },
    channel: 'email',
    direction: 'outbound',
    text: 'Your parcel is on its way and the delivery is due on Monday',
    occurredAt: '2026-10-03T12:00:00Z',
    sourceId: 'ada-mail',
    historical: true,
  },
  order('ben', 'Order Completed', '2026-10-04T09:00:00Z', true),
  // cleo: order, then an email asking where her delivery is, then a call about it; never shipped in October.
  order('cleo', 'Order Completed', '2026-10-10T08:00:00Z', true),
  {
    customer: { email: 'cleo@example.com' },
    channel: 'email',
    text: 'Where is my delivery? The shipment is late again and nobody answers',
    properties: { subject: 'Late parcel' },
    occurredAt: '2026-10-12T08:00:00Z',
    sourceId: 'cleo-mail',
    historical: true,
  },
  // dan orders by email; he calls from a number not yet known (a profile of its own until his shipping merges them).
  order('dan', 'Order Completed', '2026-10-15T12:00:00Z'),
  order('eve', 'Order Completed', '2026-10-20T10:00:00Z'),
  // fay's episode began in September: her October shipping and delivery continue it (12 days later), no new one.
  order('fay', 'Order Completed', '2026-09-20T10:00:00Z'),
  order('fay', 'Order Shipped', '2026-10-02T10:00:00Z'),
  order('fay', 'Order Delivered', '2026-10-04T10:00:00Z'),
  // gus orders on the 30th; his parcel ships on November 2, after the period.
  order('gus', 'Order Completed', '2026-10-30T10:00:00Z'),
  order('gus', 'Order Shipped', '2026-11-02T10:00:00Z'),
];

/** Calls about a delivery (the IVR's last choice is the case's reason), answered `answeredAfter` minutes in. */
const CALLS = [
  { who: 'ben', at: '2026-10-06T09:00:00Z', answeredAfter: 30 },
  { who: 'cleo', at: '2026-10-13T08:00:00Z', answeredAfter: 120 },
  { who: 'dan', at: '2026-10-16T12:00:00Z', answeredAfter: 60 },
];

const SECOND = [
  order('ben', 'Order Shipped', '2026-10-06T12:00:00Z'),
  order('ben', 'Order Delivered', '2026-10-08T12:00:00Z'),
  // Names his email and his phone: the two profiles become one.
  order('dan', 'Order Shipped', '2026-10-17T12:00:00Z', true),
  order('dan', 'Order Delivered', '2026-10-25T12:00:00Z'),
];

const customerOf = new Map<string, string>();
const callCaseOf = new Map<string, string>();
let journeyId = '';

async function ingest(interactions: unknown[]) {
  const posted = await api('POST', '/api/interactions', server.token, { interactions });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results as Array<{ customerId: string; caseId?: string }>;
}

/** She answers the CSAT survey about a case on its public page, with `score`. */
async function answerCsat(who: string, caseId: string, score: number) {
  const sent = await api('POST', '/api/surveys/srv_csat_after_resolution/send', server.token, {
    customerId: customerOf.get(who),
    caseId,
    ignoreQuietPeriod: true,
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const form = await (await fetch(sent.body.url)).text();
  const submission = /name="submission" value="([^"]+)"/.exec(form)![1]!;
  const answered = await fetch(sent.body.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ submission, score: String(score) }).toString(),
  });
  assert.equal(answered.status, 200);
}

before(async () => {
  server = await startTestServer();
  manager = await server.staffToken('manager');
  const first = await ingest(FIRST);
  for (const [index, result] of first.entries()) {
    customerOf.set((FIRST[index]!.customer.email ?? '').split('@')[0]!, result.customerId);
  }
  for (const call of CALLS) {
    const answered = new Date(Date.parse(call.at) + call.answeredAfter * 60_000).toISOString();
    const received = await http('POST', `${server.url}/api/channels/phone/events`, {
      writeKey: server.writeKey,
      body: {
        callId: `call-${call.who}`,
        from: phoneOf[call.who],
        startedAt: call.at,
        answeredAt: answered,
        ivrPath: ['Orders', 'Delivery'],
        outcome: 'answered',
      },
    });
    assert.equal(received.status, 201, JSON.stringify(received.body));
    callCaseOf.set(call.who, received.body.caseId);
  }
  await ingest(SECOND);
  await answerCsat('ben', callCaseOf.get('ben')!, 5);
  await answerCsat('cleo', callCaseOf.get('cleo')!, 3);
  await server.settled();
});

after(async () => server?.close());

test('a manager defines a journey; ids given are kept, the rest are made; it is listed and audited', async () => {
  const created = await api('POST', '/api/journeys', manager, JOURNEY);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  journeyId = created.body.id;
  assert.match(journeyId, /^jrn_/);
  assert.equal(created.body.episodeDays, 30, 'the default');
  assert.deepEqual(
    created.body.stages.map((stage: { id: string; touchpoints: Array<{ id: string }> }) => [
      stage.id,
      stage.touchpoints.map((touchpoint) => touchpoint.id),
    ]),
    [
      ['purchase', ['ordered']],
      ['delivery', ['shipped', 'wismo']],
      ['delivered', ['at-door']],
    ],
  );
  assert.deepEqual(created.body.stages[1].touchpoints[0].targets, [], 'no targets: an empty list');

  const list = await api('GET', '/api/journeys', manager);
  assert.deepEqual(
    list.body.items.map((journey: { id: string }) => journey.id),
    [journeyId],
  );
  const trail = await api('GET', '/api/audit?action=journey.created', server.token);
  assert.equal(trail.status, 200, JSON.stringify(trail.body));
  assert.equal(trail.body.items.length, 1, 'the definition is in the audit trail as settings changes are');
});

interface TouchpointReport {
  touchpointId: string;
  episodes: number;
  dropOff: number | null;
  medianWait: number | null;
  measures: Record<string, number | null>;
  targets: Array<{
    metric: string;
    intended: number;
    actual: number | null;
    gap: number | null;
    relativeGap: number | null;
    met: boolean | null;
  }>;
}

async function report(query = 'from=2026-10-01&to=2026-11-01', token = manager) {
  return api('GET', `/api/journeys/${journeyId}/report?${query}`, token);
}

const touchpointIn = (body: { touchpoints: TouchpointReport[] }, id: string) =>
  body.touchpoints.find((touchpoint) => touchpoint.touchpointId === id)!;

test('the calls and the email made the cases the report reads', async () => {
  assert.equal(new Set(callCaseOf.values()).size, 3, 'a case per call');
  for (const who of ['ben', 'cleo', 'dan']) {
    const detail = await api('GET', `/api/cases/${callCaseOf.get(who)}`, server.token);
    assert.equal(detail.body.reason, 'delivery', 'the IVR’s last choice');
  }
  const cleo = await api('GET', `/api/customers/${customerOf.get('cleo')}/timeline`, server.token);
  const mail = cleo.body.items.find((item: { sourceId: string }) => item.sourceId === 'cleo-mail');
  assert.ok(mail.caseId && mail.caseId !== callCaseOf.get('cleo'), 'her email is a case of its own');
  assert.equal(mail.insight.reason, 'delivery', 'listening read a delivery question');
});

test('October: six episodes, half completed; per touchpoint episodes, completion, drop-off and waits', async () => {
  const answer = await report();
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const body = answer.body;
  assert.deepEqual(
    [body.from, body.to, body.timeZone],
    ['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'UTC'],
  );
  // Episodes starting in October: ada, ben, cleo, dan (his two profiles are one), eve, gus; fay's began in September.
  // Completed (delivered): ada, ben, dan = 3 of 6 = 50 %.
  // Durations: ada 2 → 5 Oct 10:00 = 72 h; ben 4 Oct 09:00 → 8 Oct 12:00 = 99 h; cleo 10 → 13 Oct 08:00 = 72 h;
  // dan 15 → 25 Oct 12:00 = 240 h; eve and gus 0 h. Median of 0, 0, 72, 72, 99, 240 = 72.
  assert.deepEqual(
    [body.overall.episodes, body.overall.completed, body.overall.completionRate, body.overall.medianDuration],
    [6, 3, 50, 72],
  );
  assert.deepEqual(
    body.stages.map((stage: { stageId: string; episodes: number }) => [stage.stageId, stage.episodes]),
    [
      ['purchase', 6],
      ['delivery', 4], // ada (shipped), ben (both), cleo (her questions), dan (both)
      ['delivered', 3],
    ],
  );
  // Order placed: 6 episodes; ada, ben, cleo and dan go on to Delivery (4/6 = 66.667 %); eve and gus end there
  // (2/6 = 33.333 %); always the first touchpoint, so no wait.
  // Order shipped: ada, ben, dan; all go on to Delivered (100 %), none ends there; waits: ada 24 h after her order,
  // ben 3 h after his call (09:00 → 12:00), dan 24 h after his call: median 24. fay's shipping is not counted.
  // Where is my order?: ben, cleo (email and call), dan; ben and dan go on (2/3), cleo ends there (1/3); waits: ben
  // 48 h after his order, cleo 48 h (order to email), dan 24 h: median 48.
  // Order delivered (the last stage): ada, ben, dan of all 6 episodes (50 %); waits since the shipping: ada 48 h,
  // ben 48 h, dan 192 h: median 48.
  assert.deepEqual(
    body.touchpoints.map((t: TouchpointReport) => [
      t.touchpointId,
      t.episodes,
      t.measures.completion,
      t.dropOff,
      t.medianWait,
    ]),
    [
      ['ordered', 6, 66.667, 33.333, null],
      ['shipped', 3, 100, 0, 24],
      ['wismo', 3, 66.667, 33.333, 48],
      ['at-door', 3, 50, 0, 48],
    ],
  );
});

test('where customers asked for their order: contacts, first response and CSAT of their cases', async () => {
  const wismo = touchpointIn((await report()).body, 'wismo');
  // Contacts: ben 1 (call), cleo 2 (email, call), dan 1 (call) over 3 episodes = 1.333.
  // First response: the calls were answered after 30, 120 and 60 minutes (cleo's email, history, has none):
  // median 60. CSAT about the calls: ben 5, cleo 3: average 4, satisfied (4–5) 1 of 2 = 50 %.
  assert.deepEqual(
    wismo.targets.map((t) => [t.metric, t.intended, t.actual, t.gap, t.relativeGap, t.met]),
    [
      ['first_response_minutes', 60, 60, 0, 0, true],
      ['contacts', 1, 1.333, 0.333, 0.333, false],
      ['csat_average', 4.5, 4, 0.5, 0.111, false],
      ['csat', 80, 50, 30, 0.375, false],
    ],
  );
  // History's cases were settled as they were opened: resolution 0 h.
  assert.equal(wismo.measures.resolution_hours, 0);
  assert.equal(wismo.measures.nps, null, 'nobody answered an NPS survey');
  // Sentiment: the mean of what listening read in the inbound texts matched there (cleo's email, the calls' notes).
  const scores: number[] = [];
  for (const who of ['ben', 'cleo', 'dan']) {
    const timeline = await api('GET', `/api/customers/${customerOf.get(who)}/timeline`, server.token);
    for (const item of timeline.body.items as Array<{
      caseId: string | null;
      insight: { sentimentScore: number } | null;
    }>) {
      if (item.caseId && item.insight) scores.push(item.insight.sentimentScore);
    }
  }
  assert.ok(scores.length >= 1, 'cleo’s email was read');
  const expected = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  assert.equal(wismo.measures.sentiment, Math.round(expected * 1000) / 1000);
});

test('the gaps worst first, and the bottlenecks', async () => {
  const { overall } = (await report()).body;
  // Relative gaps: delivered completion (90 − 50) / 90 = 0.444; CSAT (80 − 50) / 80 = 0.375; contacts 0.333 / 1;
  // order completion (90 − 66.667) / 90 = 0.259; CSAT average 0.5 / 4.5 = 0.111. The wait at the door (48 h) is met.
  assert.deepEqual(
    overall.gaps.map((gap: { touchpointId: string; metric: string; relativeGap: number }) => [
      gap.touchpointId,
      gap.metric,
      gap.relativeGap,
    ]),
    [
      ['at-door', 'completion', 0.444],
      ['wismo', 'csat', 0.375],
      ['wismo', 'contacts', 0.333],
      ['ordered', 'completion', 0.259],
      ['wismo', 'csat_average', 0.111],
    ],
  );
  // Drop-off: 33.333 % at the order (2 episodes) and at the question (1): the order lost more. Wait: 48 h at the
  // question and at the door; the earlier one is named.
  assert.deepEqual(overall.bottlenecks, {
    dropOff: { touchpointId: 'ordered', touchpoint: 'Order placed', stage: 'Purchase', dropOff: 33.333, dropped: 2 },
    wait: { touchpointId: 'wismo', touchpoint: 'Where is my order?', stage: 'Delivery', medianWait: 48 },
  });
});

test('the period: an episode is seen up to its end, and one begun earlier counts in its own period', async () => {
  // Through November 3, gus's shipping on the 2nd is seen: only eve ends at the order (1/6).
  const longer = await report('from=2026-10-01&to=2026-11-03');
  assert.equal(touchpointIn(longer.body, 'ordered').dropOff, 16.667);
  assert.equal(touchpointIn(longer.body, 'shipped').episodes, 4);
  // From September 1, fay's episode (begun on the 20th) is counted: 7.
  const withSeptember = await report('from=2026-09-01&to=2026-11-01');
  assert.equal(withSeptember.body.overall.episodes, 7);
});

test('an erased customer is never counted', async () => {
  const erased = await api('DELETE', `/api/customers/${customerOf.get('eve')}`, server.token);
  assert.equal(erased.status, 200, JSON.stringify(erased.body));
  const { body } = await report();
  // Five episodes; the order: 5 reached it, 4 went on (80 %), only gus ended there (20 %).
  assert.deepEqual([body.overall.episodes, body.overall.completed, body.overall.completionRate], [5, 3, 60]);
  const ordered = touchpointIn(body, 'ordered');
  assert.deepEqual([ordered.episodes, ordered.measures.completion, ordered.dropOff], [5, 80, 20]);
});

test('a journey changes with its ids kept, and is archived: out of the list, its report still there', async () => {
  const current = (await api('GET', `/api/journeys/${journeyId}`, manager)).body;
  const stages = current.stages.map((stage: { touchpoints: unknown[] }, index: number) =>
    index === 0
      ? { ...stage, touchpoints: [...stage.touchpoints, { name: 'Checkout', matcher: { pages: ['/checkout'] } }] }
      : stage,
  );
  const changed = await api('PATCH', `/api/journeys/${journeyId}`, manager, { episodeDays: 14, stages });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.episodeDays, 14);
  assert.equal(changed.body.stages[0].touchpoints[0].id, 'ordered');
  assert.match(changed.body.stages[0].touchpoints[1].id, /^tp_/, 'a new touchpoint gets an id');

  assert.equal((await api('DELETE', `/api/journeys/${journeyId}`, manager)).status, 204);
  assert.deepEqual((await api('GET', '/api/journeys', manager)).body.items, []);
  const archived = await api('GET', `/api/journeys/${journeyId}`, manager);
  assert.ok(archived.body.archivedAt);
  assert.equal((await report()).status, 200);
  const refused = await api('PATCH', `/api/journeys/${journeyId}`, manager, { name: 'Again' });
  assert.equal(refused.status, 409);
  const trail = await api('GET', '/api/audit?action=journey.archived', server.token);
  assert.equal(trail.body.items.length, 1);
});

test('bad definitions are refused, naming the field', async () => {
  const touchpoint = (given: object) => ({ name: 'T', matcher: { events: ['E'] }, ...given });
  const journey = (touchpoints: object[], extra: object = {}) => ({
    name: 'Broken',
    stages: [{ name: 'S', touchpoints }],
    ...extra,
  });
  const cases: Array<[string, unknown, string]> = [
    ['no stages', { name: 'Broken', stages: [] }, 'stages'],
    ['no name', { ...journey([touchpoint({})]), name: ' ' }, 'name'],
    ['an empty matcher', journey([touchpoint({ matcher: {} })]), 'stages.0.touchpoints.0.matcher'],
    [
      'an empty list of events',
      journey([touchpoint({ matcher: { events: [] } })]),
      'stages.0.touchpoints.0.matcher.events',
    ],
    [
      'an unknown channel',
      journey([touchpoint({ matcher: { channels: ['pigeon'] } })]),
      'stages.0.touchpoints.0.matcher.channels.0',
    ],
    [
      'an unknown metric',
      journey([touchpoint({ targets: [{ metric: 'happiness', comparator: 'atLeast', value: 1 }] })]),
      'stages.0.touchpoints.0.targets.0.metric',
    ],
    [
      'a CSAT average above 5',
      journey([touchpoint({ targets: [{ metric: 'csat_average', comparator: 'atLeast', value: 6 }] })]),
      'stages.0.touchpoints.0.targets.0.value',
    ],
    [
      'a metric twice',
      journey([
        touchpoint({
          targets: [
            { metric: 'contacts', comparator: 'atMost', value: 1 },
            { metric: 'contacts', comparator: 'atMost', value: 2 },
          ],
        }),
      ]),
      'stages.0.touchpoints.0.targets.1.metric',
    ],
    ['an id twice', journey([touchpoint({ id: 'same' }), touchpoint({ id: 'same' })]), 'stages.0.touchpoints.1.id'],
    ['no episode', journey([touchpoint({})], { episodeDays: 0 }), 'episodeDays'],
  ];
  for (const [what, body, field] of cases) {
    const refused = await api('POST', '/api/journeys', manager, body);
    assert.equal(refused.status, 400, `${what}: ${JSON.stringify(refused.body)}`);
    assert.deepEqual(
      refused.body.errors.map((error: { field: string }) => error.field),
      [field],
      `${what}: ${JSON.stringify(refused.body)}`,
    );
  }
});

test('a wrong period is refused naming its field; an unknown journey is 404', async () => {
  const created = await api('POST', '/api/journeys', manager, { ...JOURNEY, name: 'For periods' });
  const id = created.body.id;
  for (const [query, field] of [
    ['from=2025-01-01&to=2026-01-03', 'from'],
    ['from=2026-10-10&to=2026-10-01', 'to'],
    ['from=yesterday', 'from'],
    ['tz=Mars/Olympus', 'tz'],
  ] as const) {
    const refused = await api('GET', `/api/journeys/${id}/report?${query}`, manager);
    assert.equal(refused.status, 400, `${query}: ${JSON.stringify(refused.body)}`);
    assert.deepEqual(
      refused.body.errors.map((error: { field: string }) => error.field),
      [field],
    );
  }
  for (const [method, path] of [
    ['GET', '/api/journeys/jrn_nope'],
    ['GET', '/api/journeys/jrn_nope/report'],
    ['PATCH', '/api/journeys/jrn_nope'],
    ['DELETE', '/api/journeys/jrn_nope'],
  ] as const) {
    const answer = await api(method, path, manager, method === 'PATCH' ? { name: 'X' } : undefined);
    assert.equal(answer.status, 404, `${method} ${path}`);
    assert.equal(answer.body.code, 'journey_not_found');
  }
});

test('an agent may neither read nor define journeys', async () => {
  const agent = await server.staffToken('agent');
  assert.equal((await api('GET', '/api/journeys', agent)).status, 403);
  assert.equal((await api('POST', '/api/journeys', agent, JOURNEY)).status, 403);
  const id = (await api('GET', '/api/journeys', manager)).body.items[0].id;
  assert.equal((await api('GET', `/api/journeys/${id}`, agent)).status, 403);
  assert.equal((await api('GET', `/api/journeys/${id}/report`, agent)).status, 403);
  assert.equal((await api('PATCH', `/api/journeys/${id}`, agent, { name: 'Mine' })).status, 403);
  assert.equal((await api('DELETE', `/api/journeys/${id}`, agent)).status, 403);
});
