// The `rapport` command against the same database a running server uses: in-process through runCli, and as a
// real process where that is the point (its exit status; a change made by another process).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { runRapport } from './helpers/cli.ts';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

/** Runs a command line in this process, with its output captured. */
const rapport = (...args: string[]) => runRapport([...args, '--data-dir', server.dataDir]);

/** Runs the real `rapport` binary in a child process (without blocking this one, which serves the API). */
function rapportProcess(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/rapport.js', ...args, '--data-dir', server.dataDir],
      { encoding: 'utf8' },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

test('writekey create prints a key the tracking API accepts at once', async () => {
  const run = await rapport('writekey', 'create', '--name', 'CRM', '--source', 'crm');
  assert.equal(run.code, 0, run.stderr);
  const key = /^(wk_\S+)$/m.exec(run.stdout)?.[1];
  assert.ok(key, run.stdout);
  const res = await http('POST', `${server.url}/v1/identify`, {
    writeKey: key,
    body: { userId: '42', traits: { email: 'lia@example.com' } },
  });
  assert.equal(res.status, 200);
  const card = await http('GET', `${server.url}/api/customers/lookup?external=crm:42&after=${res.body.position}`, {
    token: server.token,
  });
  assert.equal(card.status, 200);
  assert.match((await rapport('writekey', 'list')).stdout, /CRM\tcrm\twk_/);
});

test('token create prints a Bearer token for a staff member; unknown emails are refused', async () => {
  const run = await rapport('token', 'create', '--email', server.adminEmail);
  assert.equal(run.code, 0, run.stderr);
  const token = /^(rpt_\S+)$/m.exec(run.stdout)?.[1];
  assert.ok(token);
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).body.email, server.adminEmail);
  const unknown = await rapportProcess('token', 'create', '--email', 'ghost@example.com');
  assert.equal(unknown.code, 3);
  assert.match(unknown.stderr, /No staff member with email ghost@example.com/);
});

test('token list shows a staff member’s tokens with their last use; token revoke ends one at once, audited', async () => {
  const created = await rapport('token', 'create', '--email', server.adminEmail, '--name', 'deploy script');
  const token = /^(rpt_\S+)$/m.exec(created.stdout)![1]!;
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).status, 200);
  const listed = await rapport('token', 'list', '--email', server.adminEmail);
  assert.equal(listed.code, 0, listed.stderr);
  const line = listed.stdout.split('\n').find((row) => row.includes('\tdeploy script\t'));
  assert.ok(line, listed.stdout);
  assert.match(line, /^tok_\S+\tdeploy script\tcreated \S+\tlast used 20\S+\tactive$/);
  assert.ok(!listed.stdout.includes(token), 'the secret is never printed again');
  const id = line.split('\t')[0]!;
  const revoked = await rapport('token', 'revoke', id);
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.match(revoked.stdout, /Revoked token tok_\S+ \(deploy script\)/);
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).status, 401);
  assert.match(
    (await rapport('token', 'list', '--email', server.adminEmail)).stdout,
    new RegExp(`${id}\t.*\trevoked 20`),
  );
  const entries = (await http('GET', `${server.url}/api/audit?action=api_token.revoked`, { token: server.token })).body
    .items;
  assert.equal(entries[0].actorKind, 'cli');
  assert.equal(entries[0].detail.target, id);
  const unknown = await rapport('token', 'revoke', 'tok_missing');
  assert.equal(unknown.code, 3);
  assert.match(unknown.stderr, /No token tok_missing/);
});

test('staff create refuses a short or common password, saying why', async () => {
  const short = await rapport(
    'staff',
    'create',
    '--email',
    'b@example.com',
    '--name',
    'B',
    '--role',
    'agent',
    '--password',
    'elevenchars',
  );
  assert.equal(short.code, 2);
  assert.match(short.stderr, /--password must be at least 12 characters/);
  const common = await rapport(
    'staff',
    'create',
    '--email',
    'b@example.com',
    '--name',
    'B',
    '--role',
    'agent',
    '--password',
    'password1234',
  );
  assert.equal(common.code, 2);
  assert.match(common.stderr, /--password is too easy to guess: it is built from "password", "1234"/);
});

test('staff create checks its arguments', async () => {
  const badRole = await rapport(
    'staff',
    'create',
    '--email',
    'a@example.com',
    '--name',
    'A',
    '--role',
    'boss',
    '--password',
    'long enough pw',
  );
  assert.notEqual(badRole.code, 0);
  assert.match(badRole.stderr, /one of admin, manager, agent, viewer/);
  const missing = await rapport('writekey', 'create');
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /--name/);
  const ok = await rapport(
    'staff',
    'create',
    '--email',
    'Ola@example.com',
    '--name',
    'Ola',
    '--role',
    'agent',
    '--password',
    'long enough pw',
  );
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Created agent ola@example.com/);
});

test('what the command line creates is in the audit trail, under the operating-system user, without the password', async () => {
  const entries = (await http('GET', `${server.url}/api/audit?action=staff.created`, { token: server.token })).body
    .items;
  const ola = entries.find(
    (entry: { detail: { input: { email: string } } }) => entry.detail.input.email === 'Ola@example.com',
  );
  assert.ok(ola, JSON.stringify(entries));
  assert.equal(ola.actorKind, 'cli');
  assert.ok(ola.detail.osUser);
  assert.ok(!JSON.stringify(ola).includes('long enough pw'));
  for (const action of ['write_key.created', 'api_token.created']) {
    const found = (await http('GET', `${server.url}/api/audit?action=${action}`, { token: server.token })).body.items;
    assert.ok(
      found.some((entry: { actorKind: string }) => entry.actorKind === 'cli'),
      action,
    );
  }
});

test('a merge made by an import in another process is seen by the running server at its next batch', async () => {
  const post = (interactions: unknown[]) =>
    http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions } });
  const byEmail = (await post([{ customer: { email: 'mo@example.com' }, channel: 'email', sourceId: 'x1' }])).body
    .results[0].customerId;
  const byPhone = (await post([{ customer: { phone: '+14155550142' }, channel: 'phone', sourceId: 'x2' }])).body
    .results[0].customerId;
  const { writeFileSync } = await import('node:fs');
  const file = `${server.dataDir}/tie.csv`;
  writeFileSync(file, 'customer.email,customer.phone,channel,text\nmo@example.com,+14155550142,chat,Both mine\n');
  const headBefore = await server.running.eventLog.head();
  const run = await rapportProcess('import', file);
  assert.equal(run.code, 0, run.stderr + run.stdout);
  assert.equal(await server.running.eventLog.head(), headBefore + 1, 'the row went through the event log');
  // The server's identity cache still maps the phone to the merged-away profile; the epoch says otherwise.
  const after = await post([{ customer: { phone: '+14155550142' }, channel: 'phone', sourceId: 'x3' }]);
  assert.equal(after.body.results[0].customerId, byEmail);
  assert.notEqual(byEmail, byPhone);
});

test('replay feeds a recorded social feed into cases: bad rows reported by line, a second run adds nothing', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-replay-'));
  const feed = join(dir, 'feed.csv');
  writeFileSync(
    feed,
    [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '1,ruth,True,Tue Oct 31 21:45:10 +0000 2017,@brand my order arrived broken,2,',
      '2,BrandCares,False,Tue Oct 31 21:50:00 +0000 2017,@ruth so sorry! check your DMs,3,1',
      '3,ruth,True,Tue Oct 31 22:05:00 +0000 2017,@BrandCares thanks got it,,2',
      '4,ruth,True,not a date,@brand hello?,,',
      '',
    ].join('\n'),
  );
  try {
    const first = await rapport('replay', feed, '--channel', 'social', '--quiet');
    assert.equal(first.code, 1, 'a rejected row makes the exit status non-zero');
    assert.match(
      first.stdout,
      /Replayed 3 posts .*: 1 cases opened, 1 joined a thread, .* 1 brand replies, 0 already there/,
      first.stdout,
    );
    assert.match(first.stderr, /^line 5: .*created_at/m, first.stderr);
    const second = await rapport('replay', feed, '--channel', 'social', '--quiet');
    assert.match(second.stdout, /0 cases opened, 0 joined a thread, .* 3 already there/, second.stdout);
    const ruth = await http('GET', `${server.url}/api/customers/lookup?handle=x:ruth`, { token: server.token });
    assert.equal(ruth.status, 200, 'the running server sees what the command stored');
    // A feed of 2017 is history: its case is on the record with its own times, closed, in no queue.
    assert.deepEqual(ruth.body.openCases, []);
    const ruthCases = await http('GET', `${server.url}/api/cases?customerId=${ruth.body.id}`, { token: server.token });
    assert.deepEqual(
      ruthCases.body.items.map((c: { reason: string; status: string; contactCount: number }) => [
        c.reason,
        c.status,
        c.contactCount,
      ]),
      [['damaged_item', 'closed', 2]],
    );

    const missing = await rapport('replay', join(dir, 'nope.csv'), '--channel', 'social');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
    const folder = await rapport('replay', dir, '--channel', 'social');
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /not a file/);
    assert.equal((await rapport('replay', feed)).code !== 0, true, '--channel is required');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
