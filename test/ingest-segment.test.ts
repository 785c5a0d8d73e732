// The Segment-compatible tracking API over real HTTP: auth, every call type, idempotency, bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

/** The customer card, once what the tracking API acknowledged so far is projected. */
const lookup = async (query: string) => {
  await server.settled();
  return http('GET', `${server.url}/api/customers/lookup?${query}`, { token: server.token });
};

test('calls without a valid write key are refused with 401 and a Basic challenge', async () => {
  const missing = await http('POST', `${server.url}/v1/track`, { body: { userId: 'u', event: 'E' } });
  assert.equal(missing.status, 401);
  assert.equal(missing.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  assert.equal(missing.body.code, 'invalid_write_key');
  assert.match(missing.headers.get('www-authenticate') ?? '', /^Basic/);
  const wrong = await http('POST', `${server.url}/v1/track`, {
    writeKey: 'wk_nope',
    body: { userId: 'u', event: 'E' },
  });
  assert.equal(wrong.status, 401);
});

test('identify creates a profile with normalised identities; the write key may also travel in the body', async () => {
  const res = await http('POST', `${server.url}/v1/identify`, {
    body: {
      writeKey: server.writeKey,
      userId: 'u-100',
      traits: { name: 'Ana Lima', email: ' Ana@Example.com ', phone: '(415) 555-0100', handles: { twitter: '@AnaL' } },
      messageId: 'seg-identify-1',
    },
  });
  assert.equal(res.status, 200);
  assert.equal(res.body.success, true);
  const card = await lookup('email=ana@example.com');
  assert.equal(card.status, 200);
  assert.equal(card.body.name, 'Ana Lima');
  const kinds = Object.fromEntries(card.body.identities.map((i: { kind: string; value: string }) => [i.kind, i.value]));
  assert.deepEqual(kinds, {
    email: 'ana@example.com',
    phone: '+14155550100',
    'handle:x': 'anal',
    'external:shop': 'u-100',
  });
  assert.equal((await lookup('external=shop:u-100')).body.id, card.body.id);
  assert.equal((await lookup('handle=x:@anal')).body.id, card.body.id);
  assert.equal((await lookup('phone=%2B14155550100')).body.id, card.body.id);
});

test('the same messageId twice is stored once', async () => {
  const call = { userId: 'u-200', event: 'Order Completed', properties: { total: 20 }, messageId: 'seg-dup-1' };
  const first = await http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body: call });
  const second = await http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body: call });
  assert.deepEqual([first.body.accepted, second.body.accepted], [1, 1], 'both acknowledged: the log takes retries');
  assert.ok(second.body.position > first.body.position);
  // Read your own write: the answer waits until the projection has passed the second call.
  const card = await http(
    'GET',
    `${server.url}/api/customers/lookup?external=shop:u-200&after=${second.body.position}`,
    {
      token: server.token,
    },
  );
  assert.equal(Number(card.headers.get('rapport-projected-through')) >= second.body.position, true);
  assert.equal(card.body.interactionCount, 1);
  assert.equal(card.body.recentInteractions[0].channel, 'order');
});

test('without messageId a retried call is still stored once', async () => {
  const call = { userId: 'u-201', event: 'Product Viewed', timestamp: '2026-01-01T10:00:00Z' };
  await http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body: call });
  await http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body: call });
  assert.equal((await lookup('external=shop:u-201')).body.interactionCount, 1);
});

test('batch carries every call type; alias ties the anonymous visitor to the known user', async () => {
  const res = await http('POST', `${server.url}/v1/batch`, {
    writeKey: server.writeKey,
    body: {
      batch: [
        {
          type: 'page',
          anonymousId: 'anon-300',
          name: 'Pricing',
          properties: { url: 'https://shop.test/pricing' },
          messageId: 'b1',
        },
        { type: 'screen', anonymousId: 'anon-300', name: 'Home', messageId: 'b2' },
        { type: 'identify', userId: 'u-300', traits: { email: 'bo@example.com', name: 'Bo Ek' }, messageId: 'b3' },
        { type: 'group', userId: 'u-300', groupId: 'acme', traits: { name: 'Acme' }, messageId: 'b4' },
        { type: 'alias', userId: 'u-300', previousId: 'anon-300', messageId: 'b5' },
      ],
    },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.accepted, 5);
  const card = await lookup('email=bo@example.com');
  assert.equal(card.body.interactionCount, 5);
  assert.ok(card.body.identities.some((i: { kind: string }) => i.kind === 'anonymous'));
  const types = card.body.recentInteractions.map((i: { type: string }) => i.type).sort();
  assert.deepEqual(types, ['alias', 'group', 'identify', 'page_view', 'screen_view']);
  assert.equal(card.body.merges.length, 1, 'the anonymous profile was merged into the known one');
});

test('clock skew is corrected from sentAt as Segment does; an explicit timestamp wins', async () => {
  const sentAt = new Date(Date.now() + 3_600_000).toISOString(); // client clock one hour fast
  const originalTimestamp = new Date(Date.now() + 3_600_000 - 60_000).toISOString();
  await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: { userId: 'u-400', event: 'Skewed', sentAt, originalTimestamp, messageId: 'skew-1' },
  });
  await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: { userId: 'u-400', event: 'Explicit', timestamp: '2025-05-05T05:05:05.000Z', messageId: 'skew-2' },
  });
  const items = (await lookup('external=shop:u-400')).body.recentInteractions;
  const skewed = items.find((i: { event: string }) => i.event === 'Skewed');
  const explicit = items.find((i: { event: string }) => i.event === 'Explicit');
  const offset = Date.now() - 60_000 - Date.parse(skewed.occurredAt);
  assert.ok(Math.abs(offset) < 10_000, `corrected to about a minute ago, was off by ${offset} ms`);
  assert.equal(explicit.occurredAt, '2025-05-05T05:05:05.000Z');
});

test('bad input gets a 400 naming the field, and nothing of the batch lands', async () => {
  const noUser = await http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body: { event: 'E' } });
  assert.equal(noUser.status, 400);
  assert.equal(noUser.body.code, 'invalid_input');
  assert.equal(noUser.body.errors[0].field, 'userId');

  const noEvent = await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: { userId: 'u-500' },
  });
  assert.deepEqual(
    noEvent.body.errors.map((e: { field: string }) => e.field),
    ['event'],
  );

  const badBatch = await http('POST', `${server.url}/v1/batch`, {
    writeKey: server.writeKey,
    body: {
      batch: [
        { type: 'track', userId: 'u-501', event: 'Fine', messageId: 'bad-1' },
        { type: 'track', userId: 'u-501', event: 'Bad time', timestamp: 'yesterday', messageId: 'bad-2' },
      ],
    },
  });
  assert.equal(badBatch.status, 400);
  assert.equal(badBatch.body.errors[0].field, 'batch.1.timestamp');
  assert.equal((await lookup('external=shop:u-501')).status, 404, 'the valid call of a refused batch was not stored');

  const unknownType = await http('POST', `${server.url}/v1/batch`, {
    writeKey: server.writeKey,
    body: { batch: [{ type: 'explode', userId: 'x' }] },
  });
  assert.equal(unknownType.status, 400);
  assert.equal(unknownType.body.errors[0].field, 'batch.0.type');

  const notJson = await http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body: '{"userId": ' });
  assert.equal(notJson.status, 400);
  assert.equal(notJson.body.code, 'invalid_json');
});

test('calls above Segment size limits are refused with 413', async () => {
  const big = { userId: 'u-600', event: 'Big', properties: { blob: 'x'.repeat(40 * 1024) } };
  const res = await http('POST', `${server.url}/v1/track`, { writeKey: server.writeKey, body: big });
  assert.equal(res.status, 413);
  assert.equal(res.body.code, 'body_too_large');
});

test('a revoked write key stops working', async () => {
  const created = await http('POST', `${server.url}/api/write-keys`, {
    token: server.token,
    body: { name: 'Temp', source: 'temp' },
  });
  assert.equal(created.status, 201);
  const key = created.body.key as string;
  assert.equal(
    (await http('POST', `${server.url}/v1/page`, { writeKey: key, body: { anonymousId: 'a', messageId: 'rk-1' } }))
      .status,
    200,
  );
  assert.equal(
    (await http('DELETE', `${server.url}/api/write-keys/${created.body.id}`, { token: server.token })).status,
    204,
  );
  assert.equal(
    (await http('POST', `${server.url}/v1/page`, { writeKey: key, body: { anonymousId: 'a', messageId: 'rk-2' } }))
      .status,
    401,
  );
  const listed = await http('GET', `${server.url}/api/write-keys`, { token: server.token });
  assert.ok(
    listed.body.items.every((item: Record<string, unknown>) => !('key' in item)),
    'secrets are never listed',
  );
});

test('a customer the tracking API knows only by its userId is told apart by it in lists and on cases', async () => {
  const sent = await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: { userId: 'u-label', event: 'Signed Up', messageId: 'label-1' },
  });
  const listed = await http('GET', `${server.url}/api/customers?limit=1&after=${sent.body.position}`, {
    token: server.token,
  });
  assert.deepEqual(
    [listed.body.items[0].name, listed.body.items[0].externalId],
    [null, 'shop u-label'],
    'named after the system and its id',
  );
  // Her message through the native API opens a case, listed under that name rather than "Unnamed customer".
  const message = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [{ customer: { externalIds: { shop: 'u-label' } }, channel: 'chat', text: 'Hello?' }] },
  });
  const caseId = message.body.results[0].caseId;
  const detail = await http('GET', `${server.url}/api/cases/${caseId}`, { token: server.token });
  assert.equal(detail.body.customerLabel, 'shop u-label');
});
