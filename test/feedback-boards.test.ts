// Advisory boards (issue 14): a manager forms a board of the VIPs (by their flag) plus a customer by hand; a
// session is held; a member's input lands on her timeline, and linked to an idea makes her a requester in her words.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let manager: string;
let agent: string;
before(async () => {
  server = await startTestServer();
  manager = await server.staffToken('manager');
  agent = await server.staffToken('agent');
});
after(async () => server.close());

const api = (method: string, path: string, body?: unknown, token = manager) =>
  http(method, `${server.url}${path}`, { token, body });

async function customer(email: string, orderTotal: number): Promise<string> {
  const posted = await api(
    'POST',
    '/api/interactions',
    {
      interactions: [
        {
          customer: { email },
          channel: 'order',
          type: 'track',
          event: 'Order Completed',
          properties: { total: orderTotal },
          sourceId: `board-order-${email}`,
        },
      ],
    },
    server.token,
  );
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0].customerId;
}

test('a board of the VIPs and one customer by hand: a session, input on her timeline, input linked to an idea', async () => {
  const vip = await customer('vip@example.com', 2500); // the VIP rule flags 1,000 USD and more
  const chosen = await customer('chosen@example.com', 40);
  const other = await customer('other@example.com', 10);

  assert.equal((await api('POST', '/api/advisory-boards', { name: 'Nope' }, agent)).status, 403);
  const board = await api('POST', '/api/advisory-boards', { name: 'Customer council 2027', memberFlag: 'VIP' });
  assert.equal(board.status, 201, JSON.stringify(board.body));
  assert.equal(board.body.memberFlag, 'vip');
  assert.equal(
    (await api('POST', `/api/advisory-boards/${board.body.id}/members`, { customerId: chosen })).status,
    204,
  );

  const session = await api(
    'POST',
    `/api/advisory-boards/${board.body.id}/sessions`,
    { title: 'Spring session', heldAt: '2026-11-20' },
    agent,
  );
  assert.equal(session.status, 201, JSON.stringify(session.body));
  const idea = await api('POST', '/api/ideas', { title: 'Repair service for worn boots' }, agent);
  const given = await api(
    'POST',
    `/api/advisory-boards/${board.body.id}/inputs`,
    { customerId: vip, sessionId: session.body.id, text: 'I would pay for resoling my boots', ideaId: idea.body.id },
    agent,
  );
  assert.equal(given.status, 201, JSON.stringify(given.body));
  const plain = await api(
    'POST',
    `/api/advisory-boards/${board.body.id}/inputs`,
    { customerId: chosen, sessionId: session.body.id, text: 'Sizes run small, say so on the page' },
    agent,
  );
  const badSession = await api(
    'POST',
    `/api/advisory-boards/${board.body.id}/inputs`,
    { customerId: chosen, sessionId: 'sess_nope', text: 'x' },
    agent,
  );
  assert.equal(badSession.status, 400);

  const linked = await api(
    'POST',
    `/api/advisory-boards/${board.body.id}/inputs/${plain.body.id}/idea`,
    { ideaId: idea.body.id },
    agent,
  );
  assert.equal(linked.body.ideaId, idea.body.id);

  const shown = await api('GET', `/api/advisory-boards/${board.body.id}`, undefined, agent);
  assert.deepEqual(
    shown.body.members.map((member: { customerId: string; by: string }) => [member.customerId, member.by]).sort(),
    [
      [chosen, 'hand'],
      [vip, 'flag'],
    ].sort(),
    'the VIP by her flag, the chosen one by hand, nobody else',
  );
  assert.equal(
    shown.body.members.some((member: { customerId: string }) => member.customerId === other),
    false,
  );
  assert.deepEqual(
    shown.body.sessions.map((entry: { title: string }) => entry.title),
    ['Spring session'],
  );
  assert.equal(shown.body.inputs.length, 2);

  const withRequesters = await api('GET', `/api/ideas/${idea.body.id}`, undefined, agent);
  assert.deepEqual(
    withRequesters.body.requesters
      .map((requester: { customerId: string; text: string }) => [requester.customerId, requester.text])
      .sort(),
    [
      [chosen, 'Sizes run small, say so on the page'],
      [vip, 'I would pay for resoling my boots'],
    ].sort(),
  );
  const timeline = await api('GET', `/api/customers/${vip}/timeline`, undefined, agent);
  const input = timeline.body.items.find((item: { type: string }) => item.type === 'advisory_input');
  assert.equal(input.text, 'I would pay for resoling my boots');
  assert.equal(input.insight.sentiment !== undefined, true, 'her words are read by listening');

  assert.equal((await api('DELETE', `/api/customers/${chosen}`, undefined, server.token)).status, 200);
  const afterErasure = await api('GET', `/api/advisory-boards/${board.body.id}`, undefined, agent);
  assert.deepEqual(
    [afterErasure.body.members.length, afterErasure.body.inputs.length],
    [1, 1],
    'her membership and input go with her',
  );
});
