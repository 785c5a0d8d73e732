// The native batch API over real HTTP: identities of every kind, idempotency, per-field errors, all-or-nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

const post = (interactions: unknown) =>
  http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions } });

test('interactions from every department land on one profile found by any identity', async () => {
  const res = await post([
    {
      customer: { handles: { x: '@Finn' }, name: 'Finn' },
      channel: 'social',
      text: 'My tote bag is ruined',
      sourceId: 'n1',
      department: 'support',
    },
    {
      customer: { handles: { x: 'finn' }, externalIds: { pos: 77 } },
      channel: 'in_store',
      type: 'note',
      direction: 'internal',
      department: 'retail',
      actor: 'stf_1',
      text: 'Visited the Oslo store',
      sourceId: 'n2',
    },
    {
      customer: { externalIds: { pos: '77' } },
      channel: 'order',
      type: 'refund',
      department: 'finance',
      properties: { amount: 40 },
      sourceId: 'n3',
    },
  ]);
  assert.equal(res.status, 200);
  assert.deepEqual([res.body.stored, res.body.customersCreated], [3, 1]);
  const ids = new Set(res.body.results.map((r: { customerId: string }) => r.customerId));
  assert.equal(ids.size, 1);
  const card = (await http('GET', `${server.url}/api/customers/lookup?external=pos:77`, { token: server.token })).body;
  // Retail's internal note is on her timeline, but "Last contact" counts only what she did herself.
  assert.deepEqual(card.lastContacts.map((c: { department: string }) => c.department).sort(), ['finance', 'support']);
  assert.equal(card.recentInteractions.length, 3);
});

test('the same source + sourceId is stored once; a customer id can be named directly', async () => {
  const first = await post([
    { customer: { email: 'gil@example.com' }, channel: 'email', text: 'Hi', source: 'zendesk', sourceId: 'z-1' },
  ]);
  const again = await post([
    { customer: { email: 'gil@example.com' }, channel: 'email', text: 'Hi', source: 'zendesk', sourceId: 'z-1' },
  ]);
  assert.equal(again.body.duplicates, 1);
  assert.equal(again.body.results[0].interactionId, first.body.results[0].interactionId);
  const byId = await post([
    { customer: { id: first.body.results[0].customerId }, channel: 'chat', text: 'Follow-up', sourceId: 'z-2' },
  ]);
  assert.equal(byId.body.results[0].customerId, first.body.results[0].customerId);
  const unknown = await post([{ customer: { id: 'cus_nope' }, channel: 'chat', sourceId: 'z-3' }]);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'customer_not_found');
  const inSecondPlace = await post([
    { customer: { email: 'gil@example.com' }, channel: 'chat', sourceId: 'z-4' },
    { customer: { id: 'cus_nope' }, channel: 'chat', sourceId: 'z-5' },
  ]);
  assert.equal(inSecondPlace.status, 404);
  assert.deepEqual(
    inSecondPlace.body.errors.map((e: { field: string }) => e.field),
    ['interactions.1.customer.id'],
    'the error names the event and field at fault',
  );
  assert.equal(
    (await post([{ customer: { email: 'gil@example.com' }, channel: 'chat', sourceId: 'z-4' }])).body.stored,
    1,
    'and nothing of that batch landed',
  );
});

test('each invalid field is listed with its path, and nothing of the batch lands', async () => {
  const res = await post([
    { customer: { email: 'hal@example.com' }, channel: 'email', sourceId: 'v1' },
    { customer: { email: 'not-an-email' }, channel: 'fax', occurredAt: 'last week', sourceId: 'v2' },
    { customer: {}, channel: 'email', sourceId: 'v3' },
  ]);
  assert.equal(res.status, 400);
  const fields = res.body.errors.map((e: { field: string }) => e.field);
  assert.deepEqual(fields, [
    'interactions.1.customer.email',
    'interactions.1.channel',
    'interactions.1.occurredAt',
    'interactions.2.customer',
  ]);
  assert.equal(
    (await http('GET', `${server.url}/api/customers/lookup?email=hal@example.com`, { token: server.token })).status,
    404,
  );
  assert.equal((await post([])).status, 400);
  const wrongType = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: 'interactions=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(wrongType.status, 415);
});
