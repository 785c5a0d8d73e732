// The real server for the http case, as `npm start` runs it (tsx on src/main.ts, settings from the environment),
// in a child process on a free loopback port and a fresh data folder. Its log goes to a file, so a slow reader
// never holds the server up; its last lines are shown when it fails.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface BenchServer {
  url: string;
  admin: { email: string; password: string };
  /** The last lines the server logged, for an error message. */
  logTail(lines?: number): string;
  /** SIGTERM and wait for the exit (SIGKILL if it does not come). */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** `env` adds settings (RAPPORT_PROJECTION_THREAD=false for --same-thread). */
export async function startBenchServer(dataDir: string, env: Record<string, string> = {}): Promise<BenchServer> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const admin = { email: 'admin@example.com', password: 'orchid violin seventy rafts' };
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      RAPPORT_PORT: String(port),
      RAPPORT_HOST: '127.0.0.1',
      RAPPORT_DATA_DIR: dataDir,
      RAPPORT_ADMIN_EMAIL: admin.email,
      RAPPORT_ADMIN_PASSWORD: admin.password,
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Ctrl-C or an error must not leave the server running on its own.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const logTail = (lines = 30) => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server exited before it served:\n${logTail()}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer within ${START_TIMEOUT_MS / 1000} s:\n${logTail()}`);
    }
    await sleep(100);
  }
  return { url, admin, logTail, stop };
}
