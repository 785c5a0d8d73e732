// Audit entries of merges carry who, from which address and in which request, like every other entry
// (issue 10, item 7): a merge by hand, its undo, an automatic merge by ingest and a refused one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;
let managerToken: string;
let managerId: string;

before(async () => {
  server = await startTestServer();
  managerToken = await server.staffToken('manager');
  managerId = (await http('GET', `${server.url}/api/auth/me`, { token: managerToken })).body.id;
});

after(async () => {
  await server?.close();
});

interface Entry {
  action: string;
  actorKind: string;
  actorId: string | null;
  customerId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}

async function entries(action: string): Promise<Entry[]> {
  // Merges caused by tracking calls are made when the projector applies them.
  await server.settled();
  const listed = await http('GET', `${server.url}/api/audit?action=${action}`, { token: server.token });
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  return listed.body.items;
}

function assertTraced(entry: Entry | undefined, actorKind: string): void {
  assert.ok(entry, 'the entry exists');
  assert.equal(entry.actorKind, actorKind);
  assert.ok(entry.actorId, 'names who');
  assert.ok(entry.ip, `from which address: ${JSON.stringify(entry)}`);
  assert.match(entry.requestId ?? '', /\S/, `in which request: ${JSON.stringify(entry)}`);
}

async function customerOf(email: string): Promise<string> {
  const recorded = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email },
          channel: 'web',
          direction: 'inbound',
          type: 'visit',
          source: 'test',
          sourceId: `visit-${email}`,
        },
      ],
    },
  });
  assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
  return recorded.body.results[0].customerId;
}

const identify = (body: Record<string, unknown>) =>
  http('POST', `${server.url}/v1/identify`, { writeKey: server.writeKey, body });

test('a merge by hand and its undo carry the manager, the address and the request id', async () => {
  const survivor = await customerOf('ada@example.com');
  const absorbed = await customerOf('ada.lovelace@example.com');
  const merged = await http('POST', `${server.url}/api/customers/${survivor}/merges`, {
    token: managerToken,
    body: { absorbedId: absorbed },
  });
  assert.equal(merged.status, 201, JSON.stringify(merged.body));
  const mergeEntry = (await entries('customer.merged')).find((e) => e.detail?.mergeId === merged.body.id);
  assertTraced(mergeEntry, 'staff');
  assert.equal(mergeEntry!.actorId, managerId);

  const undone = await http('POST', `${server.url}/api/merges/${merged.body.id}/undo`, { token: managerToken });
  assert.equal(undone.status, 200, JSON.stringify(undone.body));
  const undoEntry = (await entries('customer.merge_undone')).find((e) => e.detail?.mergeId === merged.body.id);
  assertTraced(undoEntry, 'staff');
  assert.notEqual(undoEntry!.requestId, mergeEntry!.requestId, 'each its own request');
});

test('an automatic merge by ingest names the write key that caused it, with its address and request', async () => {
  assert.equal(
    (await identify({ userId: 'grace-1', traits: { email: 'grace@example.com' }, messageId: 'g1' })).status,
    200,
  );
  assert.equal(
    (await identify({ anonymousId: 'anon-g', traits: { phone: '+14155550199' }, messageId: 'g2' })).status,
    200,
  );
  // One call names both: they are one person.
  const tie = await identify({ anonymousId: 'anon-g', traits: { email: 'grace@example.com' }, messageId: 'g3' });
  assert.equal(tie.status, 200, JSON.stringify(tie.body));
  const merged = (await entries('customer.merged')).find(
    (e) => e.detail?.reason === 'event' && String(e.detail?.cause).endsWith(':g3'),
  );
  assertTraced(merged, 'write_key');
});

test('a refused merge (two different ids of one system) names the write key, address and request too', async () => {
  assert.equal(
    (await identify({ userId: 'lin-1', traits: { email: 'lin@example.com' }, messageId: 'l1' })).status,
    200,
  );
  assert.equal(
    (await identify({ userId: 'lin-2', traits: { email: 'lin.other@example.com' }, messageId: 'l2' })).status,
    200,
  );
  const clash = await identify({ userId: 'lin-1', traits: { email: 'lin.other@example.com' }, messageId: 'l3' });
  assert.equal(clash.status, 200, JSON.stringify(clash.body));
  const refused = (await entries('customer.merge_refused')).find((e) => String(e.detail?.cause).endsWith(':l3'));
  assertTraced(refused, 'write_key');
});
