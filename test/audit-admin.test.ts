// The audit trail of administrative changes over real HTTP: who created or changed staff, keys and
// help-desk settings, with secrets left out; a refused change leaves no entry; filters by person and action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, http, type TestServer } from './helpers/server.ts';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server.close();
});

const audit = async (query: string) =>
  (await http('GET', `${server.url}/api/audit?${query}`, { token: server.token })).body.items;

test('staff, key and settings changes are audited with who made them; passwords never reach the trail', async () => {
  const admin = (await http('GET', `${server.url}/api/auth/me`, { token: server.token })).body;
  const created = await http('POST', `${server.url}/api/staff`, {
    token: server.token,
    body: { email: 'mo@example.com', name: 'Mo', role: 'agent', password: 'plum harbour winter kites' },
  });
  assert.equal(created.status, 201);
  const promoted = await http('PATCH', `${server.url}/api/staff/${created.body.id}`, {
    token: server.token,
    body: { role: 'manager', empowermentLimit: { amount: 500, currency: 'USD' } },
  });
  assert.equal(promoted.status, 200);
  const key = await http('POST', `${server.url}/api/write-keys`, {
    token: server.token,
    body: { name: 'Shop', source: 'shop' },
  });
  assert.equal(key.status, 201, JSON.stringify(key.body));

  const first = (await audit('action=staff.created')).find(
    (entry: { detail: { target: string } }) => entry.detail.target === admin.id,
  );
  assert.equal(first?.actorKind, 'system', 'the install created the first admin, and says so');
  const byAdmin = await audit(`actorId=${admin.id}`);
  const actions = byAdmin.map((entry: { action: string }) => entry.action);
  for (const action of ['staff.created', 'staff.changed', 'write_key.created'])
    assert.ok(actions.includes(action), `${action} in ${actions}`);
  const creation = byAdmin.find((entry: { action: string }) => entry.action === 'staff.created');
  assert.equal(creation.detail.target, created.body.id, 'the entry names the account it created');
  assert.equal(creation.detail.input.password, '[redacted]');
  assert.ok(!JSON.stringify(byAdmin).includes('plum harbour'), 'no password anywhere in the trail');
  assert.ok(key.body.key && !JSON.stringify(byAdmin).includes(key.body.key), 'nor the new write key');
  const change = byAdmin.find((entry: { action: string }) => entry.action === 'staff.changed');
  assert.deepEqual(
    change.detail.input,
    { role: 'manager', empowermentLimit: { amount: 500, currency: 'USD' } },
    'what changed: the role and the gesture limit',
  );

  const manager = await server.staffToken('manager');
  const me = (await http('GET', `${server.url}/api/auth/me`, { token: manager })).body;
  const team = await http('POST', `${server.url}/api/teams`, { token: manager, body: { name: 'Returns' } });
  assert.equal((await http('POST', `${server.url}/api/teams/${team.body.id}/archive`, { token: manager })).status, 200);
  const archived = await audit('action=team.archived');
  assert.equal(archived.length, 1);
  assert.equal(archived[0].actorId, me.id);
  assert.equal(archived[0].detail.target, team.body.id);
  assert.ok(archived[0].requestId, 'the request can be found in the logs');

  const defaultTeam = (await http('GET', `${server.url}/api/teams`, { token: manager })).body.items.find(
    (t: { isDefault: boolean }) => t.isDefault,
  );
  assert.equal(
    (await http('POST', `${server.url}/api/teams/${defaultTeam.id}/archive`, { token: manager })).status,
    409,
  );
  assert.equal((await audit('action=team.archived')).length, 1, 'a refused change leaves no entry');
  assert.equal(
    (await http('GET', `${server.url}/api/audit?action=team`, { token: server.token })).status,
    400,
    'an action is kind.verb',
  );
  const agent = await server.staffToken('agent');
  assert.equal(
    (await http('GET', `${server.url}/api/audit?actorId=${me.id}`, { token: agent })).status,
    403,
    'agents do not read the trail',
  );
});
