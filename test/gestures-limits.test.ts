// Empowerment limits add up (issue 10, item 5): per gesture, per case and per agent per day, per currency.
// Five credits of 50 USD on one case by an agent whose limit is 50 USD: the first is issued, the rest wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;
let posts = 0;

async function member(role: 'agent' | 'manager') {
  const token = await server.staffToken(role);
  const me = await http('GET', `${server.url}/api/auth/me`, { token });
  return { token, id: me.body.id as string };
}

/** A fresh customer writes in on social: a new case. */
async function newCase(): Promise<string> {
  const n = ++posts;
  const author = `limits_customer_${n}`;
  const posted = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: [
        {
          tweet_id: `lim-${n}`,
          author_id: author,
          inbound: true,
          created_at: new Date().toISOString(),
          text: `@brand my order ${n} is broken`,
          in_response_to_tweet_id: null,
        },
      ],
    },
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  assert.equal(posted.body.casesOpened, 1);
  const opened = await server.running.db.get<{ id: string }>('SELECT id FROM cases ORDER BY number DESC LIMIT 1');
  return opened!.id;
}

const credit = (token: string, caseId: string, amount: number, currency = 'USD') =>
  http('POST', `${server.url}/api/cases/${caseId}/gestures`, {
    token,
    body: { kind: 'credit', amount, currency, reason: 'Sorry for the trouble' },
  });

const setLimits = (staffId: string, currency: string, body: Record<string, unknown>) =>
  http('PUT', `${server.url}/api/staff/${staffId}/gesture-limits/${currency}`, { token: server.token, body });

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

test('five credits of 50 USD on one case with a 50 USD limit: the first is issued, the rest wait for a manager', async () => {
  const agent = await member('agent');
  const manager = await member('manager');
  // The staff form's one figure: 50 USD per gesture; per case and per day are the defaults (50, 250).
  const patched = await http('PATCH', `${server.url}/api/staff/${agent.id}`, {
    token: server.token,
    body: { empowermentLimit: { amount: 50, currency: 'USD' } },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const limits = await http('GET', `${server.url}/api/staff/${agent.id}/gesture-limits`, { token: server.token });
  assert.deepEqual(limits.body.items, [
    { currency: 'USD', perGesture: 50, perCase: 50, perDay: 250, perCaseIsDefault: true, perDayIsDefault: true },
  ]);

  const caseId = await newCase();
  const results = [];
  for (let i = 0; i < 5; i++) results.push(await credit(agent.token, caseId, 50));
  assert.deepEqual(
    results.map((r) => r.status),
    [201, 202, 202, 202, 202],
  );
  assert.deepEqual(
    results.map((r) => r.body.status),
    ['issued', 'pending', 'pending', 'pending', 'pending'],
  );
  assert.deepEqual(
    results.map((r) => r.body.pendingReason),
    [null, 'case_limit', 'case_limit', 'case_limit', 'case_limit'],
  );

  // A manager whose own case limit is 50 cannot approve a second 50 on the same case; one with 100 can, once.
  await setLimits(manager.id, 'USD', { perGesture: 50 });
  const refused = await http('POST', `${server.url}/api/gestures/${results[1]!.body.id}/approve`, {
    token: manager.token,
  });
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  assert.match(refused.body.detail, /per case/);
  await setLimits(manager.id, 'USD', { perGesture: 50, perCase: 100 });
  const approved = await http('POST', `${server.url}/api/gestures/${results[1]!.body.id}/approve`, {
    token: manager.token,
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.status, 'issued');
  const third = await http('POST', `${server.url}/api/gestures/${results[2]!.body.id}/approve`, {
    token: manager.token,
  });
  assert.equal(third.status, 403, 'approved gestures count toward the case total');

  // Rejected ones do not count: rejecting the rest leaves the case at 100.
  for (const result of results.slice(2)) {
    const rejected = await http('POST', `${server.url}/api/gestures/${result.body.id}/reject`, {
      token: manager.token,
      body: { note: 'One credit is enough' },
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
  }
  const detail = await http('GET', `${server.url}/api/cases/${caseId}`, { token: server.token });
  const issued = detail.body.gestures
    .filter((g: { status: string }) => g.status === 'issued')
    .reduce((sum: number, g: { amount: number }) => sum + g.amount, 0);
  assert.equal(issued, 100);
});

test('per day: the agent’s day total across cases; pending and rejected gestures do not count', async () => {
  const agent = await member('agent');
  const set = await setLimits(agent.id, 'USD', { perGesture: 40, perCase: 40, perDay: 100 });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.deepEqual(set.body, {
    currency: 'USD',
    perGesture: 40,
    perCase: 40,
    perDay: 100,
    perCaseIsDefault: false,
    perDayIsDefault: false,
  });

  const statuses = [];
  for (const amount of [40, 40, 30]) {
    const caseId = await newCase();
    // An over-limit request on the same case first: it waits, and does not use up the day.
    const tooBig = await credit(agent.token, caseId, 45);
    assert.equal(tooBig.body.pendingReason, 'gesture_limit');
    const result = await credit(agent.token, caseId, amount);
    statuses.push([result.body.status, result.body.pendingReason]);
  }
  // 40 + 40 issued = 80; 30 more would make 110 > 100 in the day.
  assert.deepEqual(statuses, [
    ['issued', null],
    ['issued', null],
    ['pending', 'day_limit'],
  ]);
  const small = await credit(agent.token, await newCase(), 20);
  assert.equal(small.body.status, 'issued', 'exactly up to the day limit is within it');
});

test('currencies are separate; a currency without limits always waits', async () => {
  const agent = await member('agent');
  await setLimits(agent.id, 'USD', { perGesture: 50 });
  await setLimits(agent.id, 'EUR', { perGesture: 50 });
  const caseId = await newCase();
  assert.equal((await credit(agent.token, caseId, 50, 'USD')).body.status, 'issued');
  assert.equal(
    (await credit(agent.token, caseId, 50, 'EUR')).body.status,
    'issued',
    'a USD total does not use up the EUR one',
  );
  assert.equal((await credit(agent.token, caseId, 1, 'USD')).body.pendingReason, 'case_limit');
  assert.equal((await credit(agent.token, caseId, 1, 'GBP')).body.pendingReason, 'gesture_limit');

  const removed = await http('DELETE', `${server.url}/api/staff/${agent.id}/gesture-limits/EUR`, {
    token: server.token,
  });
  assert.equal(removed.status, 204);
  assert.equal((await credit(agent.token, await newCase(), 1, 'EUR')).body.status, 'pending');

  const list = await http('GET', `${server.url}/api/staff/${agent.id}/gesture-limits`, { token: server.token });
  assert.deepEqual(
    list.body.items.map((l: { currency: string }) => l.currency),
    ['USD'],
  );
});

test('limits are validated, need staff:manage, and every change is audited', async () => {
  const agent = await member('agent');
  const below = await setLimits(agent.id, 'USD', { perGesture: 50, perCase: 20 });
  assert.equal(below.status, 400);
  assert.equal(below.body.errors[0].field, 'perCase');
  assert.equal((await setLimits(agent.id, 'XYZ', { perGesture: 5 })).status, 400);
  assert.equal((await setLimits(agent.id, 'USD', { perGesture: 5.555 })).status, 400);
  assert.equal((await setLimits('stf_nobody', 'USD', { perGesture: 5 })).status, 404);
  const byAgent = await http('PUT', `${server.url}/api/staff/${agent.id}/gesture-limits/USD`, {
    token: agent.token,
    body: { perGesture: 1000 },
  });
  assert.equal(byAgent.status, 403, 'nobody raises their own limit');

  await setLimits(agent.id, 'USD', { perGesture: 10, perDay: 30 });
  const audit = await http('GET', `${server.url}/api/audit?action=gesture_limits.changed`, { token: server.token });
  const entry = audit.body.items.find((e: { detail: { target: string } }) => e.detail?.target === agent.id);
  assert.ok(entry, JSON.stringify(audit.body.items));
  assert.deepEqual(entry.detail.input, { perGesture: 10, perDay: 30 });
  assert.ok(entry.ip && entry.requestId, 'who, from where, which request');
});

test('concurrency: credits fired at once never take the issued total over the limit', async () => {
  const agent = await member('agent');
  await setLimits(agent.id, 'USD', { perGesture: 50, perCase: 100, perDay: 150 });
  const caseId = await newCase();
  const otherCase = await newCase();
  const fired = await Promise.all([
    ...Array.from({ length: 8 }, () => credit(agent.token, caseId, 30)),
    ...Array.from({ length: 8 }, () => credit(agent.token, otherCase, 30)),
  ]);
  assert.ok(
    fired.every((r) => r.status === 201 || r.status === 202),
    JSON.stringify(fired.map((r) => r.body)),
  );
  const issuedOn = async (id: string) => {
    const detail = await http('GET', `${server.url}/api/cases/${id}`, { token: server.token });
    return detail.body.gestures
      .filter((g: { status: string }) => g.status === 'issued')
      .reduce((sum: number, g: { amount: number }) => sum + g.amount, 0);
  };
  const [first, second] = [await issuedOn(caseId), await issuedOn(otherCase)];
  assert.ok(first <= 100 && second <= 100, `per case: ${first}, ${second}`);
  assert.ok(first + second <= 150, `per day: ${first + second}`);
  assert.equal(first + second, 150, 'and as much as the limits allow is issued: three on one case, two on the other');
});
