// Escalation (issue 13): a customer's negative, urgent words open a prioritised case, or raise the priority of the
// case they join, by rules a manager edits; the case says why in her own words. Calm words, history, and words a
// rule leaves out change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

const api = (method: string, path: string, body?: unknown, token = server.token) =>
  http(method, `${server.url}${path}`, { token, body });

let posted = 0;
/** A post on X from `author`, now (or `at`), through the social channel; resolves once it is on its case. */
async function post(author: string, text: string, options: { at?: Date } = {}) {
  const response = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: [
        {
          tweet_id: `esc-${++posted}`,
          author_id: author,
          inbound: true,
          created_at: (options.at ?? new Date()).toISOString(),
          text,
          in_response_to_tweet_id: null,
        },
      ],
    },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  await server.settled();
}

async function casesOf(handle: string) {
  const card = await api('GET', `/api/customers/lookup?handle=${encodeURIComponent(`x:${handle}`)}`);
  assert.equal(card.status, 200, JSON.stringify(card.body));
  const cases = await api('GET', `/api/cases?customerId=${card.body.id}&limit=10`);
  return Promise.all(
    (cases.body.items as Array<{ id: string }>).map(async (c) => (await api('GET', `/api/cases/${c.id}`)).body),
  );
}

const ANGRY = 'Third time my bag is lost and my flight leaves in 2 hours. Worst airline ever!!';

test('a negative, urgent post opens a high-priority case that says why; a calm one opens a normal case', async () => {
  await post('furious_fran', ANGRY);
  await post('calm_carl', 'Could you tell me which terminal the evening flight to Lisbon leaves from?');
  const [angry] = await casesOf('furious_fran');
  const [calm] = await casesOf('calm_carl');
  assert.equal(angry.priority, 'high');
  assert.equal(calm.priority, 'normal');
  assert.equal(angry.escalation?.rule, 'Negative and urgent');
  assert.equal(angry.escalation?.why, `negative, urgent: '${ANGRY}'`);
  assert.equal(angry.escalation?.priority, 'high');
  assert.equal(angry.escalation?.at, angry.openedAt, 'raised when she wrote, not when it was projected');
  assert.equal(calm.escalation, null);
  const raised = angry.history.find((entry: { change: Record<string, unknown> }) => entry.change.escalated);
  assert.deepEqual([raised?.actorKind, raised?.change.priority], ['system', ['normal', 'high']]);
  // The high priority's targets apply from the opening: answered within the hour, not within four.
  const dueIn = (c: { openedAt: string; sla: { firstResponseDueAt: string } }) =>
    Date.parse(c.sla.firstResponseDueAt) - Date.parse(c.openedAt);
  assert.ok(dueIn(angry) < dueIn(calm), `${dueIn(angry)} < ${dueIn(calm)}`);
});

test('angry words joining an open case raise its priority, with its reason kept for repeat contacts', async () => {
  await post('worried_wes', 'Hi, I still have not received a refund for my cancelled booking');
  const [before] = await casesOf('worried_wes');
  assert.deepEqual([before.priority, before.reason, before.escalation], ['normal', 'refund', null]);
  await post('worried_wes', 'Still no refund after 3 weeks, I need my money back today. Terrible service');
  const [after] = await casesOf('worried_wes');
  assert.equal(after.id, before.id, 'the second post joined the open case');
  assert.equal(after.priority, 'high');
  assert.match(after.escalation?.why ?? '', /^negative, urgent, refund: 'Still no refund after 3 weeks/);
  assert.ok(Date.parse(after.sla.firstResponseDueAt) < Date.parse(before.sla.firstResponseDueAt));
});

test('history raises nothing: an old angry post is recorded, closed, at its own priority', async () => {
  await post('old_olga', ANGRY, { at: new Date(Date.now() - 400 * 24 * 3600_000) });
  const [old] = await casesOf('old_olga');
  assert.deepEqual([old.status, old.priority, old.escalation], ['closed', 'normal', null]);
});

test('a manager edits the rule (an agent may only read it); the next words follow the new rule', async () => {
  const agent = await server.staffToken('agent');
  const listed = await api('GET', '/api/escalation-rules', undefined, agent);
  assert.equal(listed.status, 200);
  const [rule] = listed.body.items;
  assert.deepEqual(
    [rule.name, rule.enabled, rule.priority, rule.conditions],
    ['Negative and urgent', true, 'high', { channels: [], reasons: [], sentimentAtMost: -0.3, urgencyAtLeast: 0.5 }],
  );
  const refused = await api('PATCH', `/api/escalation-rules/${rule.id}`, { priority: 'urgent' }, agent);
  assert.equal(refused.status, 403);
  const invalid = await api('PATCH', `/api/escalation-rules/${rule.id}`, {
    conditions: { ...rule.conditions, sentimentAtMost: 0.5 },
  });
  assert.equal(invalid.status, 400);
  assert.match(JSON.stringify(invalid.body), /conditions\.sentimentAtMost/);

  const manager = await server.staffToken('manager');
  const emailOnly = await api(
    'PATCH',
    `/api/escalation-rules/${rule.id}`,
    { conditions: { ...rule.conditions, channels: ['email'] }, priority: 'urgent' },
    manager,
  );
  assert.equal(emailOnly.status, 200, JSON.stringify(emailOnly.body));
  await post('second_sam', ANGRY);
  const [unraised] = await casesOf('second_sam');
  assert.equal(unraised.priority, 'normal', 'a post is no longer on the rule’s channels');

  const refunds = await api(
    'POST',
    '/api/escalation-rules',
    { name: 'Refund anger', conditions: { reasons: ['refund'] }, priority: 'urgent', position: 0 },
    manager,
  );
  assert.equal(refunds.status, 201, JSON.stringify(refunds.body));
  await post('refund_rita', 'Still no refund after 3 weeks, I need my money back today. Terrible service');
  const [urgent] = await casesOf('refund_rita');
  assert.deepEqual([urgent.priority, urgent.escalation?.rule], ['urgent', 'Refund anger']);
  const audit = await api('GET', '/api/audit?action=escalation_rule.changed');
  assert.ok(audit.body.items.length >= 1, 'changing a rule is audited');

  assert.equal((await api('DELETE', `/api/escalation-rules/${refunds.body.id}`, undefined, manager)).status, 204);
  assert.equal(
    (await api('PATCH', `/api/escalation-rules/${rule.id}`, { conditions: rule.conditions, priority: 'high' }, manager))
      .status,
    200,
  );
});

test('negative, urgent words that open no case of their own (a survey comment) open one; calm ones do not', async () => {
  const comment = (sourceId: string, email: string, text: string) => ({
    customer: { email },
    channel: 'survey',
    type: 'survey_response',
    text,
    sourceId,
  });
  const posted = await api('POST', '/api/interactions', {
    interactions: [
      comment('s-1', 'una@example.com', 'The app crashed again and I cannot log in. Fix it NOW, this is ridiculous'),
      comment('s-2', 'vic@example.com', 'Lovely staff, thank you!'),
    ],
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  const [angry, calm] = posted.body.results;
  assert.equal(angry.caseOutcome, 'opened');
  assert.equal(calm.caseId, undefined, 'a calm comment stays on the timeline only');
  const opened = (await api('GET', `/api/cases/${angry.caseId}`)).body;
  assert.deepEqual([opened.channel, opened.priority, opened.reason], ['survey', 'high', 'account_access']);
  assert.match(opened.escalation.why, /^negative, urgent, account_access: 'The app crashed again/);

  const [rule] = (await api('GET', '/api/escalation-rules')).body.items;
  await api('PATCH', `/api/escalation-rules/${rule.id}`, { opensCase: false });
  const again = await api('POST', '/api/interactions', {
    interactions: [comment('s-3', 'wyn@example.com', 'The app crashed again and I cannot log in. Fix it NOW!')],
  });
  assert.equal(again.body.results[0].caseId, undefined, 'a rule that opens no cases leaves comments on the timeline');
  await api('PATCH', `/api/escalation-rules/${rule.id}`, { opensCase: true });
});
