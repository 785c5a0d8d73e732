// Starts the real server on a free port with a temp database, an admin, a write key and a Bearer token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/app/config.ts';
import { startApp, type RunningApp } from '../../src/app/app.ts';
import { createWriteKey } from '../../src/ingest/write-keys.ts';
import { createApiToken, createStaff } from '../../src/staff/service.ts';
import type { Role } from '../../src/staff/model.ts';
import { usePasswordHashCost } from '../../src/staff/password.ts';

// Test files sign in hundreds of times; a test that needs the real cost (the hash flood) sets it for itself.
usePasswordHashCost('test');

export interface TestServer {
  url: string;
  adminEmail: string;
  adminPassword: string;
  writeKey: string;
  token: string;
  running: RunningApp;
  dataDir: string;
  /** A staff member of the given role and a Bearer token for them. */
  staffToken(role: Role): Promise<string>;
  /** Resolves once everything the event log has acknowledged so far is projected (reads see it). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** `env` adds settings (e.g. RAPPORT_SMTP_URL) to the test's configuration. */
export async function startTestServer(options: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const adminEmail = 'admin@example.com';
  const adminPassword = 'orchid violin seventy rafts';
  const config = loadConfig(
    {
      RAPPORT_LOG_LEVEL: process.env.RAPPORT_TEST_LOG_LEVEL ?? 'silent',
      RAPPORT_ADMIN_EMAIL: adminEmail,
      RAPPORT_ADMIN_PASSWORD: adminPassword,
      ...options.env,
    },
    { dataDir, port: 0, host: '127.0.0.1' },
  );
  const running = await startApp(config);
  const { key } = await createWriteKey(running.db, { name: 'Web shop', source: 'shop', createdBy: null });
  const { token } = await createApiToken(running.db, adminEmail, 'tests');
  let staffCount = 0;
  return {
    url: running.url,
    adminEmail,
    adminPassword,
    writeKey: key,
    token,
    running,
    dataDir,
    async staffToken(role) {
      const email = `${role}${++staffCount}@example.com`;
      await createStaff(running.db, { email, name: `${role} ${staffCount}`, role, password: 'a long enough password' });
      return (await createApiToken(running.db, email, 'tests')).token;
    },
    async settled() {
      // A view's audit entry is appended after its answer: wait for the commits under way, then their projection.
      await running.eventLog.committed();
      const head = await running.eventLog.head();
      if (!(await running.projector.waitFor(head, 10_000))) throw new Error(`the projection did not reach ${head}`);
    },
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON over real HTTP; returns status, parsed body and headers. */
export async function http(
  method: string,
  url: string,
  options: { body?: unknown; token?: string; writeKey?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.writeKey) headers.authorization = `Basic ${Buffer.from(`${options.writeKey}:`).toString('base64')}`;
  const response = await fetch(url, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}
