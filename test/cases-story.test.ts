// The story issue 4 makes routine, over real HTTP against a started server: a customer posts that
// her new tote bag is ruined; an agent sees a case with her history, answers, issues a credit within
// her limit (a larger one needs a manager), resolves it on first contact — and the numbers show it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;
let agent: { token: string; id: string };
let manager: { token: string; id: string };
let viewer: { token: string; id: string };

async function member(role: 'agent' | 'manager' | 'viewer') {
  const token = await server.staffToken(role);
  const me = await http('GET', `${server.url}/api/auth/me`, { token });
  return { token, id: me.body.id as string };
}

const post = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  tweet_id: id,
  author_id: 'Jane_Doe',
  inbound: true,
  created_at: new Date().toISOString(),
  text,
  in_response_to_tweet_id: null,
  ...extra,
});

before(async () => {
  server = await startTestServer();
  const policy = await http('POST', `${server.url}/api/sla-policies`, {
    token: server.token,
    body: {
      name: 'Standard',
      businessHoursOnly: false,
      targets: { normal: { firstResponse: 60, nextResponse: 120, resolution: 480 } },
    },
  });
  assert.equal(policy.status, 201, JSON.stringify(policy.body));
  const team = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: { name: 'Customer Care', department: 'support', slaPolicyId: policy.body.id, isDefault: true },
  });
  assert.equal(team.status, 201, JSON.stringify(team.body));
  agent = await member('agent');
  manager = await member('manager');
  viewer = await member('viewer');
  const setAgent = await http('PATCH', `${server.url}/api/staff/${agent.id}`, {
    token: server.token,
    body: { teamId: team.body.id, skills: ['bags'], empowermentLimit: { amount: 50, currency: 'USD' } },
  });
  assert.equal(setAgent.status, 200, JSON.stringify(setAgent.body));
  assert.deepEqual(setAgent.body.empowermentLimit, { amount: 50, currency: 'USD' });
  await http('PATCH', `${server.url}/api/staff/${manager.id}`, {
    token: server.token,
    body: { empowermentLimit: { amount: 500, currency: 'USD' } },
  });
});

after(async () => {
  await server.close();
});

test('a disappointed post becomes a case, answered, compensated and resolved on first contact', async () => {
  // Her history: an earlier order, so the context card has something to say.
  const history = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          source: 'shop',
          sourceId: 'order-1',
          customer: { handles: { x: '@jane_doe' }, email: 'jane@example.com', name: 'Jane Doe' },
          channel: 'order',
          direction: 'inbound',
          type: 'purchase',
          event: 'Order Completed',
          occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
          properties: { orderId: 'A-1001', total: 120, currency: 'USD', product: 'Canvas tote' },
        },
      ],
    },
  });
  assert.equal(history.status, 200, JSON.stringify(history.body));

  const posted = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { network: 'x', posts: [post('9001', '@brand my new tote bag is ruined, the strap tore on day one 😢')] },
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  assert.equal(posted.body.casesOpened, 1);

  const customerId = history.body.results[0].customerId;
  const listed = await http('GET', `${server.url}/api/cases?customerId=${customerId}`, { token: agent.token });
  assert.equal(listed.status, 200);
  assert.equal(listed.body.items.length, 1, 'the post joined the customer who ordered: one view of her');
  const caseId = listed.body.items[0].id;

  let detail = await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent.token });
  assert.equal(detail.status, 200);
  assert.equal(detail.body.status, 'new');
  assert.equal(detail.body.channel, 'social');
  assert.equal(detail.body.reason, 'damaged_item');
  assert.equal(detail.body.assigneeId, agent.id, 'assigned by round-robin to the team member');
  assert.equal(detail.body.contactCount, 1);
  assert.equal(Date.parse(detail.body.sla.firstResponseDueAt) - Date.parse(detail.body.openedAt), 60 * 60_000);
  assert.equal(detail.body.messages.length, 1);
  assert.match(detail.body.messages[0].text, /tote bag is ruined/);

  // The answer goes out through the social adapter, threaded to her post.
  const replied = await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent.token,
    body: { text: "So sorry, Jane — we've sent you a message; please check your email." },
  });
  assert.equal(replied.status, 201, JSON.stringify(replied.body));
  assert.equal(replied.body.delivery.status, 'sent');
  const outbox = readFileSync(join(server.dataDir, 'social-outbox.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(outbox.length, 1);
  assert.equal(outbox[0].in_response_to_tweet_id, '9001');
  assert.match(outbox[0].text, /^@jane_doe So sorry/);

  // A credit within her own limit is issued at once; a larger one waits for a manager.
  const credit = await http('POST', `${server.url}/api/cases/${caseId}/gestures`, {
    token: agent.token,
    body: { kind: 'credit', amount: 45, currency: 'USD', reason: 'Credit towards a new tote' },
  });
  assert.equal(credit.status, 201, JSON.stringify(credit.body));
  assert.equal(credit.body.status, 'issued');
  const refund = await http('POST', `${server.url}/api/cases/${caseId}/gestures`, {
    token: agent.token,
    body: { kind: 'refund', amount: 120, currency: 'USD', reason: 'Full refund of the order' },
  });
  assert.equal(refund.status, 202);
  assert.equal(refund.body.approval, 'pending');
  const selfApprove = await http('POST', `${server.url}/api/gestures/${refund.body.id}/approve`, {
    token: agent.token,
  });
  assert.equal(selfApprove.status, 403, 'an agent cannot approve');
  const pending = await http('GET', `${server.url}/api/gestures`, { token: manager.token });
  assert.deepEqual(
    pending.body.items.map((g: { id: string }) => g.id),
    [refund.body.id],
  );
  const approved = await http('POST', `${server.url}/api/gestures/${refund.body.id}/approve`, {
    token: manager.token,
    body: { note: 'Fair' },
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.status, 'issued');
  assert.equal(approved.body.decidedBy, manager.id);
  const again = await http('POST', `${server.url}/api/gestures/${refund.body.id}/approve`, { token: manager.token });
  assert.equal(again.status, 409, 'a decided gesture is not decided twice');

  const resolved = await http('PATCH', `${server.url}/api/cases/${caseId}`, {
    token: agent.token,
    body: { status: 'resolved', tags: ['Bags', 'bags', 'quality'] },
  });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
  assert.equal(resolved.body.firstContactResolution, true);
  assert.deepEqual(resolved.body.tags, ['bags', 'quality']);

  detail = await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent.token });
  assert.ok(detail.body.firstResponseAt, 'time to first response is real');
  assert.ok(Date.parse(detail.body.firstResponseAt) >= Date.parse(detail.body.openedAt));
  assert.ok(detail.body.resolvedAt);
  assert.deepEqual(
    detail.body.gestures.map((g: { amount: number; status: string }) => [g.amount, g.status]),
    [
      [45, 'issued'],
      [120, 'issued'],
    ],
  );
  assert.deepEqual(
    detail.body.messages.map((m: { kind: string }) => m.kind),
    ['inbound', 'reply', 'gesture', 'gesture'],
  );
  assert.deepEqual(detail.body.sla.breaches, []);

  // On her timeline and card: the reply and the gestures, and the past-issues flag a gesture earns.
  const card = await http('GET', `${server.url}/api/customers/${customerId}`, { token: agent.token });
  const types = card.body.recentInteractions.map(
    (i: { type: string; direction: string }) => `${i.type}/${i.direction}`,
  );
  assert.ok(
    types.includes('gesture/outbound') && types.includes('message/outbound') && types.includes('message/inbound'),
    types.join(),
  );
  assert.ok(
    card.body.flags.some((f: { flag: string; source: string }) => f.flag === 'past_issues' && f.source === 'rule'),
    JSON.stringify(card.body.flags),
  );
  assert.deepEqual(card.body.openCases, [], 'a resolved case is no longer open');

  // She answers our reply after it was resolved: the same case reopens, and it no longer counts as FCR.
  const answer = await http('POST', `${server.url}/api/channels/social/posts`, {
    token: server.token,
    body: {
      posts: [
        post('9002', '@brand got the email, thanks but the credit code does not work', {
          in_response_to_tweet_id: outbox[0].tweet_id,
        }),
      ],
    },
  });
  assert.equal(answer.body.reopened, 1, JSON.stringify(answer.body));
  detail = await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent.token });
  assert.equal(detail.body.status, 'open');
  assert.equal(detail.body.reopenCount, 1);
  assert.equal(detail.body.contactCount, 2);
  assert.equal(detail.body.firstContactResolution, null);
  assert.ok(detail.body.sla.nextResponseDueAt, 'the next-response clock runs again');

  // Closed is final: a later, unrelated-looking post about the same matter opens a new case linked as a repeat contact.
  assert.equal(
    (await http('PATCH', `${server.url}/api/cases/${caseId}`, { token: agent.token, body: { status: 'closed' } }))
      .status,
    200,
  );
  const reopenClosed = await http('PATCH', `${server.url}/api/cases/${caseId}`, {
    token: agent.token,
    body: { status: 'open' },
  });
  assert.equal(reopenClosed.status, 409);
  assert.equal(reopenClosed.body.code, 'invalid_transition');
  const replyClosed = await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent.token,
    body: { text: 'hello?' },
  });
  assert.equal(replyClosed.status, 409);
  const repeat = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [post('9003', '@brand the replacement tote is damaged too, torn seam')] },
  });
  assert.equal(repeat.body.casesOpened, 1);
  assert.equal(repeat.body.repeatContacts, 1);
  const cases = await http('GET', `${server.url}/api/cases?customerId=${customerId}&status=new,open`, {
    token: viewer.token,
  });
  assert.equal(cases.status, 200);
  assert.equal(cases.body.items.length, 1);
  assert.equal(cases.body.items[0].repeatOf, caseId);

  // Whoever looks her up next, in any department, sees the open case first.
  const looked = await http('GET', `${server.url}/api/customers/lookup?handle=${encodeURIComponent('x:@jane_doe')}`, {
    token: viewer.token,
  });
  assert.equal(looked.status, 200, JSON.stringify(looked.body));
  assert.deepEqual(
    looked.body.openCases.map((c: { id: string; status: string; reason: string }) => [c.id, c.status, c.reason]),
    [[cases.body.items[0].id, 'new', 'damaged_item']],
  );
  assert.match(
    looked.body.summary,
    new RegExp(`^Hi Jane\\. Open case #${cases.body.items[0].number} about damaged item, new\\.`),
  );

  // A viewer (any department) reads cases but cannot reply or change them.
  const viewerReply = await http('POST', `${server.url}/api/cases/${cases.body.items[0].id}/replies`, {
    token: viewer.token,
    body: { text: 'hi' },
  });
  assert.equal(viewerReply.status, 403);
});

test('a direct message is answered privately; a public mention is answered in public', async () => {
  const dm = {
    tweet_id: '9501',
    author_id: 'priya',
    inbound: true,
    created_at: new Date().toISOString(),
    text: 'my order number is 4411, the refund never came',
    direct_message: true,
  };
  const sent = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [dm] },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const bad = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [{ ...dm, tweet_id: '9502', direct_message: 'maybe' }] },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'posts.0.direct_message');

  const customer = await http('GET', `${server.url}/api/customers/lookup?handle=x:priya`, { token: agent.token });
  const caseId = customer.body.openCases[0].id;
  const outboxFile = join(server.dataDir, 'social-outbox.jsonl');
  const outbox = () =>
    readFileSync(outboxFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent.token,
    body: { text: 'Found it: the refund went out today.' },
  });
  const privately = outbox().at(-1);
  assert.equal(privately.direct_message, true);
  assert.equal(privately.text, 'Found it: the refund went out today.', 'no public @mention in a private answer');

  // She thanks us in public: the answer to that is public.
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      posts: [
        {
          ...dm,
          tweet_id: '9503',
          direct_message: false,
          text: '@brand thanks, sorted!',
          in_response_to_tweet_id: null,
        },
      ],
    },
  });
  await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent.token,
    body: { text: 'Glad to help!' },
  });
  const inPublic = outbox().at(-1);
  assert.equal(inPublic.direct_message, false);
  assert.equal(inPublic.text, '@priya Glad to help!');
});

test('her export holds her cases and gestures; erasure empties them and keeps only what the numbers need', async () => {
  await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      posts: [
        {
          tweet_id: '9601',
          author_id: 'zoe_k',
          inbound: true,
          created_at: new Date().toISOString(),
          text: 'my jacket zip broke, I live at 4 Elm Street',
        },
      ],
    },
  });
  const zoe = (await http('GET', `${server.url}/api/customers/lookup?handle=x:zoe_k`, { token: manager.token })).body;
  const caseId = zoe.openCases[0].id;
  await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent.token,
    body: { text: 'Sorry Zoe, a new one is on its way to Elm Street.' },
  });
  const managerEmail = (await http('GET', `${server.url}/api/auth/me`, { token: manager.token })).body.email as string;
  const note = await http('POST', `${server.url}/api/cases/${caseId}/notes`, {
    token: agent.token,
    body: { text: `@${managerEmail} she lives at 4 Elm Street` },
  });
  assert.deepEqual(note.body.mentioned, [manager.id]);
  assert.ok(
    JSON.stringify((await http('GET', `${server.url}/api/mentions`, { token: manager.token })).body).includes(
      'Elm Street',
    ),
  );
  const gesture = await http('POST', `${server.url}/api/cases/${caseId}/gestures`, {
    token: agent.token,
    body: { kind: 'replacement', amount: 500, currency: 'USD', reason: 'New jacket to 4 Elm Street' },
  });
  assert.equal(gesture.body.status, 'pending', 'above her limit: waits for a manager');

  const exported = await http('GET', `${server.url}/api/customers/${zoe.id}/export`, { token: manager.token });
  assert.equal(exported.status, 200);
  assert.deepEqual(
    exported.body.cases.map(
      (c: { subject: string; gestures: Array<{ kind: string; status: string; amount: number; currency: string }> }) => [
        c.subject,
        c.gestures.map((g) => `${g.kind}/${g.status} ${g.amount} ${g.currency}`),
      ],
    ),
    [['my jacket zip broke, I live at 4 Elm Street', ['replacement/pending 500 USD']]],
    'the amount as she was offered it, in dollars, not cents',
  );

  const admin = server.token;
  assert.equal((await http('DELETE', `${server.url}/api/customers/${zoe.id}`, { token: admin })).status, 200);
  const after = await http('GET', `${server.url}/api/cases/${caseId}`, { token: admin });
  assert.equal(after.status, 200, 'the case stays, for the numbers');
  assert.equal(after.body.subject, 'Erased on request');
  assert.deepEqual(after.body.messages, []);
  assert.deepEqual(
    after.body.gestures.map((g: { reason: string; status: string }) => [g.reason, g.status]),
    [['Erased on request', 'rejected']],
  );
  assert.ok(!JSON.stringify(after.body).includes('Elm Street'));
  const mentions = await http('GET', `${server.url}/api/mentions`, { token: manager.token });
  assert.ok(!JSON.stringify(mentions.body).includes('Elm Street'));
  const pending = await http('GET', `${server.url}/api/gestures`, { token: manager.token });
  assert.ok(
    !pending.body.items.some((g: { id: string }) => g.id === gesture.body.id),
    'nothing left to approve for her',
  );
});

test('a reply that cannot be delivered is kept in the outbox with the reason, not lost', async () => {
  const form = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: {
      name: 'Omar Haddad',
      email: 'omar@example.com',
      message: 'Where is my parcel? Tracking has not moved in a week.',
    },
  });
  assert.equal(form.status, 201, JSON.stringify(form.body));
  const reply = await http('POST', `${server.url}/api/cases/${form.body.caseNumber}/replies`, {
    token: agent.token,
    body: { text: 'Looking into it now.' },
  });
  assert.equal(reply.status, 201);
  assert.equal(reply.body.channel, 'email', 'a web-form case is answered by email');
  assert.equal(reply.body.delivery.status, 'queued', 'no SMTP server is configured in this test');
  assert.match(reply.body.delivery.error, /RAPPORT_SMTP_URL/);
});

test('bad input gets a clear error', async () => {
  const unknown = await http('GET', `${server.url}/api/cases/case_nope`, { token: agent.token });
  assert.equal(unknown.status, 404);
  const list = await http('GET', `${server.url}/api/cases?status=bogus`, { token: agent.token });
  assert.equal(list.status, 400);
  assert.match(list.body.errors[0].reason, /Unknown status bogus/);
  const cursor = await http('GET', `${server.url}/api/cases?cursor=zzz`, { token: agent.token });
  assert.equal(cursor.status, 400);
  const any = (await http('GET', `${server.url}/api/cases?limit=1`, { token: agent.token })).body.items[0];
  const patch = await http('PATCH', `${server.url}/api/cases/${any.id}`, {
    token: agent.token,
    body: { status: 'done', colour: 'red' },
  });
  assert.equal(patch.status, 400);
  const assignViewer = await http('PATCH', `${server.url}/api/cases/${any.id}`, {
    token: agent.token,
    body: { assigneeId: viewer.id },
  });
  assert.equal(assignViewer.status, 400);
  assert.equal(assignViewer.body.errors[0].field, 'assigneeId');
  const emptyReply = await http('POST', `${server.url}/api/cases/${any.id}/replies`, {
    token: agent.token,
    body: { text: '   ' },
  });
  assert.equal(emptyReply.status, 400);
  const badCurrency = await http('POST', `${server.url}/api/cases/${any.id}/gestures`, {
    token: agent.token,
    body: { kind: 'credit', amount: 5, currency: 'XYZ', reason: 'x' },
  });
  assert.equal(badCurrency.status, 400);
  assert.equal(badCurrency.body.errors[0].field, 'currency');
  const tooPrecise = await http('POST', `${server.url}/api/cases/${any.id}/gestures`, {
    token: agent.token,
    body: { kind: 'credit', amount: 5.555, currency: 'USD', reason: 'x' },
  });
  assert.equal(tooPrecise.status, 400);
  const badPost = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: { posts: [{ tweet_id: '1', author_id: 'a', inbound: 'maybe', created_at: 'yesterday', text: '' }] },
  });
  assert.equal(badPost.status, 400);
  assert.ok(badPost.body.errors.length >= 1);
  const noAuth = await http('POST', `${server.url}/api/channels/social/posts`, { body: { posts: [post('1', 'x')] } });
  assert.equal(noAuth.status, 401);
  const oversize = await http('POST', `${server.url}/api/cases/${any.id}/notes`, {
    token: agent.token,
    body: { text: 'x'.repeat(2_000_000) },
  });
  assert.equal(oversize.status, 413);
});
