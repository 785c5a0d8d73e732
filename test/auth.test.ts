// Sign-in, sessions, Bearer tokens and roles over real HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

test('every /api route needs a signed-in staff member', async () => {
  for (const path of [
    '/api/customers',
    '/api/customers/lookup?email=a@b.co',
    '/api/audit',
    '/api/write-keys',
    '/api/auth/me',
  ]) {
    const res = await http('GET', `${server.url}${path}`);
    assert.equal(res.status, 401, path);
    assert.equal(res.body.code, 'not_signed_in');
  }
  const badToken = await http('GET', `${server.url}/api/customers`, { token: 'rpt_forged' });
  assert.equal(badToken.status, 401);
  assert.equal(badToken.body.code, 'invalid_token');
});

test('sign-in sets an httpOnly session cookie that signs the browser in, and sign-out ends it', async () => {
  const wrong = await http('POST', `${server.url}/api/auth/login`, {
    body: { email: server.adminEmail, password: 'wrong' },
  });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.detail, 'Email or password is wrong');
  const unknown = await http('POST', `${server.url}/api/auth/login`, {
    body: { email: 'nobody@example.com', password: 'x' },
  });
  assert.equal(unknown.body.detail, wrong.body.detail, 'no hint which emails exist');
  const missing = await http('POST', `${server.url}/api/auth/login`, { body: { email: server.adminEmail } });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.errors[0].field, 'password');

  const ok = await http('POST', `${server.url}/api/auth/login`, {
    body: { email: 'ADMIN@example.com', password: server.adminPassword },
  });
  assert.equal(ok.status, 200);
  const setCookie = ok.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /rapport_session=ses_/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  const cookie = setCookie.split(';')[0]!;
  const me = await http('GET', `${server.url}/api/auth/me`, { headers: { cookie } });
  assert.equal(me.status, 200);
  assert.equal(me.body.role, 'admin');
  assert.ok(me.body.permissions.includes('staff:manage'));
  assert.equal((await http('POST', `${server.url}/api/auth/logout`, { headers: { cookie } })).status, 204);
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie } })).status, 401);
});

test('admins create staff; other roles may not; tokens act as their staff member', async () => {
  const manager = await server.staffToken('manager');
  const denied = await http('POST', `${server.url}/api/staff`, {
    token: manager,
    body: { email: 'x@example.com', name: 'X', role: 'agent', password: 'long enough pw' },
  });
  assert.equal(denied.status, 403);
  const created = await http('POST', `${server.url}/api/staff`, {
    token: server.token,
    body: { email: 'Sam@Example.com', name: 'Sam', role: 'agent', department: 'support', password: 'long enough pw' },
  });
  assert.equal(created.status, 201);
  assert.equal(created.body.email, 'sam@example.com');
  assert.ok(!('passwordHash' in created.body));
  const duplicate = await http('POST', `${server.url}/api/staff`, {
    token: server.token,
    body: { email: 'sam@example.com', name: 'Sam', role: 'agent', password: 'long enough pw' },
  });
  assert.equal(duplicate.status, 409);
  const weak = await http('POST', `${server.url}/api/staff`, {
    token: server.token,
    body: { email: 'w@example.com', name: 'W', role: 'boss', password: 'short' },
  });
  assert.equal(weak.status, 400);
  assert.deepEqual(weak.body.errors.map((e: { field: string }) => e.field).sort(), ['password', 'role']);

  const login = await http('POST', `${server.url}/api/auth/login`, {
    body: { email: 'sam@example.com', password: 'long enough pw' },
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = await http('POST', `${server.url}/api/tokens`, { headers: { cookie }, body: { name: 'script' } });
  assert.equal(token.status, 201);
  const me = await http('GET', `${server.url}/api/auth/me`, { token: token.body.token });
  assert.equal(me.body.email, 'sam@example.com');
});

test('the OpenAPI document lists the routes with their permissions', async () => {
  const doc = await http('GET', `${server.url}/api/openapi.json`);
  assert.equal(doc.status, 200);
  assert.equal(doc.body.openapi, '3.1.0');
  assert.equal(doc.body.paths['/api/customers/{id}'].get['x-permission'], 'customers:read');
  assert.ok(doc.body.paths['/v1/batch'].post.requestBody);
});

test('unknown API routes answer a 404 problem, not the UI', async () => {
  const res = await http('GET', `${server.url}/api/nope`, { token: server.token });
  assert.equal(res.status, 404);
  assert.equal(res.body.code, 'route_not_found');
});

test('repeated failed sign-ins are slowed down with 429 and Retry-After', async () => {
  const attempt = () =>
    http('POST', `${server.url}/api/auth/login`, { body: { email: 'target@example.com', password: 'guess' } });
  for (let i = 0; i < 10; i++) assert.equal((await attempt()).status, 401);
  const limited = await attempt();
  assert.equal(limited.status, 429);
  assert.equal(limited.body.code, 'too_many_attempts');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

test('admins change roles and disable accounts; a disabled account is signed out everywhere; the last admin stays', async () => {
  const created = await http('POST', `${server.url}/api/staff`, {
    token: server.token,
    body: { email: 'temp@example.com', name: 'Temp', role: 'agent', password: 'long enough pw' },
  });
  const login = await http('POST', `${server.url}/api/auth/login`, {
    body: { email: 'temp@example.com', password: 'long enough pw' },
  });
  assert.ok(login.body.staff.permissions.includes('customers:write'), 'sign-in answers with the permissions');
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const promoted = await http('PATCH', `${server.url}/api/staff/${created.body.id}`, {
    token: server.token,
    body: { role: 'manager' },
  });
  assert.equal(promoted.body.role, 'manager');
  const disabled = await http('PATCH', `${server.url}/api/staff/${created.body.id}`, {
    token: server.token,
    body: { disabled: true },
  });
  assert.equal(disabled.body.disabled, true);
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie } })).status, 401);
  const relogin = await http('POST', `${server.url}/api/auth/login`, {
    body: { email: 'temp@example.com', password: 'long enough pw' },
  });
  assert.equal(relogin.status, 401);
  const me = await http('GET', `${server.url}/api/auth/me`, { token: server.token });
  const lastAdmin = await http('PATCH', `${server.url}/api/staff/${me.body.id}`, {
    token: server.token,
    body: { role: 'viewer' },
  });
  assert.equal(lastAdmin.status, 409);
  assert.equal(lastAdmin.body.code, 'last_admin');
  const empty = await http('PATCH', `${server.url}/api/staff/${me.body.id}`, { token: server.token, body: {} });
  assert.equal(empty.status, 400);
  assert.equal(
    (await http('PATCH', `${server.url}/api/staff/stf_missing`, { token: server.token, body: { name: 'X' } })).status,
    404,
  );
});
