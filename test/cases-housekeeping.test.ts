// What happens with time and orders rather than with a person's click: VIP follows an order as it
// lands, resolved cases close after the configured days, and flags earned in a window lapse with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';
import { closeResolvedCases } from '../src/cases/auto-close.ts';
import { sweepBreaches } from '../src/cases/service.ts';
import { reevaluateChangedFlagRules, sweepLapsedFlags } from '../src/flags/service.ts';

const DAY = 86_400_000;
let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server.close();
});

const tweet = (id: string, author: string, text: string) => ({
  tweet_id: id,
  author_id: author,
  inbound: true,
  created_at: new Date().toISOString(),
  text,
});
const flagsOf = async (handle: string) =>
  (await http('GET', `${server.url}/api/customers/lookup?handle=x:${handle}`, { token: server.token })).body.flags.map(
    (f: { flag: string }) => f.flag,
  );

test('a new install answers with a promise it can keep: a default team on office hours with a standard SLA, which new agents join', async () => {
  const teams = await http('GET', `${server.url}/api/teams`, { token: server.token });
  assert.equal(teams.status, 200);
  assert.deepEqual(
    teams.body.items.map((t: { name: string; isDefault: boolean }) => [t.name, t.isDefault]),
    [['Support', true]],
  );
  const policies = await http('GET', `${server.url}/api/sla-policies`, { token: server.token });
  assert.equal(policies.body.items[0].targets.normal.firstResponse, 240);
  const agentToken = await server.staffToken('agent');
  const me = await http('GET', `${server.url}/api/auth/me`, { token: agentToken });
  const viewerToken = await server.staffToken('viewer');
  const viewer = await http('GET', `${server.url}/api/auth/me`, { token: viewerToken });
  const staff = await http('GET', `${server.url}/api/staff`, { token: server.token });
  const teamOf = (id: string) => staff.body.items.find((s: { id: string }) => s.id === id).teamId;
  assert.equal(teamOf(me.body.id), teams.body.items[0].id);
  assert.equal(teamOf(viewer.body.id), null, 'viewers take no cases');

  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('701', 'lou', 'hello, a question about sizes')] },
  });
  const opened = (await http('GET', `${server.url}/api/cases?status=new`, { token: server.token })).body.items[0];
  assert.equal(opened.assigneeId, me.body.id, 'assigned to the only agent');
  assert.ok(opened.sla.firstResponseDueAt, 'due times from the default policy');
});

test('an order that crosses the VIP threshold flags her as it lands; another currency does not count', async () => {
  const order = (sourceId: string, handle: string, total: number, currency: string) => ({
    source: 'shop',
    sourceId,
    customer: { handles: { x: handle } },
    channel: 'order',
    type: 'purchase',
    event: 'Order Completed',
    properties: { total, currency },
  });
  const first = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [order('o-1', 'ava', 600, 'USD'), order('o-2', 'eve', 5000, 'EUR')] },
  });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual(await flagsOf('ava'), [], 'below the threshold of 1000 USD');
  await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [order('o-3', 'ava', 450, 'USD')] },
  });
  assert.deepEqual(await flagsOf('ava'), ['vip']);
  assert.deepEqual(await flagsOf('eve'), [], 'the rule counts USD orders only');

  // A manager lowers the threshold: past buyers are re-decided without waiting for their next order.
  await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [order('o-4', 'ben', 300, 'USD')] },
  });
  assert.deepEqual(await flagsOf('ben'), []);
  const lowered = await http('PATCH', `${server.url}/api/flag-rules/vip`, {
    token: server.token,
    body: { params: { lifetimeValue: 250 } },
  });
  assert.equal(lowered.status, 200);
  assert.ok((await reevaluateChangedFlagRules(server.running.db)) >= 2, 'buyers and holders are looked at');
  assert.deepEqual(await flagsOf('ben'), ['vip']);
  assert.equal(await reevaluateChangedFlagRules(server.running.db), 0, 'done once');
  await http('PATCH', `${server.url}/api/flag-rules/vip`, {
    token: server.token,
    body: { params: { lifetimeValue: 1000 } },
  });
  await reevaluateChangedFlagRules(server.running.db);
  assert.deepEqual(await flagsOf('ben'), [], 'raised again, the flag goes');
  assert.deepEqual(await flagsOf('ava'), ['vip']);
});

test('a resolved case closes after the configured days, and not before; closed is final', async () => {
  const posted = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('801', 'mia', 'my parcel never arrived')] },
  });
  assert.equal(posted.body.casesOpened, 1, JSON.stringify(posted.body));
  const listed = await http('GET', `${server.url}/api/cases?status=new`, { token: server.token });
  const caseId = listed.body.items.find((c: { subject: string }) => /parcel/.test(c.subject)).id;
  assert.equal(
    (await http('PATCH', `${server.url}/api/cases/${caseId}`, { token: server.token, body: { status: 'resolved' } }))
      .status,
    200,
  );

  const settings = await http('GET', `${server.url}/api/settings/cases`, { token: server.token });
  assert.equal(settings.body.autoCloseAfterDays, 4);
  assert.equal(
    (await http('PATCH', `${server.url}/api/settings/cases`, { token: server.token, body: { autoCloseAfterDays: 0 } }))
      .status,
    400,
  );
  assert.equal(
    (await http('PATCH', `${server.url}/api/settings/cases`, { token: server.token, body: { autoCloseAfterDays: 2 } }))
      .status,
    200,
  );

  const db = server.running.db;
  assert.equal(await closeResolvedCases(db, Date.now() + 1 * DAY), 0, 'she still has time to say it did not work');
  assert.equal(await closeResolvedCases(db, Date.now() + 3 * DAY), 1);
  const closed = await http('GET', `${server.url}/api/cases/${caseId}`, { token: server.token });
  assert.equal(closed.body.status, 'closed');
  assert.ok(closed.body.closedAt);
  assert.equal(await closeResolvedCases(db, Date.now() + 3 * DAY), 0, 'nothing closes twice');

  const again = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('802', 'mia', 'still no parcel, where is it?')] },
  });
  assert.equal(again.body.casesOpened, 1, 'a message after closing opens a new case');
});

test('a past-issues flag earned in a window lapses when the window passes with nothing new', async () => {
  const changed = await http('PATCH', `${server.url}/api/flag-rules/past_issues`, {
    token: server.token,
    body: { params: { cases: 1, days: 30 } },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  await reevaluateChangedFlagRules(server.running.db);
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('901', 'noa', 'my login does not work')] },
  });
  assert.ok((await flagsOf('noa')).includes('past_issues'));
  const db = server.running.db;
  await sweepLapsedFlags(db, Date.now() + 10 * DAY);
  assert.ok((await flagsOf('noa')).includes('past_issues'), 'inside the window the flag stays');
  assert.ok((await sweepLapsedFlags(db, Date.now() + 31 * DAY)) >= 1);
  assert.ok(!(await flagsOf('noa')).includes('past_issues'));
});

test('while a case is pending the resolution clock stands still; her answer starts it again, later by the pause', async () => {
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('1001', 'ida', 'my refund has not arrived yet')] },
  });
  const db = server.running.db;
  const row = () =>
    db.get<{ id: string; status: string; resolution_due_at: number; resolution_paused_at: number | null }>(
      `SELECT c.id, c.status, c.resolution_due_at, c.resolution_paused_at FROM cases c JOIN identities i ON i.customer_id = c.customer_id WHERE i.value = 'ida' ORDER BY c.opened_at DESC LIMIT 1`,
    );
  const opened = (await row())!;
  assert.ok(opened.resolution_due_at, 'the default policy gives a resolution target');
  assert.equal(
    (await http('PATCH', `${server.url}/api/cases/${opened.id}`, { token: server.token, body: { status: 'pending' } }))
      .status,
    200,
  );
  const paused = (await row())!;
  assert.ok(paused.resolution_paused_at);
  const shown = (await http('GET', `${server.url}/api/cases/${opened.id}`, { token: server.token })).body;
  assert.ok(shown.sla.resolutionPausedAt, 'the inbox can say the clock waits on the customer');
  assert.notEqual(shown.sla.nextDueAt, shown.sla.resolutionDueAt, 'a paused clock is not what the inbox counts down');

  await sweepBreaches(db, opened.resolution_due_at + 30 * DAY);
  const breaches = await db.all<{ metric: string }>('SELECT metric FROM sla_breaches WHERE case_id = ?', [opened.id]);
  assert.ok(!breaches.some((b) => b.metric === 'resolution'), 'no resolution breach while we wait on the customer');

  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('1002', 'ida', 'here is my order number: 4411')] },
  });
  const resumed = (await row())!;
  assert.equal(resumed.id, opened.id, 'her answer joined the case');
  assert.equal(resumed.status, 'open');
  assert.equal(resumed.resolution_paused_at, null);
  assert.ok(resumed.resolution_due_at >= opened.resolution_due_at);
});

test('a priority change keeps the time the case already spent waiting on the customer', async () => {
  const db = server.running.db;
  const caseOf = async (handle: string) =>
    (await db.get<{ id: string; resolution_due_at: number; resolution_paused_at: number | null }>(
      `SELECT c.id, c.resolution_due_at, c.resolution_paused_at FROM cases c JOIN identities i ON i.customer_id = c.customer_id
       WHERE i.value = ? ORDER BY c.opened_at DESC LIMIT 1`,
      [handle],
    ))!;
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet('2001', 'waited', 'my parcel is lost'), tweet('2002', 'straight', 'my parcel is lost too')] },
  });
  const waited = await caseOf('waited');
  assert.equal(
    (await http('PATCH', `${server.url}/api/cases/${waited.id}`, { token: server.token, body: { status: 'pending' } }))
      .status,
    200,
  );
  // She took a week to answer: a whole week of office hours (40 h) on the clock's credit.
  const pausedAt = (await caseOf('waited')).resolution_paused_at!;
  await db.run('UPDATE cases SET resolution_paused_at = ? WHERE id = ?', [pausedAt - 7 * DAY, waited.id]);
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [{ ...tweet('2003', 'waited', 'found the receipt'), in_response_to_tweet_id: '2001' }] },
  });
  const resumed = await caseOf('waited');
  assert.equal(resumed.resolution_paused_at, null);
  assert.ok(resumed.resolution_due_at > waited.resolution_due_at + 4 * DAY, 'the week stood still');

  const straight = await caseOf('straight');
  for (const id of [waited.id, straight.id]) {
    assert.equal(
      (await http('PATCH', `${server.url}/api/cases/${id}`, { token: server.token, body: { priority: 'urgent' } }))
        .status,
      200,
    );
  }
  const waitedUrgent = await caseOf('waited');
  const straightUrgent = await caseOf('straight');
  assert.ok(
    waitedUrgent.resolution_due_at > straightUrgent.resolution_due_at + 4 * DAY,
    'the urgent target counts from the opening, and the week she kept us waiting still does not count',
  );
});

test('a conversation that runs on for more than a week stays one case while she keeps writing within the thread window', async () => {
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const post = (id: string, days: number, text: string) => ({
    tweet_id: id,
    author_id: 'ola',
    inbound: true,
    created_at: ago(days),
    text,
  });
  const sent = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      posts: [
        post('1101', 10, 'my subscription renewal failed'),
        post('1102', 7.5, 'still failing'),
        post('1103', 5, 'tried another card'),
        post('1104', 2.5, 'any news?'),
      ],
    },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal(
    sent.body.casesOpened,
    1,
    'eight days after it opened, a message two and a half days after her last still joins',
  );
  assert.equal(sent.body.threadsJoined, 3);
});
