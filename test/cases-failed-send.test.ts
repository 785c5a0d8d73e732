// A reply that cannot be sent is not a first response: the composer is told where a reply goes or
// plainly why it cannot go, the first-response clock stops only when the outbox hands a reply to its
// channel, and a reply that did not go out shows on the case and in the "Failed to send" queue, with a retry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;
let agent: string;

before(async () => {
  // No RAPPORT_SMTP_URL: email has no way out; the recorded social adapter does.
  server = await startTestServer();
  agent = await server.staffToken('agent');
});

after(async () => {
  await server.close();
});

async function caseFrom(customer: Record<string, unknown>, channel: string, sourceId: string): Promise<string> {
  const stored = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [{ customer, channel, text: 'My order never came', sourceId }] },
  });
  assert.equal(stored.status, 200, JSON.stringify(stored.body));
  return stored.body.results[0].caseId;
}

test('with no outbound mail server, the composer is told so, and a reply written anyway is not a first response', async () => {
  const caseId = await caseFrom({ email: 'jane@example.com' }, 'email', 'mail-1');
  const target = await http('GET', `${server.url}/api/cases/${caseId}/reply-target`, { token: agent });
  assert.equal(target.status, 200, JSON.stringify(target.body));
  assert.equal(target.body.canSend, false);
  assert.equal(target.body.description, null);
  assert.match(target.body.reason, /no outbound mail server is configured \(RAPPORT_SMTP_URL\)/);

  const reply = await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent,
    body: { text: 'Looking into it.' },
  });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  assert.equal(reply.body.delivery.status, 'queued');
  assert.match(reply.body.delivery.error, /RAPPORT_SMTP_URL/);
  const detail = await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent });
  assert.equal(detail.body.firstResponseAt, null, 'she has not heard from us: the first-response clock still runs');
  assert.ok(detail.body.sla.firstResponseDueAt);
  assert.equal(detail.body.lastOutboundAt, null);
  assert.equal(detail.body.status, 'open', 'someone is working on it');

  const failed = await http('GET', `${server.url}/api/cases/undelivered`, { token: agent });
  assert.equal(failed.status, 200, JSON.stringify(failed.body));
  const listed = failed.body.items.find((item: { id: string }) => item.id === caseId);
  assert.ok(listed, 'in the Failed to send queue');
  assert.equal(listed.undelivered.messageId, reply.body.id);
  assert.match(listed.undelivered.error, /RAPPORT_SMTP_URL/);

  const retried = await http('POST', `${server.url}/api/cases/${caseId}/replies/${reply.body.id}/retry`, {
    token: agent,
  });
  assert.equal(retried.status, 200, JSON.stringify(retried.body));
  assert.equal(retried.body.delivery.status, 'queued', 'tried again at once, and still no way out');
  assert.equal(retried.body.delivery.attempts, 1, 'a fresh round of tries');
  const history = (await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent })).body.history;
  assert.ok(history.some((entry: { change: Record<string, unknown> }) => 'retry' in entry.change));
});

test('a social case: the composer names the public reply, and the reply counts once handed to the channel', async () => {
  const caseId = await caseFrom({ handles: { x: '@jane_x' } }, 'social', 'post-1');
  const target = await http('GET', `${server.url}/api/cases/${caseId}/reply-target`, { token: agent });
  assert.deepEqual(
    { canSend: target.body.canSend, to: target.body.to, description: target.body.description },
    { canSend: true, to: '@jane_x', description: 'public reply to @jane_x on X' },
  );
  const reply = await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent,
    body: { text: 'On it!' },
  });
  assert.equal(reply.body.delivery.status, 'sent');
  const detail = await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent });
  assert.ok(detail.body.firstResponseAt, 'sent: a first response');
  assert.ok(Date.parse(detail.body.firstResponseAt) >= Date.parse(reply.body.at));
  const failed = await http('GET', `${server.url}/api/cases/undelivered`, { token: agent });
  assert.ok(!failed.body.items.some((item: { id: string }) => item.id === caseId));
  const again = await http('POST', `${server.url}/api/cases/${caseId}/replies/${reply.body.id}/retry`, {
    token: agent,
  });
  assert.equal(again.status, 409, 'a sent reply is not sent twice');
});

test('a customer with no address on the channel: the composer says so, and a reply fails at once with the reason', async () => {
  // A social case from someone we know only by email: there is no handle to post to.
  const caseId = await caseFrom({ email: 'noor@example.com' }, 'social', 'post-2');
  const target = await http('GET', `${server.url}/api/cases/${caseId}/reply-target`, { token: agent });
  assert.equal(target.body.canSend, false);
  assert.match(target.body.reason, /no X handle on file/);
  const reply = await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agent,
    body: { text: 'Hello?' },
  });
  assert.equal(reply.body.delivery.status, 'failed');
  const failed = await http('GET', `${server.url}/api/cases/undelivered`, { token: agent });
  const listed = failed.body.items.find((item: { id: string }) => item.id === caseId);
  assert.equal(listed?.undelivered.status, 'failed');
  assert.equal((await http('GET', `${server.url}/api/cases/${caseId}`, { token: agent })).body.firstResponseAt, null);
  const viewer = await server.staffToken('viewer');
  assert.equal((await http('GET', `${server.url}/api/cases/${caseId}/reply-target`, { token: viewer })).status, 403);
});
