// Trends over a real server (issue 13): customers' texts posted with their own times across two fortnights and
// several channels are counted by reason and by sentiment, per day in a time zone, against the fortnight before;
// the movers come in order with their most telling messages, each customer shown is audited, an erased customer's
// words are gone, and a wrong period or zone is refused naming its field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;

/** One message of a customer (her email is `<who>@example.com`) at a moment, by sourceId. */
interface Posted {
  id: string;
  who: string;
  channel: string;
  at: string;
  text: string;
  direction?: 'inbound' | 'outbound' | 'internal';
}

// The period asked for is 9–23 November (UTC); the one before it, 26 October–9 November.
const CURRENT: Posted[] = [
  {
    id: 'c1',
    who: 'ada',
    channel: 'email',
    at: '2026-11-10T09:00:00Z',
    text: 'My parcel never arrived and the tracking page has not moved in a week. Terrible service!',
  },
  {
    id: 'c2',
    who: 'ben',
    channel: 'email',
    at: '2026-11-10T15:00:00Z',
    text: 'The courier left my package in the rain, this is awful',
  },
  {
    id: 'c3',
    who: 'cleo',
    channel: 'email',
    at: '2026-11-16T10:00:00Z',
    text: 'Where is my delivery? The shipment is late again and nobody answers',
  },
  // 23:30 UTC on the 18th is 00:30 on the 19th in Berlin.
  {
    id: 'c4',
    who: 'dora',
    channel: 'chat',
    at: '2026-11-18T23:30:00Z',
    text: 'My package was delivered to the wrong address, so annoying',
  },
  {
    id: 'c5',
    who: 'emil',
    channel: 'email',
    at: '2026-11-11T12:00:00Z',
    text: 'I was charged twice on my invoice, please fix this billing mistake',
  },
  {
    id: 'c6',
    who: 'fay',
    channel: 'chat',
    at: '2026-11-12T08:00:00Z',
    text: 'I love the new jacket, great quality, thanks!',
  },
];

const PREVIOUS: Posted[] = [
  {
    id: 'p1',
    who: 'gus',
    channel: 'email',
    at: '2026-10-28T10:00:00Z',
    text: 'Your shipping is painfully slow, my package is lost',
  },
  {
    id: 'p2',
    who: 'hal',
    channel: 'social',
    at: '2026-10-27T10:00:00Z',
    text: 'You charged my card twice this month, fix my invoice',
  },
  {
    id: 'p3',
    who: 'ida',
    channel: 'email',
    at: '2026-11-02T10:00:00Z',
    text: 'The invoice shows the wrong price and I was overcharged',
  },
  // A minute before the period starts in UTC; in Berlin it is already the 9th, inside it.
  {
    id: 'p4',
    who: 'jon',
    channel: 'email',
    at: '2026-11-08T23:59:00Z',
    text: 'Why was I billed again? The payment was already made, this is ridiculous',
  },
  {
    id: 'p5',
    who: 'kim',
    channel: 'email',
    at: '2026-11-01T10:00:00Z',
    text: 'Please refund my order, I want my money back',
  },
];

/** Not counted: what the company sent, a note by staff, and a message from long before. */
const NOT_COUNTED: Posted[] = [
  {
    id: 'n1',
    who: 'ada',
    channel: 'email',
    at: '2026-11-10T10:00:00Z',
    text: 'Sorry, your parcel will be delivered tomorrow',
    direction: 'outbound',
  },
  {
    id: 'n2',
    who: 'ada',
    channel: 'phone',
    at: '2026-11-13T10:00:00Z',
    text: 'Called about a refund, the delivery was a disaster',
    direction: 'internal',
  },
  { id: 'n3', who: 'lou', channel: 'email', at: '2026-09-01T10:00:00Z', text: 'My parcel is lost, awful courier' },
];

const customerOf = new Map<string, string>();
const interactionOf = new Map<string, string>();

before(async () => {
  server = await startTestServer();
  const all = [...CURRENT, ...PREVIOUS, ...NOT_COUNTED];
  const posted = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: all.map((message) => ({
        customer: { email: `${message.who}@example.com` },
        channel: message.channel,
        direction: message.direction ?? 'inbound',
        text: message.text,
        occurredAt: message.at,
        sourceId: message.id,
        historical: true,
      })),
    },
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  for (const [index, result] of (posted.body.results as Array<{ customerId: string }>).entries()) {
    customerOf.set(all[index]!.who, result.customerId);
  }
  for (const who of ['ada', 'dora']) {
    const timeline = await http('GET', `${server.url}/api/customers/${customerOf.get(who)}/timeline`, {
      token: server.token,
    });
    for (const item of timeline.body.items as Array<{ id: string; sourceId: string }>) {
      interactionOf.set(item.sourceId, item.id);
    }
  }
});

after(async () => server?.close());

interface TrendKey {
  key: string | null;
  count: number;
  previousCount: number;
  change: number;
  changePercent: number | null;
  share: number;
  previousShare: number;
  byChannel: Array<{ channel: string; count: number }>;
  examples: Array<{ interactionId: string; customerId: string; text: string; sentimentScore: number; reason: string }>;
}

async function trends(query: string, token = server.token) {
  return http('GET', `${server.url}/api/insights/trends?${query}`, { token });
}

const PERIOD = 'from=2026-11-09&to=2026-11-23';
const textOf = (id: string) => [...CURRENT, ...PREVIOUS].find((message) => message.id === id)!.text;

test('by reason: both periods counted, the movers in order, per channel, the newest examples first', async () => {
  const answer = await trends(`${PERIOD}&by=reason`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const body = answer.body;
  assert.deepEqual(
    [body.by, body.interval, body.timeZone, body.channel],
    ['reason', 'day', 'UTC', null],
    'up to 31 days the buckets are days',
  );
  assert.deepEqual(
    [body.from, body.to, body.previousFrom, body.previousTo],
    ['2026-11-09T00:00:00.000Z', '2026-11-23T00:00:00.000Z', '2026-10-26T00:00:00.000Z', '2026-11-09T00:00:00.000Z'],
  );
  assert.equal(body.total, 6, 'what the company sent, staff notes and older messages are not counted');
  assert.equal(body.previousTotal, 5);
  const keys = body.keys as TrendKey[];
  assert.deepEqual(
    keys.map((key) => [key.key, key.count, key.previousCount, key.change, key.changePercent]),
    [
      ['delivery', 4, 1, 3, 300],
      ['billing', 1, 3, -2, -66.7],
      [null, 1, 0, 1, null],
      ['refund', 0, 1, -1, -100],
    ],
  );
  const [delivery, billing, , refund] = keys;
  assert.deepEqual(delivery!.byChannel, [
    { channel: 'email', count: 3 },
    { channel: 'chat', count: 1 },
  ]);
  assert.equal(delivery!.share, 4 / 6);
  assert.equal(billing!.previousShare, 3 / 5);
  assert.deepEqual(
    delivery!.examples.map((example) => example.text),
    [textOf('c4'), textOf('c3'), textOf('c2')],
    'keywords give no confidence: the newest first, three at most',
  );
  assert.equal(delivery!.examples[0]!.customerId, customerOf.get('dora'));
  assert.equal(delivery!.examples[0]!.interactionId, interactionOf.get('c4'));
  assert.deepEqual(refund!.examples, [], 'a key gone this period has no examples');

  assert.equal(body.buckets.length, 14);
  assert.deepEqual(
    (body.buckets as Array<{ start: string; count: number }>)
      .filter((bucket) => bucket.count > 0)
      .map((bucket) => [bucket.start.slice(0, 10), bucket.count]),
    [
      ['2026-11-10', 2],
      ['2026-11-11', 1],
      ['2026-11-12', 1],
      ['2026-11-16', 1],
      ['2026-11-18', 1],
    ],
  );
  assert.deepEqual(
    (body.series as Array<{ start: string; channel: string; key: string | null; count: number }>).map((point) => [
      point.start.slice(0, 10),
      point.channel,
      point.key,
      point.count,
    ]),
    [
      ['2026-11-10', 'email', 'delivery', 2],
      ['2026-11-11', 'email', 'billing', 1],
      ['2026-11-12', 'chat', null, 1],
      ['2026-11-16', 'email', 'delivery', 1],
      ['2026-11-18', 'chat', 'delivery', 1],
    ],
  );
});

test('by sentiment: the most extreme messages of each sentiment are its examples', async () => {
  const answer = await trends(`${PERIOD}&by=sentiment`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const keys = answer.body.keys as TrendKey[];
  assert.deepEqual(
    keys.map((key) => [key.key, key.count, key.previousCount, key.change]),
    [
      ['positive', 1, 0, 1],
      ['negative', 5, 5, 0],
    ],
  );
  const negative = keys[1]!;
  assert.deepEqual(
    negative.examples.map((example) => example.text),
    [textOf('c4'), textOf('c1'), textOf('c5')],
  );
  const scores = negative.examples.map((example) => example.sentimentScore);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => a - b),
    'the most negative first',
  );
});

test('days and the period follow the time zone: 23:30 UTC is the next day in Berlin', async () => {
  const utc = await trends(`${PERIOD}&tz=UTC`);
  const berlin = await trends(`${PERIOD}&tz=Europe/Berlin`);
  assert.equal(berlin.status, 200, JSON.stringify(berlin.body));
  const dayOf = (body: { series: Array<{ start: string; channel: string; key: string | null }> }) =>
    body.series.find((point) => point.channel === 'chat' && point.key === 'delivery')?.start;
  assert.equal(dayOf(utc.body), '2026-11-18T00:00:00.000Z');
  assert.equal(dayOf(berlin.body), '2026-11-19T00:00:00.000+01:00');
  assert.equal(berlin.body.from, '2026-11-09T00:00:00.000+01:00');
  assert.deepEqual(
    [berlin.body.total, berlin.body.previousTotal],
    [7, 4],
    'a minute before midnight UTC on the 8th is the 9th in Berlin: in the period, not before it',
  );
});

test('one channel: only its messages are counted and shown', async () => {
  const answer = await trends(`${PERIOD}&channel=chat`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.channel, 'chat');
  assert.deepEqual(
    (answer.body.keys as TrendKey[]).map((key) => [key.key, key.count, key.previousCount]),
    [
      ['delivery', 1, 0],
      [null, 1, 0],
    ],
  );
});

test('a long period is counted by week, weeks starting on Monday', async () => {
  const answer = await trends('from=2026-10-01&to=2026-12-01');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.interval, 'week');
  const starts = (answer.body.buckets as Array<{ start: string }>).map((bucket) => bucket.start.slice(0, 10));
  assert.equal(starts[0], '2026-10-01', 'the first week is cut to the period');
  assert.equal(starts[1], '2026-10-05', 'a Monday');
  assert.ok(
    starts.slice(1).every((start) => new Date(start).getUTCDay() === 1),
    starts.join(' '),
  );
  assert.equal(answer.body.total, 11, 'everything inbound from October and November but the older message');
});

test('a wrong period or zone is refused, naming the field', async () => {
  const cases: Array<[string, string]> = [
    ['from=2026-11-09&to=2026-11-09', 'to'],
    ['from=2026-11-10&to=2026-11-09', 'to'],
    ['from=2025-01-01&to=2026-01-03', 'from'],
    ['from=yesterday', 'from'],
    ['tz=Mars/Olympus_Mons', 'tz'],
    ['by=mood', 'by'],
    ['interval=month', 'interval'],
    ['channel=pigeon', 'channel'],
  ];
  for (const [query, field] of cases) {
    const answer = await trends(query);
    assert.equal(answer.status, 400, `${query}: ${JSON.stringify(answer.body)}`);
    assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual(
      (answer.body.errors as Array<{ field: string }>).map((error) => error.field),
      [field],
      `${query}: ${JSON.stringify(answer.body)}`,
    );
  }
  assert.equal((await trends('from=2024-01-01&to=2025-01-01')).status, 200, 'a leap year of 366 days is allowed');
});

test('without a sign-in there are no trends; any staff member may read them', async () => {
  const anonymous = await http('GET', `${server.url}/api/insights/trends`);
  assert.equal(anonymous.status, 401);
  const viewer = await server.staffToken('viewer');
  const read = await trends(PERIOD, viewer);
  assert.equal(read.status, 200, JSON.stringify(read.body));
  assert.equal(read.body.total, 6);
});

test('each customer whose messages are shown is in the audit trail, with the messages, once per answer', async () => {
  const agent = await server.staffToken('agent');
  const agentId = (await http('GET', `${server.url}/api/auth/me`, { token: agent })).body.id;
  const answer = await trends(`${PERIOD}&by=reason`, agent);
  const shown = new Map<string, string[]>();
  for (const key of answer.body.keys as TrendKey[]) {
    for (const example of key.examples) {
      shown.set(example.customerId, [...(shown.get(example.customerId) ?? []), example.interactionId]);
    }
  }
  assert.equal(shown.size, 5, 'delivery: three customers, billing: one, no reason: one');
  const trail = await http('GET', `${server.url}/api/audit?actorId=${agentId}&action=customer.messages_viewed`, {
    token: server.token,
  });
  assert.equal(trail.status, 200, JSON.stringify(trail.body));
  const entries = trail.body.items as Array<{ customerId: string; detail: { interactionIds: string[] } }>;
  assert.deepEqual(new Map(entries.map((entry) => [entry.customerId, entry.detail.interactionIds])), shown);
  assert.equal(entries.length, shown.size, 'one entry per customer');
});

test('an erased customer’s words are neither counted nor shown', async () => {
  const dora = customerOf.get('dora')!;
  const erased = await http('DELETE', `${server.url}/api/customers/${dora}`, { token: server.token });
  assert.equal(erased.status, 200, JSON.stringify(erased.body));
  for (const by of ['reason', 'sentiment']) {
    const answer = await trends(`${PERIOD}&by=${by}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.total, 5);
    const examples = (answer.body.keys as TrendKey[]).flatMap((key) => key.examples);
    assert.ok(!examples.some((example) => example.customerId === dora), `${by}: none of hers`);
    assert.ok(!JSON.stringify(answer.body).includes('wrong address'), `${by}: her text is nowhere`);
  }
  const byReason = await trends(`${PERIOD}&by=reason`);
  assert.deepEqual(
    (byReason.body.keys as TrendKey[])[0]!.examples.map((example) => example.text),
    [textOf('c3'), textOf('c2'), textOf('c1')],
  );
});
