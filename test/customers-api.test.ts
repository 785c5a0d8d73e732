// The customer API over real HTTP: look-up, context card, timeline paging, search, preferences, flags, audit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let janeId: string;
before(async () => {
  server = await startTestServer();
  const day = 86_400_000;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const interactions = Array.from({ length: 45 }, (_, i) => ({
    customer: { email: 'jane@example.com', name: 'Jane Doe', phone: '+14155550123' },
    channel: i % 3 === 0 ? 'email' : i % 3 === 1 ? 'phone' : 'in_store',
    department: i % 2 === 0 ? 'support' : 'sales',
    type: 'message',
    text: `Message ${i}`,
    occurredAt: new Date(start + i * day).toISOString(),
    sourceId: `t${i}`,
  }));
  const res = await http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions } });
  janeId = res.body.results[0].customerId;
  await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        { customer: { email: 'jose@example.com', name: 'José Álvarez' }, channel: 'social', sourceId: 'j1' },
      ],
    },
  });
});
after(async () => server.close());

test('the timeline pages newest first by cursor with nothing lost or repeated', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = cursor ? `?limit=20&cursor=${cursor}` : '?limit=20';
    const page = await http('GET', `${server.url}/api/customers/${janeId}/timeline${query}`, { token: server.token });
    assert.equal(page.status, 200);
    seen.push(...page.body.items.map((item: { text: string }) => item.text));
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.deepEqual(
    seen,
    Array.from({ length: 45 }, (_, i) => `Message ${44 - i}`),
  );
  const bad = await http('GET', `${server.url}/api/customers/${janeId}/timeline?cursor=garbage`, {
    token: server.token,
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'invalid_cursor');
  const tooMany = await http('GET', `${server.url}/api/customers/${janeId}/timeline?limit=1000`, {
    token: server.token,
  });
  assert.equal(tooMany.status, 400);
  assert.equal(tooMany.body.errors[0].field, 'limit');
});

test('the context card says who, what happened lately and with which department', async () => {
  const card = (await http('GET', `${server.url}/api/customers/${janeId}`, { token: server.token })).body;
  assert.equal(card.name, 'Jane Doe');
  assert.equal(card.recentInteractions.length, 10);
  assert.deepEqual(
    card.lastContacts.map((c: { department: string }) => c.department),
    ['support', 'sales'],
  );
  assert.match(card.summary, /^Hi Jane\. Last contacted Support .* about “Message 44”\. Also met Sales/);
  assert.equal(card.firstSeenAt, '2026-01-01T00:00:00.000Z');
});

test('look-up needs exactly one valid identity; unknown ones are 404', async () => {
  assert.equal(
    (await http('GET', `${server.url}/api/customers/lookup?email=JANE@example.com`, { token: server.token })).body.id,
    janeId,
  );
  assert.equal(
    (await http('GET', `${server.url}/api/customers/lookup?phone=(415)%20555-0123`, { token: server.token })).body.id,
    janeId,
  );
  const none = await http('GET', `${server.url}/api/customers/lookup?email=nobody@example.com`, {
    token: server.token,
  });
  assert.equal(none.status, 404);
  assert.equal(none.body.code, 'customer_not_found');
  const two = await http('GET', `${server.url}/api/customers/lookup?email=a@b.co&phone=1`, { token: server.token });
  assert.equal(two.status, 400);
  const badHandle = await http('GET', `${server.url}/api/customers/lookup?handle=nonetwork`, { token: server.token });
  assert.equal(badHandle.status, 400);
  assert.equal(badHandle.body.errors[0].field, 'handle');
  assert.equal((await http('GET', `${server.url}/api/customers/cus_missing`, { token: server.token })).status, 404);
});

test('search finds by name prefix, accent-free name, email, phone and id', async () => {
  const ids = async (q: string) =>
    (
      await http('GET', `${server.url}/api/customers?q=${encodeURIComponent(q)}`, { token: server.token })
    ).body.items.map((i: { id: string }) => i.id);
  assert.deepEqual(await ids('jan'), [janeId]);
  assert.deepEqual(await ids('doe jane'), [janeId]);
  assert.equal((await ids('jose')).length, 1);
  assert.deepEqual(await ids('jane@example.com'), [janeId]);
  assert.deepEqual(await ids('415 555 0123'), [janeId]);
  assert.deepEqual(await ids(janeId), [janeId]);
  assert.deepEqual(await ids('zzzz'), []);
  const recent = await http('GET', `${server.url}/api/customers?limit=1`, { token: server.token });
  assert.equal(recent.body.items.length, 1);
  assert.ok(recent.body.nextCursor);
  const next = await http('GET', `${server.url}/api/customers?limit=1&cursor=${recent.body.nextCursor}`, {
    token: server.token,
  });
  assert.notEqual(next.body.items[0].id, recent.body.items[0].id);
});

test('search results page by cursor: every match once, latest contact first; a foreign cursor is refused', async () => {
  const start = Date.parse('2026-03-01T00:00:00Z');
  const interactions = Array.from({ length: 25 }, (_, i) => ({
    customer: { email: `pager${i}@example.com`, name: `Paige Pager${i}` },
    channel: 'email',
    occurredAt: new Date(start + i * 60_000).toISOString(),
    sourceId: `pager-${i}`,
  }));
  assert.equal(
    (await http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions } })).status,
    200,
  );
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: {
      status: number;
      body: { items: Array<{ name: string }>; nextCursor: string | null; capped: boolean };
    } = await http('GET', `${server.url}/api/customers?q=paige&limit=10${cursor ? `&cursor=${cursor}` : ''}`, {
      token: server.token,
    });
    assert.equal(page.status, 200);
    assert.equal(page.body.capped, false);
    seen.push(...page.body.items.map((item) => item.name));
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.deepEqual(
    seen,
    Array.from({ length: 25 }, (_, i) => `Paige Pager${24 - i}`),
    'latest contact first, none twice, none lost',
  );

  const recentCursor = (await http('GET', `${server.url}/api/customers?limit=1`, { token: server.token })).body
    .nextCursor;
  const mixed = await http('GET', `${server.url}/api/customers?q=paige&cursor=${recentCursor}`, {
    token: server.token,
  });
  assert.equal(mixed.status, 400);
  assert.equal(mixed.body.errors[0].field, 'cursor');
});

test('stated preferences and flags are set by staff, with source and time, and audited', async () => {
  const agent = await server.staffToken('agent');
  const put = await http('PUT', `${server.url}/api/customers/${janeId}/preferences/room`, {
    token: agent,
    body: { value: 'non-smoking' },
  });
  assert.equal(put.status, 200);
  const room = put.body.items.find((p: { key: string }) => p.key === 'room');
  assert.equal(room.kind, 'explicit');
  assert.match(room.source, /^staff:stf_/);
  const empty = await http('PUT', `${server.url}/api/customers/${janeId}/preferences/room`, {
    token: agent,
    body: { value: '' },
  });
  assert.equal(empty.status, 400);
  const flag = await http('PUT', `${server.url}/api/customers/${janeId}/flags/needs_extra_support`, {
    token: agent,
    body: { reason: 'Hard of hearing' },
  });
  assert.equal(flag.status, 200);
  const badFlag = await http('PUT', `${server.url}/api/customers/${janeId}/flags/Not%20Valid`, {
    token: agent,
    body: {},
  });
  assert.equal(badFlag.status, 400);
  const card = (await http('GET', `${server.url}/api/customers/${janeId}`, { token: agent })).body;
  assert.deepEqual(
    card.flags.map((f: { flag: string }) => f.flag),
    ['needs_extra_support'],
  );
  assert.match(card.summary, /Needs extra support\. Prefers room: non-smoking\./);
  assert.equal(
    (await http('DELETE', `${server.url}/api/customers/${janeId}/flags/needs_extra_support`, { token: agent })).status,
    204,
  );
  assert.equal(
    (await http('DELETE', `${server.url}/api/customers/${janeId}/flags/needs_extra_support`, { token: agent })).status,
    404,
  );
  assert.equal(
    (await http('DELETE', `${server.url}/api/customers/${janeId}/preferences/room`, { token: agent })).status,
    204,
  );

  const audit = await http('GET', `${server.url}/api/audit?customerId=${janeId}`, { token: server.token });
  const actions = audit.body.items.map((entry: { action: string }) => entry.action);
  for (const action of [
    'customer.viewed',
    'customer.timeline_viewed',
    'customer.preference_set',
    'customer.flag_set',
    'customer.flag_cleared',
  ]) {
    assert.ok(actions.includes(action), `audit has ${action}`);
  }
  assert.equal(
    (await http('GET', `${server.url}/api/audit`, { token: agent })).status,
    403,
    'agents do not read the audit log',
  );
});

test('a viewer sees the card with emails and phones masked and cannot change anything', async () => {
  const viewer = await server.staffToken('viewer');
  const card = (await http('GET', `${server.url}/api/customers/${janeId}`, { token: viewer })).body;
  const email = card.identities.find((i: { kind: string }) => i.kind === 'email');
  assert.equal(email.value, 'j***@example.com');
  assert.ok(!JSON.stringify(card.identities).includes('jane@example.com'));
  const search = (await http('GET', `${server.url}/api/customers?q=jane`, { token: viewer })).body;
  assert.equal(search.items[0].email, 'j***@example.com');
  const recent = (await http('GET', `${server.url}/api/customers`, { token: viewer })).body;
  assert.ok(recent.items.length > 0);
  assert.ok(!JSON.stringify(recent.items).includes('jane@example.com'), 'the recent list is masked too');
  const write = await http('PUT', `${server.url}/api/customers/${janeId}/preferences/x`, {
    token: viewer,
    body: { value: 'y' },
  });
  assert.equal(write.status, 403);
  assert.equal(write.body.code, 'forbidden');
  const ingest = await http('POST', `${server.url}/api/interactions`, { token: viewer, body: { interactions: [] } });
  assert.equal(ingest.status, 403);
});

test('a customer can be exported whole and then erased; their ids answer 410 and the audit keeps who did it', async () => {
  const created = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: 'kim@example.com', name: 'Kim Berg', traits: { city: 'Bergen' } },
          channel: 'email',
          text: 'Private matter',
          sourceId: 'p1',
        },
        { customer: { phone: '+14155550199' }, channel: 'phone', sourceId: 'p2' },
        { customer: { email: 'kim@example.com', phone: '+14155550199' }, channel: 'chat', sourceId: 'p3' },
      ],
    },
  });
  const kimId = created.body.results[2].customerId;
  const otherProfile = [created.body.results[0].customerId, created.body.results[1].customerId].find(
    (id: string) => id !== kimId,
  );
  const agent = await server.staffToken('agent');
  assert.equal((await http('GET', `${server.url}/api/customers/${kimId}/export`, { token: agent })).status, 403);
  const exported = await http('GET', `${server.url}/api/customers/${kimId}/export`, { token: server.token });
  assert.equal(exported.status, 200);
  assert.match(exported.headers.get('content-disposition') ?? '', /attachment/);
  assert.equal(exported.body.interactions.length, 3);
  assert.equal(exported.body.identities.length, 2);
  assert.equal(exported.body.customer.traits.city, 'Bergen');

  const manager = await server.staffToken('manager');
  assert.equal(
    (await http('DELETE', `${server.url}/api/customers/${kimId}`, { token: manager })).status,
    403,
    'only admins erase',
  );
  const erased = await http('DELETE', `${server.url}/api/customers/${kimId}`, { token: server.token });
  assert.equal(erased.status, 200);
  assert.equal(erased.body.interactions, 3);
  assert.equal(erased.body.erasedProfiles.length, 2);
  for (const id of [kimId, otherProfile]) {
    const gone = await http('GET', `${server.url}/api/customers/${id}`, { token: server.token });
    assert.equal(gone.status, 410);
    assert.equal(gone.body.code, 'customer_erased');
  }
  assert.equal(
    (await http('GET', `${server.url}/api/customers/lookup?email=kim@example.com`, { token: server.token })).status,
    404,
  );
  assert.deepEqual((await http('GET', `${server.url}/api/customers?q=kim`, { token: server.token })).body.items, []);
  const audit = await http('GET', `${server.url}/api/audit?customerId=${kimId}`, { token: server.token });
  assert.ok(audit.body.items.some((e: { action: string }) => e.action === 'customer.erased'));
  assert.ok(!JSON.stringify(audit.body).includes('kim@example.com'));
});
