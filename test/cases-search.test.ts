// Finding cases and narrowing the queues over real HTTP (issue 10, items 17 and 18): search by number,
// subject, message text, order id, part of an email and without accents, ranked and paged, masked for
// viewers, forgotten on erasure; filters by channel, priority, tag and reason, five sorts and a total.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;
let viewerToken: string;
const cases: Record<string, { id: string; number: number; customerId: string }> = {};
let postId = 5000;

const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();

async function call(method: string, path: string, body?: unknown, token = server.token): Promise<any> {
  const response = await http(method, `${server.url}${path}`, { token, body });
  assert.ok(response.status < 300, `${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A customer known by her shop (name, email, X handle), with an order on her timeline. */
async function customer(handle: string, name: string | undefined, email: string, orderId: string | null) {
  await call('POST', '/api/interactions', {
    interactions: [
      {
        source: 'shop',
        sourceId: `order-${handle}`,
        customer: { handles: { x: `@${handle}` }, email, name },
        channel: 'order',
        direction: 'inbound',
        type: 'purchase',
        event: 'Order Completed',
        occurredAt: at(3),
        properties: orderId ? { orderId, total: 40, currency: 'EUR' } : { total: 40, currency: 'EUR' },
      },
    ],
  });
}

/** She writes on X; returns the case it opened or joined. */
async function writes(
  handle: string,
  text: string,
  createdAt = new Date().toISOString(),
): Promise<{ id: string; number: number; customerId: string }> {
  const id = String(++postId);
  const response = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: [
        { tweet_id: id, author_id: handle, inbound: true, created_at: createdAt, text, in_response_to_tweet_id: null },
      ],
    },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const list = await call('GET', `/api/cases?limit=100&sort=updated`);
  const found = list.items.find(
    (item: { customerLabel: string | null; lastInboundAt: string }) => item.lastInboundAt === createdAt,
  );
  assert.ok(found, `no case for post ${id}`);
  return { id: found.id, number: found.number, customerId: found.customerId };
}

const search = (q: string, extra = '', token = server.token) =>
  call('GET', `/api/cases?q=${encodeURIComponent(q)}${extra}`, undefined, token);
const numbersOf = (page: { items: Array<{ number: number }> }) => page.items.map((item) => item.number);

before(async () => {
  server = await startTestServer();
  viewerToken = await server.staffToken('viewer');
  await customer('janem', 'Jane Müller', 'jane@shop-example.com', 'A-7731');
  await customer('bobk', 'Bob Kramer', 'bob@another.org', null);
  await customer('hansg', 'Hans Gruber', 'hans@gruber.example', null);
  cases.jane = await writes('janem', 'my parcel never arrived, the tracking is stuck', at(0.02));
  cases.bob = await writes('bobk', 'The invoice shows a double charge', at(0.01));
  // Bob again, into the same case: words only in a later message.
  const again = await writes('bobk', 'also the zipper on my bag is broken');
  assert.equal(again.id, cases.bob.id, 'the second post joins his case');
  cases.hans = await writes('hansg', 'Lieferung an die Hauptstraße fehlt');
  // Known only by her address, which is what the inbox calls her.
  await customer('quietp', undefined, 'quiet.person@hidden.example', null);
  cases.quiet = await writes('quietp', 'the app crashes when I sign in');
});

after(async () => {
  await server.close();
});

test('a case is found by its number, with or without #', async () => {
  for (const q of [`#${cases.bob!.number}`, String(cases.bob!.number)]) {
    const page = await search(q);
    assert.equal(page.items[0]?.number, cases.bob!.number, q);
  }
});

test('by words of its subject and of any message, prefixes included', async () => {
  assert.deepEqual(numbersOf(await search('parcel')), [cases.jane!.number]);
  assert.deepEqual(numbersOf(await search('zipper')), [cases.bob!.number]);
  assert.deepEqual(numbersOf(await search('zip')), [cases.bob!.number]);
  assert.deepEqual(numbersOf(await search('double charge')), [cases.bob!.number]);
  assert.deepEqual(numbersOf(await search('parcel zipper')), [], 'every word must match');
});

test('by an order id on the customer’s timeline', async () => {
  assert.deepEqual(numbersOf(await search('A-7731')), [cases.jane!.number]);
});

test('by part of the customer’s email address', async () => {
  assert.deepEqual(numbersOf(await search('jane@')), [cases.jane!.number]);
  assert.deepEqual(numbersOf(await search('shop-example.com')), [cases.jane!.number]);
  assert.deepEqual(numbersOf(await search('another.org')), [cases.bob!.number]);
});

test('without accents or umlauts, either way round', async () => {
  for (const q of ['mueller', 'muller', 'Müller', 'MÜLLER'])
    assert.deepEqual(numbersOf(await search(q)), [cases.jane!.number], q);
  for (const q of ['hauptstrasse', 'Hauptstraße'])
    assert.deepEqual(numbersOf(await search(q)), [cases.hans!.number], q);
});

test('a viewer finds the same cases but never sees the address', async () => {
  const agentView = await search('quiet.person@');
  const viewerView = await search('quiet.person@', '', viewerToken);
  assert.deepEqual(numbersOf(agentView), [cases.quiet!.number]);
  assert.deepEqual(numbersOf(viewerView), numbersOf(agentView));
  assert.equal(agentView.items[0].customerLabel, 'quiet.person@hidden.example');
  assert.ok(viewerView.items[0].customerLabel);
  assert.doesNotMatch(JSON.stringify(viewerView), /quiet\.person@hidden\.example/);
});

test('search pages by cursor, best match first, with the total', async () => {
  for (let i = 0; i < 5; i++) await customer(`refunder${i}`, `Refunder ${i}`, `r${i}@example.net`, null);
  for (let i = 0; i < 5; i++)
    await writes(`refunder${i}`, i === 3 ? 'refund refund refund please' : `where is my refund, order ${i}`);
  const seen: number[] = [];
  let cursor: string | null = null;
  let first = true;
  do {
    const page: any = await search('refund', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.total, 5);
    assert.equal(page.capped, false);
    if (first) assert.match(page.items[0].subject, /refund refund refund/, 'the best match leads');
    first = false;
    seen.push(...numbersOf(page));
    cursor = page.nextCursor;
  } while (cursor);
  assert.equal(seen.length, 5);
  assert.equal(new Set(seen).size, 5);

  // Another order pages the same matches by its own cursor.
  const newest = await search('refund', '&sort=newest&limit=3');
  assert.equal(newest.total, 5);
  const rest = await search('refund', `&sort=newest&limit=3&cursor=${newest.nextCursor}`);
  assert.equal(numbersOf(newest).length + numbersOf(rest).length, 5);
  assert.ok(Math.min(...numbersOf(newest)) > Math.max(...numbersOf(rest)), 'newest first');
  const mixed = await http('GET', `${server.url}/api/cases?q=refund&sort=oldest&cursor=${newest.nextCursor}`, {
    token: server.token,
  });
  assert.equal(mixed.status, 400, 'a cursor of another order is refused');
});

test('queues filter by channel, priority, tag and reason, and say how many match', async () => {
  await call('PATCH', `/api/cases/${cases.bob!.id}`, {
    priority: 'urgent',
    tags: ['billing-review', 'vip'],
    reason: 'billing',
  });
  await call('PATCH', `/api/cases/${cases.hans!.id}`, { priority: 'high', tags: ['de'] });
  const all = await call('GET', '/api/cases?limit=1');
  assert.equal(all.total, 9);
  assert.equal(all.items.length, 1);

  assert.deepEqual(numbersOf(await call('GET', '/api/cases?priority=urgent')), [cases.bob!.number]);
  const highOrUrgent = await call('GET', '/api/cases?priority=urgent,high');
  assert.equal(highOrUrgent.total, 2);
  assert.deepEqual(numbersOf(await call('GET', '/api/cases?tag=vip')), [cases.bob!.number]);
  assert.deepEqual(
    new Set(numbersOf(await call('GET', '/api/cases?tag=vip,de'))),
    new Set([cases.bob!.number, cases.hans!.number]),
  );
  assert.deepEqual(numbersOf(await call('GET', '/api/cases?reason=billing')), [cases.bob!.number]);
  assert.equal((await call('GET', '/api/cases?channel=social')).total, 9);
  assert.equal((await call('GET', '/api/cases?channel=email')).total, 0);
  // Filters combine with each other and with a search.
  assert.equal((await call('GET', '/api/cases?channel=social&priority=high&tag=de')).total, 1);
  assert.deepEqual(numbersOf(await search('refund', '&priority=urgent')), []);
  // A tag taken off a case no longer finds it.
  await call('PATCH', `/api/cases/${cases.bob!.id}`, { tags: ['billing-review'] });
  assert.deepEqual(numbersOf(await call('GET', '/api/cases?tag=vip')), []);

  const bad = await http('GET', `${server.url}/api/cases?priority=urgent,asap`, { token: server.token });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /asap/);
});

test('queues sort by newest, oldest, priority, SLA due and last update, each paged by its cursor', async () => {
  const everything = async (sort: string) => {
    const numbers: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call('GET', `/api/cases?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      numbers.push(...numbersOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    return numbers;
  };
  const newest = await everything('newest');
  assert.equal(newest.length, 9);
  assert.deepEqual(await everything('oldest'), [...newest].reverse());
  const byPriority = await everything('priority');
  assert.deepEqual(byPriority.slice(0, 2), [cases.bob!.number, cases.hans!.number], 'urgent, then high');
  await call('PATCH', `/api/cases/${cases.jane!.id}`, { tags: ['touched'] });
  assert.equal((await everything('updated'))[0], cases.jane!.number, 'the case changed last leads');
  const due = await everything('due');
  assert.equal(due.length, 9);
  const detail = await Promise.all(due.map((number) => call('GET', `/api/cases/${number}`)));
  const times = detail.map((c) => (c.sla.nextDueAt ? Date.parse(c.sla.nextDueAt) : Number.POSITIVE_INFINITY));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
    'soonest SLA clock first, none running last',
  );
});

test('erasing a customer removes her words, name and address from the search index', async () => {
  const before = await search('parcel');
  assert.deepEqual(numbersOf(before), [cases.jane!.number]);
  await call('DELETE', `/api/customers/${cases.jane!.customerId}`);
  for (const q of ['parcel', 'tracking', 'jane@', 'shop-example.com', 'mueller']) {
    assert.deepEqual(numbersOf(await search(q)), [], q);
  }
  // Not only out of the results: gone from the index itself (secure-delete) and from its copy of the text.
  const connection = server.running.db.rawConnection();
  const stored = (table: string, column: string) =>
    connection
      .prepare(`SELECT ${column} AS value FROM ${table}`)
      .all()
      .map((row) =>
        Buffer.from(((row as { value: Uint8Array | string | null }).value ?? '') as Uint8Array).toString('latin1'),
      )
      .join('|')
      .toLowerCase();
  const index = stored('case_search_data', 'block');
  const copy = ['c0', 'c1', 'c2'].map((column) => stored('case_search_content', column)).join('|');
  for (const word of ['parcel', 'tracking', 'stuck', 'shop-example', 'muller']) {
    assert.ok(!index.includes(word), `${word} is still in the index`);
    assert.ok(!copy.includes(word), `${word} is still in the index's copy of the text`);
  }
  assert.ok(index.includes('zipper'), 'other customers stay findable');
  // Her case is still there by number (channel, status and times stay for the numbers).
  assert.equal((await search(`#${cases.jane!.number}`)).items[0]?.subject, 'Erased on request');
});
