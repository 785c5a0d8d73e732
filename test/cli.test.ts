// The `rapport` command as a real process against the same database a running server uses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

function rapport(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/rapport.js', ...args, '--data-dir', server.dataDir], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('writekey create prints a key the tracking API accepts at once', async () => {
  const run = rapport('writekey', 'create', '--name', 'CRM', '--source', 'crm');
  assert.equal(run.code, 0, run.stderr);
  const key = /^(wk_\S+)$/m.exec(run.stdout)?.[1];
  assert.ok(key, run.stdout);
  const res = await http('POST', `${server.url}/v1/identify`, { writeKey: key, body: { userId: '42', traits: { email: 'lia@example.com' } } });
  assert.equal(res.status, 200);
  const card = await http('GET', `${server.url}/api/customers/lookup?external=crm:42`, { token: server.token });
  assert.equal(card.status, 200);
  assert.match(rapport('writekey', 'list').stdout, /CRM\tcrm\twk_/);
});

test('token create prints a Bearer token for a staff member; unknown emails are refused', async () => {
  const run = rapport('token', 'create', '--email', server.adminEmail);
  assert.equal(run.code, 0, run.stderr);
  const token = /^(rpt_\S+)$/m.exec(run.stdout)?.[1];
  assert.ok(token);
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).body.email, server.adminEmail);
  const unknown = rapport('token', 'create', '--email', 'ghost@example.com');
  assert.equal(unknown.code, 3);
  assert.match(unknown.stderr, /No staff member with email ghost@example.com/);
});

test('staff create checks its arguments', () => {
  const badRole = rapport('staff', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'boss', '--password', 'long enough pw');
  assert.notEqual(badRole.code, 0);
  assert.match(badRole.stderr, /one of admin, manager, agent, viewer/);
  const missing = rapport('writekey', 'create');
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /--name/);
  const ok = rapport('staff', 'create', '--email', 'Ola@example.com', '--name', 'Ola', '--role', 'agent', '--password', 'long enough pw');
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Created agent ola@example.com/);
});

test('a merge made by an import in another process is seen by the running server at its next batch', async () => {
  const post = (interactions: unknown[]) => http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions } });
  const byEmail = (await post([{ customer: { email: 'mo@example.com' }, channel: 'email', sourceId: 'x1' }])).body.results[0].customerId;
  const byPhone = (await post([{ customer: { phone: '+14155550142' }, channel: 'phone', sourceId: 'x2' }])).body.results[0].customerId;
  const { writeFileSync } = await import('node:fs');
  const file = `${server.dataDir}/tie.csv`;
  writeFileSync(file, 'customer.email,customer.phone,channel,text\nmo@example.com,+14155550142,chat,Both mine\n');
  const run = rapport('import', file);
  assert.equal(run.code, 0, run.stderr + run.stdout);
  // The server's identity cache still maps the phone to the merged-away profile; the epoch says otherwise.
  const after = await post([{ customer: { phone: '+14155550142' }, channel: 'phone', sourceId: 'x3' }]);
  assert.equal(after.body.results[0].customerId, byEmail);
  assert.notEqual(byEmail, byPhone);
});
