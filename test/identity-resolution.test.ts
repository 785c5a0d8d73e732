// Identity resolution over real HTTP: ties merge profiles, merges are recorded and undone, ids keep answering.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

async function record(items: unknown[]) {
  const res = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: items },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}
const card = async (id: string) =>
  (await http('GET', `${server.url}/api/customers/${id}`, { token: server.token })).body;
const lookup = async (query: string) =>
  http('GET', `${server.url}/api/customers/lookup?${query}`, { token: server.token });

test('an event that ties two known identities merges the profiles, and the merge can be undone', async () => {
  const email = await record([
    {
      customer: { email: 'cara@example.com', name: 'Cara', traits: { tier: 'gold' } },
      channel: 'email',
      text: 'Hello',
      sourceId: 'r1',
      department: 'support',
      preferences: { room: 'non-smoking' },
    },
    {
      customer: { email: 'cara@example.com' },
      channel: 'order',
      type: 'track',
      event: 'Item Consumed',
      properties: { item: 'apple', color: 'red' },
      sourceId: 'r1a',
    },
    {
      customer: { email: 'cara@example.com' },
      channel: 'order',
      type: 'track',
      event: 'Item Consumed',
      properties: { item: 'apple', color: 'red' },
      sourceId: 'r1b',
    },
  ]);
  const phone = await record([
    {
      customer: { phone: '+14155550177', traits: { city: 'Oslo' } },
      channel: 'phone',
      type: 'call',
      text: 'Called about a bag',
      sourceId: 'r2',
    },
    {
      customer: { phone: '+14155550177' },
      channel: 'order',
      type: 'track',
      event: 'Item Consumed',
      properties: { item: 'apple', color: 'red' },
      sourceId: 'r2a',
    },
  ]);
  const emailId = email.results[0].customerId;
  const phoneId = phone.results[0].customerId;
  assert.notEqual(emailId, phoneId);
  assert.equal((await card(phoneId)).preferences.length, 0, 'one red apple is no preference yet');

  const tie = await record([
    {
      customer: { email: 'cara@example.com', phone: '+1 415 555 0177' },
      channel: 'chat',
      text: 'Both mine',
      sourceId: 'r3',
    },
  ]);
  assert.equal(tie.merges, 1);
  assert.equal(tie.results[0].customerId, emailId, 'the older profile survives');

  const merged = await card(emailId);
  assert.equal(merged.interactionCount, 6);
  assert.deepEqual(merged.traits, { tier: 'gold', city: 'Oslo' });
  assert.equal(merged.merges.length, 1);
  const merge = merged.merges[0];
  assert.deepEqual(
    [merge.survivorId, merge.absorbedId, merge.reason, merge.cause],
    [emailId, phoneId, 'event', 'api:r3'],
  );
  const apple = merged.preferences.find((p: { key: string }) => p.key === 'apple.color');
  assert.equal(apple?.value, 'red', 'three red apples across both profiles now make a preference');
  assert.equal(apple.evidence.length, 3);

  const redirected = await card(phoneId);
  assert.equal(redirected.id, emailId, 'the merged-away id keeps answering');
  assert.equal(redirected.redirectedFrom, phoneId);

  const undo = await http('POST', `${server.url}/api/merges/${merge.id}/undo`, { token: server.token });
  assert.equal(undo.status, 200, JSON.stringify(undo.body));
  assert.ok(undo.body.undoneAt);

  const back = await card(phoneId);
  assert.equal(back.id, phoneId);
  assert.deepEqual(back.traits, { city: 'Oslo' });
  assert.equal(back.interactionCount, 2);
  const survivor = await card(emailId);
  assert.deepEqual(survivor.traits, { tier: 'gold' });
  assert.equal(survivor.interactionCount, 4, 'the tying event stays with the profile of its strongest identity');
  assert.equal(
    survivor.preferences.find((p: { key: string }) => p.key === 'apple.color'),
    undefined,
    'two apples again: no preference',
  );
  assert.equal((await lookup('phone=%2B14155550177')).body.id, phoneId);

  const again = await http('POST', `${server.url}/api/merges/${merge.id}/undo`, { token: server.token });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'merge_already_undone');
});

test('two different ids from the same system are two people: the merge is refused and audited', async () => {
  await record([
    { customer: { externalIds: { shopify: '1' }, email: 'dan@example.com' }, channel: 'order', sourceId: 'c1' },
  ]);
  await record([
    { customer: { externalIds: { shopify: '2' }, phone: '+14155550188' }, channel: 'order', sourceId: 'c2' },
  ]);
  const tie = await record([
    { customer: { email: 'dan@example.com', phone: '+14155550188' }, channel: 'email', sourceId: 'c3' },
  ]);
  assert.equal(tie.merges, 0);
  const one = (await lookup('external=shopify:1')).body;
  const two = (await lookup('external=shopify:2')).body;
  assert.notEqual(one.id, two.id);
  const audit = await http('GET', `${server.url}/api/audit?limit=50`, { token: server.token });
  assert.ok(audit.body.items.some((entry: { action: string }) => entry.action === 'customer.merge_refused'));
});

test('a manual merge by a manager, refused for an agent; unknown merges are 404', async () => {
  const a = (await record([{ customer: { email: 'eve1@example.com' }, channel: 'email', sourceId: 'm1' }])).results[0]
    .customerId;
  const b = (await record([{ customer: { email: 'eve2@example.com' }, channel: 'email', sourceId: 'm2' }])).results[0]
    .customerId;
  const agent = await server.staffToken('agent');
  const refused = await http('POST', `${server.url}/api/customers/${a}/merges`, {
    token: agent,
    body: { absorbedId: b },
  });
  assert.equal(refused.status, 403);
  const manager = await server.staffToken('manager');
  const merged = await http('POST', `${server.url}/api/customers/${a}/merges`, {
    token: manager,
    body: { absorbedId: b },
  });
  assert.equal(merged.status, 201);
  assert.equal(merged.body.reason, 'manual');
  assert.equal((await lookup('email=eve2@example.com')).body.id, a);
  const self = await http('POST', `${server.url}/api/customers/${a}/merges`, {
    token: manager,
    body: { absorbedId: a },
  });
  assert.equal(self.status, 400);
  assert.equal((await http('POST', `${server.url}/api/merges/mrg_missing/undo`, { token: manager })).status, 404);
});
