// The native API, the channels and the importer through the event log, over real HTTP: each appends what it
// takes (a refused batch appends nothing), and answers with what became of it once its own position is projected;
// with the projection paused, the native API answers 202 with the position and a channel 503 with Retry-After,
// and the same message sent again once it runs is the same message, on its case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

const head = () => server.running.eventLog.head();
const interactions = (items: unknown[]) =>
  http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions: items } });
const pause = (paused: boolean) =>
  http('PUT', `${server.url}/api/ingest/projector`, { token: server.token, body: { paused } });

test('the native API appends its batch and answers with each event projected, and the position', async () => {
  const before = await head();
  const res = await interactions([
    { customer: { email: 'nia@example.com' }, channel: 'email', text: 'Where is my parcel?', sourceId: 'n-1' },
    { customer: { email: 'nia@example.com' }, channel: 'web', type: 'page_view', sourceId: 'n-2' },
  ]);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  // The two events, then the audit of who recorded them.
  assert.equal(await head(), before + 3);
  assert.equal(res.body.position, before + 2);
  assert.deepEqual(
    res.body.results.map((r: { index: number; status: string; customerCreated?: boolean }) => [
      r.index,
      r.status,
      r.customerCreated ?? false,
    ]),
    [
      [0, 'stored', true],
      [1, 'stored', false],
    ],
  );
  assert.deepEqual([res.body.stored, res.body.customersCreated], [2, 1]);
  assert.equal(res.body.results[0].caseOutcome, 'opened', 'the inbound email opened a case');

  const refused = await interactions([
    { customer: { email: 'nia@example.com' }, channel: 'chat', sourceId: 'n-3' },
    { customer: { id: 'cus_nobody' }, channel: 'chat', sourceId: 'n-4' },
  ]);
  assert.equal(refused.status, 404);
  assert.equal(await head(), before + 3, 'a refused batch appends nothing');
});

test('paused, the native API answers 202 with the position; a read after it sees the events once it runs', async () => {
  assert.equal((await pause(true)).status, 200);
  try {
    const res = await interactions([{ customer: { email: 'ola@example.com' }, channel: 'chat', sourceId: 'o-1' }]);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    // Its audit record follows it in the log.
    assert.deepEqual([res.body.accepted, res.body.position], [1, (await head()) - 1]);
    assert.equal(
      (await http('GET', `${server.url}/api/customers/lookup?email=ola@example.com`, { token: server.token })).status,
      404,
      'not projected yet',
    );
    assert.equal((await pause(false)).status, 200);
    const card = await http(
      'GET',
      `${server.url}/api/customers/lookup?email=ola@example.com&after=${res.body.position}`,
      { token: server.token },
    );
    assert.equal(card.status, 200);
    assert.equal(card.body.interactionCount, 1);
  } finally {
    await pause(false);
  }
});

const call = {
  callId: 'edge-call-1',
  from: '+1 415 555 0111',
  startedAt: new Date().toISOString(),
  waitSeconds: 5,
  outcome: 'missed',
};
const sendCall = () =>
  http('POST', `${server.url}/api/channels/phone/events`, { writeKey: server.writeKey, body: { ...call } });

test('a channel message goes through the log and is answered with its case; paused, 503 and kept', async () => {
  assert.equal((await pause(true)).status, 200);
  const before = await head();
  let queued: Awaited<ReturnType<typeof sendCall>>;
  try {
    queued = await sendCall();
  } finally {
    await pause(false);
  }
  assert.equal(queued.status, 503, JSON.stringify(queued.body));
  assert.equal(queued.body.code, 'message_queued');
  assert.ok(queued.headers.get('retry-after'));
  assert.equal(await head(), before + 1, 'kept in the log');

  const again = await sendCall();
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.equal(again.body.outcome, 'duplicate', 'the kept call reached its case; sent again, it is the same call');
  assert.equal(await head(), before + 2);
  const detail = await http('GET', `${server.url}/api/cases/${again.body.caseId}`, { token: server.token });
  assert.equal(detail.body.messages.length, 1);
});
