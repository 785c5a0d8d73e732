// Views of customer data reach the audit trail through the event log (issue 12): a look-up writes nothing itself,
// and the trail still lists every view, with its viewer and the time it was shown, in the order they were seen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;
let agent: string;
let agentId: string;
let customerId: string;
let caseId: string;

before(async () => {
  server = await startTestServer();
  agent = await server.staffToken('agent');
  agentId = (await http('GET', `${server.url}/api/auth/me`, { token: agent })).body.id;
  const posted = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Vera Viewed', email: 'vera@example.com', message: 'Where is order V-1?' },
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const opened = (await http('GET', `${server.url}/api/cases/${posted.body.caseNumber}`, { token: server.token })).body;
  caseId = opened.id;
  customerId = opened.customerId;
});

after(async () => {
  await server?.close();
});

interface Entry {
  at: string;
  action: string;
  actorKind: string;
  actorId: string | null;
  customerId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}

async function trailOf(actorId: string, query = ''): Promise<Entry[]> {
  const listed = await http('GET', `${server.url}/api/audit?actorId=${actorId}${query}`, { token: server.token });
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  return listed.body.items;
}

async function loggedViewsBy(actorId: string): Promise<string[]> {
  const logged = await server.running.eventLog.eventsAfter(0, 10_000);
  return logged
    .filter((event) => {
      const origin = JSON.parse(event.origin);
      return origin.edge === 'audit' && origin.actor.id === actorId;
    })
    .map((event) => JSON.parse(event.body).action);
}

test('a card, a timeline and a case seen by an agent are in the trail, newest first, with who and from where', async () => {
  for (const path of [
    `/api/customers/${customerId}`,
    `/api/customers/${customerId}/timeline`,
    `/api/cases/${caseId}`,
  ]) {
    assert.equal((await http('GET', `${server.url}${path}`, { token: agent })).status, 200, path);
  }
  // No wait asked for: a read of the trail waits by itself for the views made before it.
  const entries = await trailOf(agentId);
  assert.deepEqual(
    entries.map((entry) => entry.action),
    ['case.viewed', 'customer.timeline_viewed', 'customer.viewed'],
  );
  for (const entry of entries) {
    assert.equal(entry.actorKind, 'staff');
    assert.equal(entry.customerId, customerId);
    assert.ok(entry.ip, 'from which address');
    assert.match(entry.requestId ?? '', /\S/, 'in which request');
  }
  assert.deepEqual(entries[0]!.detail, { caseId });
  const times = entries.map((entry) => Date.parse(entry.at));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
    'times in the order of the entries',
  );
  assert.deepEqual(
    await loggedViewsBy(agentId),
    ['customer.viewed', 'customer.timeline_viewed', 'case.viewed'],
    'they came through the event log, in the order seen',
  );
});

test('a view made while the projection is paused lands when it resumes, at the time it was shown', async () => {
  const viewer = await server.staffToken('viewer');
  const viewerId = (await http('GET', `${server.url}/api/auth/me`, { token: viewer })).body.id;
  await server.running.projector.stop();
  const shownFrom = Date.now();
  assert.equal((await http('GET', `${server.url}/api/customers/${customerId}`, { token: viewer })).status, 200);
  const shownBy = Date.now();
  // Queued for the log's next group commit when the card was answered (src/app/view-recorder.ts).
  for (let turn = 0; turn < 100 && (await loggedViewsBy(viewerId)).length === 0; turn++) await sleep(10);
  assert.deepEqual(await loggedViewsBy(viewerId), ['customer.viewed'], 'on the log, not yet in the trail');
  await sleep(50);
  await server.running.projector.start();
  const head = await server.running.eventLog.head();
  const [entry] = await trailOf(viewerId, `&after=${head}`);
  assert.equal(entry?.action, 'customer.viewed');
  const at = Date.parse(entry.at);
  assert.ok(at >= shownFrom && at <= shownBy, `stamped when shown (${entry.at}), not when projected`);
});

test('each view is one entry in the trail: none lost, none applied twice', async () => {
  await server.settled();
  const before = (await trailOf(agentId)).length;
  assert.equal((await http('GET', `${server.url}/api/customers/${customerId}`, { token: agent })).status, 200);
  await server.settled();
  assert.equal((await trailOf(agentId)).length, before + 1, 'one view, one entry: none lost, none twice');
});

test('interactions recorded through the native API are audited through the log too: who, how many, and where', async () => {
  const recorder = await server.staffToken('admin');
  const recorderId = (await http('GET', `${server.url}/api/auth/me`, { token: recorder })).body.id;
  const posted = await http('POST', `${server.url}/api/interactions`, {
    token: recorder,
    body: {
      interactions: [
        {
          customer: { email: 'vera@example.com' },
          channel: 'in_store',
          text: 'Tried on the blue coat',
          sourceId: 's-1',
        },
        { customer: { email: 'vera@example.com' }, channel: 'in_store', text: 'Bought it', sourceId: 's-2' },
      ],
    },
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  assert.deepEqual(await loggedViewsBy(recorderId), ['interactions.recorded'], 'appended as a record, not written');
  const [entry] = await trailOf(recorderId, `&after=${posted.body.position + 1}`);
  assert.deepEqual(
    { action: entry?.action, actorKind: entry?.actorKind, detail: entry?.detail },
    { action: 'interactions.recorded', actorKind: 'staff', detail: { accepted: 2, position: posted.body.position } },
  );
});
