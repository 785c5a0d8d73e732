// Ideas end to end (issue 14): an agent turns a customer's message into an idea keeping her words, others ask too,
// a duplicate is merged with every requester kept, statuses that owe a reason refuse to go without one, and each
// requester gets a personal reply (on her open case through its channel, else recorded) and is then answered.
// Demand and value are worked out by hand from the orders below.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let agent: string;
before(async () => {
  server = await startTestServer();
  agent = await server.staffToken('agent');
});
after(async () => server.close());

const api = (method: string, path: string, body?: unknown, token = agent) =>
  http(method, `${server.url}${path}`, { token, body });

let sources = 0;
/** Her message by email (a case opens) and, when given, an order she completed; returns ids. */
async function customerWrites(email: string, text: string, orderTotal?: number) {
  const interactions: unknown[] = [{ customer: { email }, channel: 'email', text, sourceId: `idea-msg-${++sources}` }];
  if (orderTotal !== undefined) {
    interactions.push({
      customer: { email },
      channel: 'order',
      type: 'track',
      event: 'Order Completed',
      properties: { total: orderTotal, currency: 'USD' },
      sourceId: `idea-order-${++sources}`,
    });
  }
  const posted = await api('POST', '/api/interactions', { interactions }, server.token);
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  const [message] = posted.body.results;
  return {
    customerId: message.customerId as string,
    interactionId: message.interactionId as string,
    caseId: message.caseId as string,
  };
}

test('an idea from a customer’s message, more requesters, a merged duplicate, statuses with reasons, replies', async () => {
  const ann = await customerWrites(
    'ann@example.com',
    'Please add gift wrapping, I would buy all my presents here',
    120,
  );
  const bo = await customerWrites('bo@example.com', 'Do you do gift wrap? My sister’s birthday is next week', 80.5);
  const cy = await customerWrites('cy@example.com', 'Gift wrapping please!');

  const created = await api('POST', '/api/ideas', {
    title: 'Gift wrapping at checkout',
    requester: { customerId: ann.customerId, interactionId: ann.interactionId },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const idea = created.body;
  assert.deepEqual(
    idea.requesters.map((requester: { text: string; answeredAt: string | null }) => [
      requester.text,
      requester.answeredAt,
    ]),
    [['Please add gift wrapping, I would buy all my presents here', null]],
    'her words, taken from her message',
  );

  const duplicate = await api('POST', '/api/ideas', {
    title: 'Gift wrap option',
    requester: { customerId: bo.customerId, interactionId: bo.interactionId },
  });
  await api('POST', `/api/ideas/${duplicate.body.id}/requesters`, {
    customerId: ann.customerId,
    text: 'Also ribbons in different colours',
  });
  const notHers = await api('POST', `/api/ideas/${idea.id}/requesters`, {
    customerId: cy.customerId,
    interactionId: bo.interactionId,
  });
  assert.equal(notHers.status, 400, 'an interaction of someone else');
  assert.equal(notHers.body.errors[0].field, 'interactionId', 'named as the schema names its fields');
  await api('POST', `/api/ideas/${idea.id}/requesters`, { customerId: cy.customerId, interactionId: cy.interactionId });

  const merged = await api('POST', `/api/ideas/${duplicate.body.id}/merge`, { intoId: String(idea.number) });
  assert.equal(merged.status, 200, JSON.stringify(merged.body));
  const byCustomer = new Map(
    merged.body.requesters.map((requester: { customerId: string; text: string }) => [
      requester.customerId,
      requester.text,
    ]),
  );
  assert.equal(byCustomer.size, 3, 'every customer once');
  assert.equal(
    byCustomer.get(ann.customerId),
    'Please add gift wrapping, I would buy all my presents here\n\nAlso ribbons in different colours',
    'no words lost in the merge',
  );
  // Demand and value: three requesters; 120 + 80.5 + 0 USD of completed orders.
  assert.deepEqual(merged.body.demand, { requesters: 3, unanswered: 3, value: { amount: 200.5, currency: 'USD' } });
  const list = await api('GET', '/api/ideas?sort=value');
  assert.deepEqual(
    list.body.items.map((item: { title: string; requesters: number }) => [item.title, item.requesters]),
    [['Gift wrapping at checkout', 3]],
    'the merged duplicate is no longer listed',
  );

  const noReason = await api('POST', `/api/ideas/${idea.id}/status`, { status: 'declined' });
  assert.equal(noReason.status, 400);
  assert.match(noReason.body.errors[0].reason, /Say why it is declined/);
  const planned = await api('POST', `/api/ideas/${idea.id}/status`, { status: 'planned' });
  assert.deepEqual([planned.body.status, planned.body.statusReason], ['planned', null]);

  // Ann's case is open: the reply goes on it, through its channel.
  const toAnn = await api('POST', `/api/ideas/${idea.id}/replies`, {
    customerId: ann.customerId,
    text: 'Ann, gift wrapping is planned for March; ribbons too. Thank you for asking!',
  });
  assert.equal(toAnn.status, 201, JSON.stringify(toAnn.body));
  assert.deepEqual([toAnn.body.via, toAnn.body.caseId], ['case', ann.caseId]);
  const annCase = await api('GET', `/api/cases/${ann.caseId}`);
  assert.match(annCase.body.messages.at(-1).text, /gift wrapping is planned for March/);

  // Cy's case is closed: no mail server here, so the reply is recorded as given by hand, on her timeline.
  await api('PATCH', `/api/cases/${cy.caseId}`, { status: 'resolved' });
  await api('PATCH', `/api/cases/${cy.caseId}`, { status: 'closed' });
  const toCy = await api('POST', `/api/ideas/${idea.id}/replies`, {
    customerId: cy.customerId,
    text: 'Called Cy: planned.',
  });
  assert.deepEqual([toCy.body.via, toCy.body.caseId], ['recorded', null]);
  const timeline = await api('GET', `/api/customers/${cy.customerId}/timeline`);
  assert.equal(timeline.body.items[0].text, 'Called Cy: planned.');

  const stranger = await customerWrites('dee@example.com', 'Hello');
  const notARequester = await api('POST', `/api/ideas/${idea.id}/replies`, {
    customerId: stranger.customerId,
    text: 'Hi',
  });
  assert.equal(notARequester.status, 400);

  const shown = await api('GET', `/api/ideas/${idea.number}`);
  const answered = new Map(
    shown.body.requesters.map((requester: { customerId: string; answeredAt: string | null }) => [
      requester.customerId,
      requester.answeredAt !== null,
    ]),
  );
  assert.deepEqual(
    [answered.get(ann.customerId), answered.get(bo.customerId), answered.get(cy.customerId)],
    [true, false, true],
  );
  assert.equal(shown.body.demand.unanswered, 1, 'Bo still waits for an answer');
  assert.deepEqual(
    shown.body.history.map((entry: { change: Record<string, unknown> }) => Object.keys(entry.change)[0]),
    ['created', 'requesterAdded', 'merged', 'status'],
  );

  // The black-hole metric: three requests, two answered at once, one (Bo's) waiting; none is 7 days old yet.
  const metric = await api('GET', '/api/metrics/feedback?days=7');
  assert.equal(metric.status, 200, JSON.stringify(metric.body));
  assert.deepEqual([metric.body.ideas.judged, metric.body.ideas.waiting, metric.body.ideas.rate], [0, 1, null]);
  assert.ok(metric.body.ideas.medianReplyHours < 1, 'answered within the hour');

  // Erasure takes her requests and replies; export shows them before.
  const exported = await api('GET', `/api/customers/${bo.customerId}/export`, undefined, server.token);
  assert.deepEqual(
    exported.body.ideaRequests.map((request: { title: string }) => request.title),
    ['Gift wrapping at checkout'],
  );
  assert.equal((await api('DELETE', `/api/customers/${bo.customerId}`, undefined, server.token)).status, 200);
  const afterErasure = await api('GET', `/api/ideas/${idea.id}`);
  assert.equal(afterErasure.body.demand.requesters, 2);
});
