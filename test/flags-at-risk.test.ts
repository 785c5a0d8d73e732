// The at-risk flag over real HTTP and the real sweeps: a regular customer gone quiet, one our cases kept
// waiting (SLA breaches), and the flag ending when she writes again. A manager can tune or switch it off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';
import { sweepBreaches } from '../src/cases/service.ts';
import { reevaluateChangedFlagRules, sweepNewlyQuiet } from '../src/flags/service.ts';

const DAY = 86_400_000;
let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server.close();
});

async function contacts(email: string, daysAgo: readonly number[], now = Date.now()) {
  const interactions = daysAgo.map((days, index) => ({
    customer: { email },
    channel: 'email',
    text: `message ${index}`,
    occurredAt: new Date(now - days * DAY).toISOString(),
    sourceId: `${email}-${now - days * DAY}-${index}`,
  }));
  const stored = await http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions } });
  assert.equal(stored.status, 200, JSON.stringify(stored.body));
}

async function atRisk(query: string): Promise<string | null> {
  const card = await http('GET', `${server.url}/api/customers/lookup?${query}`, { token: server.token });
  assert.equal(card.status, 200, JSON.stringify(card.body));
  return card.body.flags.find((flag: { flag: string }) => flag.flag === 'at_risk')?.reason ?? null;
}

test('a regular who went quiet is at risk; a newcomer or someone still in touch is not; writing again ends it', async () => {
  await contacts('quiet@example.com', [120, 100, 90]);
  await contacts('still-here@example.com', [120, 100, 1]);
  await contacts('newcomer@example.com', [90]);
  // The install's first decision for everyone (migration 0009 leaves the marker), as the 30 s timer would.
  await reevaluateChangedFlagRules(server.running.db);
  assert.match((await atRisk('email=quiet@example.com'))!, /not been in touch for 90 days/);
  assert.equal(await atRisk('email=still-here@example.com'), null);
  assert.equal(await atRisk('email=newcomer@example.com'), null, 'three contacts make a regular');

  await contacts('quiet@example.com', [0]);
  assert.equal(await atRisk('email=quiet@example.com'), null, 'her new message ends it at once');
});

test('the hourly sweep finds a regular whose silence has just reached the threshold', async () => {
  const now = Date.now();
  await contacts('lapsing@example.com', [70, 65, 60 + 1 / 48], now);
  assert.equal(await atRisk('email=lapsing@example.com'), null);
  const looked = await sweepNewlyQuiet(server.running.db, now);
  assert.ok(looked >= 1);
  assert.match((await atRisk('email=lapsing@example.com'))!, /not been in touch for 60 days/);
  assert.equal(await sweepNewlyQuiet(server.running.db, now), 0, 'the next sweep goes on from where this one stopped');
});

test('cases that breach their SLA put her at risk; a manager can raise the bar or switch the rule off', async () => {
  const tweet = {
    tweet_id: '5001',
    author_id: 'kept_waiting',
    inbound: true,
    created_at: new Date().toISOString(),
    text: 'still no answer about my order',
  };
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [tweet] },
  });
  const later = Date.now() + 20 * DAY;
  assert.ok((await sweepBreaches(server.running.db, later)) >= 2, 'first response and resolution both breached');
  assert.match((await atRisk('handle=x:kept_waiting'))!, /2 SLA breach\(es\)/);

  const manager = await server.staffToken('manager');
  const raised = await http('PATCH', `${server.url}/api/flag-rules/at_risk`, {
    token: manager,
    body: { params: { breaches: 3 } },
  });
  assert.equal(raised.status, 200, JSON.stringify(raised.body));
  assert.deepEqual(raised.body.params, { quietDays: 60, minInteractions: 3, breaches: 3, days: 30 });
  await reevaluateChangedFlagRules(server.running.db, later);
  assert.equal(await atRisk('handle=x:kept_waiting'), null, 'two breaches no longer count');

  const bad = await http('PATCH', `${server.url}/api/flag-rules/at_risk`, {
    token: manager,
    body: { params: { quietDays: 0 } },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'params.quietDays');
  assert.equal(
    (await http('PATCH', `${server.url}/api/flag-rules/at_risk`, { token: manager, body: { enabled: false } })).status,
    200,
  );
  await contacts('quiet2@example.com', [120, 100, 90]);
  await reevaluateChangedFlagRules(server.running.db);
  assert.equal(await atRisk('email=quiet2@example.com'), null, 'switched off');
});
