// Sign-in hardening, personal tokens and staff settings over real HTTP: forwarded addresses believed only
// from configured proxies, password spraying and floods held back, tokens listed, used and revoked,
// one password policy, and a new password or a disabled account ending every session and token.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { passwordHashing, usePasswordHashCost } from '../src/staff/password.ts';
import { SIGN_IN_LIMITS } from '../src/staff/sign-in-throttle.ts';

const PASSWORD = 'a long enough password';

function login(server: TestServer, email: string, password: string, from?: string) {
  return http('POST', `${server.url}/api/auth/login`, {
    body: { email, password },
    headers: from ? { 'x-forwarded-for': from } : {},
  });
}

async function cookieOf(server: TestServer, email: string, password: string): Promise<string> {
  const res = await login(server, email, password);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function addStaff(server: TestServer, email: string, role = 'agent'): Promise<string> {
  const res = await http('POST', `${server.url}/api/staff`, {
    token: server.token,
    body: { email, name: email.split('@')[0], role, password: PASSWORD },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function newToken(server: TestServer, cookie: string, name: string): Promise<{ id: string; token: string }> {
  const res = await http('POST', `${server.url}/api/tokens`, { headers: { cookie }, body: { name } });
  assert.equal(res.status, 201);
  return res.body;
}

describe('without RAPPORT_TRUST_PROXY', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(async () => server.close());

  test('a spoofed X-Forwarded-For does not escape the per-address limit, nor land in the audit trail', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail; i++) {
      assert.equal((await login(server, 'target@example.com', 'wrong guess', `203.0.113.${i}`)).status, 401);
    }
    const limited = await login(server, 'target@example.com', 'wrong guess', '203.0.113.250');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    await http('GET', `${server.url}/api/staff`, {
      token: server.token,
      headers: { 'x-forwarded-for': '198.51.100.99' },
    });
    const created = await http('POST', `${server.url}/api/write-keys`, {
      token: server.token,
      headers: { 'x-forwarded-for': '198.51.100.99' },
      body: { name: 'Spoof check', source: 'spoof' },
    });
    assert.equal(created.status, 201);
    const entry = (await http('GET', `${server.url}/api/audit?action=write_key.created`, { token: server.token })).body
      .items[0];
    assert.equal(entry.ip, '127.0.0.1');
  });

  test('password spraying: failures across many emails from one address stop that address', async () => {
    // The previous test spent ten of this address's failures; spray the rest over different emails.
    for (let i = SIGN_IN_LIMITS.perAddressAndEmail; i < SIGN_IN_LIMITS.perAddress; i++) {
      assert.equal((await login(server, `person${i}@example.com`, 'Summer2026!')).status, 401, `attempt ${i}`);
    }
    const next = await login(server, 'someone-new@example.com', 'Summer2026!');
    assert.equal(next.status, 429);
    assert.match(next.body.detail, /from your address/);
    assert.equal(
      (await login(server, server.adminEmail, server.adminPassword)).status,
      429,
      'even a right password waits',
    );
  });
});

describe('with RAPPORT_TRUST_PROXY naming the proxy', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ env: { RAPPORT_TRUST_PROXY: '127.0.0.1' } })));
  after(async () => server.close());

  test('the address the proxy forwards is the client: each has its own per-address limit', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail + 2; i++) {
      assert.equal(
        (await login(server, 'other@example.com', 'wrong guess', `203.0.113.${i}`)).status,
        401,
        `address ${i}`,
      );
    }
    const created = await http('POST', `${server.url}/api/write-keys`, {
      token: server.token,
      headers: { 'x-forwarded-for': '198.51.100.99' },
      body: { name: 'Proxied', source: 'proxied' },
    });
    assert.equal(created.status, 201);
    const entry = (await http('GET', `${server.url}/api/audit?action=write_key.created`, { token: server.token })).body
      .items[0];
    assert.equal(entry.ip, '198.51.100.99');
  });

  test('guessing one account from many addresses is stopped, but not from where its owner signed in before', async () => {
    const email = await addStaff(server, 'ann@example.com').then(() => 'ann@example.com');
    assert.equal((await login(server, email, PASSWORD, '192.0.2.7')).status, 200, 'Ann at her office');
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      assert.equal(
        (await login(server, email, 'wrong guess', `198.18.${Math.floor(i / 200)}.${i % 200}`)).status,
        401,
        `guess ${i}`,
      );
    }
    const stranger = await login(server, email, PASSWORD, '198.19.0.1');
    assert.equal(stranger.status, 429);
    assert.match(stranger.body.detail, /for this account/);
    assert.equal(
      (await login(server, email, PASSWORD, '192.0.2.7')).status,
      200,
      'Ann is not locked out of her own account',
    );
  });

  test('a flood of sign-ins never runs more than two password hashes at once; the overflow is told to come back', async () => {
    // At the real cost, so that hashes last long enough for the flood to queue up behind them.
    const before = usePasswordHashCost('production');
    const responses = await Promise.all(
      Array.from({ length: 48 }, (_, i) => login(server, `flood${i}@example.com`, 'wrong guess', `100.64.0.${i}`)),
    ).finally(() => usePasswordHashCost(before));
    const stats = passwordHashing.stats();
    assert.ok(stats.peakRunning <= 2, `at most two hashes in flight, saw ${stats.peakRunning}`);
    assert.equal(stats.running, 0);
    for (const res of responses) {
      assert.ok(res.status === 401 || res.status === 503, String(res.status));
      if (res.status === 503) {
        assert.equal(res.body.code, 'server_busy');
        assert.ok(Number(res.headers.get('retry-after')) > 0);
      }
    }
    assert.ok(responses.some((res) => res.status === 401));
  });
});

describe('tokens, passwords and accounts', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(async () => server.close());

  test('everyone lists their own tokens with name, created and last use; only admins see others’', async () => {
    const samId = await addStaff(server, 'sam@example.com');
    const cookie = await cookieOf(server, 'sam@example.com', PASSWORD);
    const script = await newToken(server, cookie, 'nightly export');
    await newToken(server, cookie, 'unused');
    const before = (await http('GET', `${server.url}/api/tokens`, { headers: { cookie } })).body.items;
    assert.deepEqual(before.map((t: { name: string }) => t.name).sort(), ['nightly export', 'unused']);
    assert.ok(
      before.every(
        (t: { lastUsedAt: null; revokedAt: null; createdAt: string }) =>
          t.lastUsedAt === null && t.revokedAt === null && t.createdAt,
      ),
    );
    assert.ok(!JSON.stringify(before).includes(script.token), 'the secret is never listed');

    assert.equal((await http('GET', `${server.url}/api/auth/me`, { token: script.token })).status, 200);
    const used = (await http('GET', `${server.url}/api/tokens`, { token: script.token })).body.items;
    assert.ok(used.find((t: { id: string }) => t.id === script.id).lastUsedAt, 'its last use is recorded');

    const admins = await http('GET', `${server.url}/api/tokens?staffId=${samId}`, { token: server.token });
    assert.equal(admins.status, 200);
    assert.equal(admins.body.items.length, 2);
    const adminId = (await http('GET', `${server.url}/api/auth/me`, { token: server.token })).body.id;
    const nosy = await http('GET', `${server.url}/api/tokens?staffId=${adminId}`, { headers: { cookie } });
    assert.equal(nosy.status, 403);
  });

  test('a revoked token stops working at once; only its owner or an admin may revoke it; the revocation is audited', async () => {
    const cookie = await cookieOf(server, 'sam@example.com', PASSWORD);
    const mine = await newToken(server, cookie, 'to revoke');
    const adminTokens = (await http('GET', `${server.url}/api/tokens`, { token: server.token })).body.items;
    const notMine = await http('DELETE', `${server.url}/api/tokens/${adminTokens[0].id}`, { headers: { cookie } });
    assert.equal(notMine.status, 404, 'another person’s token is not found for a non-admin');

    const revoked = await http('DELETE', `${server.url}/api/tokens/${mine.id}`, { headers: { cookie } });
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revokedAt);
    const refused = await http('GET', `${server.url}/api/auth/me`, { token: mine.token });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'invalid_token');

    const other = await newToken(server, cookie, 'admin revokes');
    assert.equal((await http('DELETE', `${server.url}/api/tokens/${other.id}`, { token: server.token })).status, 200);
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { token: other.token })).status, 401);

    const entries = (await http('GET', `${server.url}/api/audit?action=api_token.revoked`, { token: server.token }))
      .body.items;
    const byAdmin = entries.find((entry: { detail: { target: string } }) => entry.detail.target === other.id);
    assert.ok(byAdmin, JSON.stringify(entries));
    assert.equal(byAdmin.ip, '127.0.0.1');
    assert.ok(byAdmin.requestId);
  });

  test('a disabled account loses every session and token; enabling it again brings none back', async () => {
    const id = await addStaff(server, 'dee@example.com');
    const cookie = await cookieOf(server, 'dee@example.com', PASSWORD);
    const { token } = await newToken(server, cookie, 'script');
    assert.equal(
      (await http('PATCH', `${server.url}/api/staff/${id}`, { token: server.token, body: { disabled: true } })).status,
      200,
    );
    assert.equal(
      (await http('PATCH', `${server.url}/api/staff/${id}`, { token: server.token, body: { disabled: false } })).status,
      200,
    );
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).status, 401, 'the token stays revoked');
    assert.equal(
      (await http('GET', `${server.url}/api/auth/me`, { headers: { cookie } })).status,
      401,
      'the session stays ended',
    );
    const listed = (await http('GET', `${server.url}/api/tokens?staffId=${id}`, { token: server.token })).body.items;
    assert.ok(listed[0].revokedAt);
    assert.equal((await login(server, 'dee@example.com', PASSWORD)).status, 200, 'she can sign in again');
    const staff = (await http('GET', `${server.url}/api/staff`, { token: server.token })).body.items;
    assert.equal(
      staff.find((member: { id: string }) => member.id === id).disabled,
      false,
      'the list says who is disabled',
    );
  });

  test('an admin resets a password: the old one stops working, every session and token ends, audited without the password', async () => {
    const id = await addStaff(server, 'rae@example.com');
    const cookie = await cookieOf(server, 'rae@example.com', PASSWORD);
    const { token } = await newToken(server, cookie, 'script');
    const common = await http('POST', `${server.url}/api/staff/${id}/password`, {
      token: server.token,
      body: { password: 'password1234' },
    });
    assert.equal(common.status, 400);
    assert.equal(common.body.errors[0].field, 'password');
    const reset = await http('POST', `${server.url}/api/staff/${id}/password`, {
      token: server.token,
      body: { password: 'violet tractor spoon lagoon' },
    });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).status, 401);
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie } })).status, 401);
    assert.equal((await login(server, 'rae@example.com', PASSWORD)).status, 401);
    assert.equal((await login(server, 'rae@example.com', 'violet tractor spoon lagoon')).status, 200);
    const entry = (await http('GET', `${server.url}/api/audit?action=staff.password_reset`, { token: server.token }))
      .body.items[0];
    assert.equal(entry.detail.target, id);
    assert.equal(entry.detail.input.password, '[redacted]');
    assert.ok(entry.requestId);
    const agent = await server.staffToken('agent');
    assert.equal(
      (
        await http('POST', `${server.url}/api/staff/${id}/password`, {
          token: agent,
          body: { password: 'violet tractor spoon lagoon' },
        })
      ).status,
      403,
    );
  });

  test('changing your own password needs the current one, ends your other sessions and tokens, and keeps you signed in here', async () => {
    await addStaff(server, 'cy@example.com');
    const here = await cookieOf(server, 'cy@example.com', PASSWORD);
    const elsewhere = await cookieOf(server, 'cy@example.com', PASSWORD);
    const { token } = await newToken(server, here, 'script');
    const wrong = await http('POST', `${server.url}/api/auth/password`, {
      headers: { cookie: here },
      body: { currentPassword: 'not my password', newPassword: 'violet tractor spoon lagoon' },
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors[0].field, 'currentPassword');
    const changed = await http('POST', `${server.url}/api/auth/password`, {
      headers: { cookie: here },
      body: { currentPassword: PASSWORD, newPassword: 'violet tractor spoon lagoon' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const fresh = (changed.headers.get('set-cookie') ?? '').split(';')[0]!;
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie: fresh } })).status, 200);
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie: elsewhere } })).status, 401);
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie: here } })).status, 401);
    assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).status, 401);
    const entry = (await http('GET', `${server.url}/api/audit?action=staff.password_changed`, { token: server.token }))
      .body.items[0];
    assert.deepEqual(entry.detail.input, { currentPassword: '[redacted]', newPassword: '[redacted]' });
  });

  test('one password policy on every route that sets one: at least 12 characters and not common, with the reason', async () => {
    const tooShort = await http('POST', `${server.url}/api/staff`, {
      token: server.token,
      body: { email: 'p1@example.com', name: 'P', role: 'agent', password: 'elevenchars' },
    });
    assert.equal(tooShort.status, 400);
    assert.match(tooShort.body.errors[0].reason, /at least 12 characters/);
    const common = await http('POST', `${server.url}/api/staff`, {
      token: server.token,
      body: { email: 'p2@example.com', name: 'P', role: 'agent', password: 'Password123!' },
    });
    assert.equal(common.status, 400);
    assert.match(common.body.errors[0].reason, /too easy to guess.*not a common password/);
    const id = await addStaff(server, 'p3@example.com');
    const patch = await http('PATCH', `${server.url}/api/staff/${id}`, {
      token: server.token,
      body: { password: 'qwertyuiop123' },
    });
    assert.equal(patch.status, 400);
    assert.equal(patch.body.errors[0].field, 'password');
    const cookie = await cookieOf(server, 'p3@example.com', PASSWORD);
    const own = await http('POST', `${server.url}/api/auth/password`, {
      headers: { cookie },
      body: { currentPassword: PASSWORD, newPassword: 'iloveyou12345' },
    });
    assert.equal(own.status, 400);
    assert.equal(own.body.errors[0].field, 'newPassword');
  });
});
