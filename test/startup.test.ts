// The two commands: `npm start` (here its server process) creates the schema and the first admin, and serves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEntry, type Bundle } from './helpers/bundle.ts';
import { freePort, startServerProcess as startServer } from './helpers/server-process.ts';

// src/main.ts built once into plain JavaScript: each server process starts without compiling TypeScript again.
let main: Bundle;
before(async () => (main = await bundleEntry('src/main.ts')));
after(() => main.remove());

const startServerProcess = (env: Record<string, string>) => startServer(main.file, env);

test('first start creates the database, the schema and an admin with a printed password; the next start does not', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-start-'));
  try {
    const port = await freePort();
    const env = { RAPPORT_PORT: String(port), RAPPORT_DATA_DIR: dataDir, RAPPORT_ADMIN_EMAIL: 'owner@example.com' };
    const first = await startServerProcess(env);
    const match = /created admin owner@example\.com with password (\S+)/.exec(first.output());
    assert.ok(match, first.output());
    assert.ok(existsSync(join(dataDir, 'rapport.db')));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: match[1] }),
    });
    assert.equal(login.status, 200);
    await first.stop();

    const second = await startServerProcess(env);
    assert.ok(!second.output().includes('created admin'), 'the password is printed once only');
    await second.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('bad configuration stops start-up with a message naming the variable', async () => {
  const child = spawn(process.execPath, [main.file], {
    env: { ...process.env, RAPPORT_PORT: 'eighty' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.notEqual(code, 0);
  assert.match(output, /Invalid configuration: RAPPORT_PORT/);
});
