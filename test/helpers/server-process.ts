// The server as `npm start` runs it: a child process on the bundled src/main.ts, for tests that stop it, kill it
// or start it again on the same data folder.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  output(): string;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9): no shutdown of any kind. */
  kill(): Promise<void>;
}

/** Starts `node <mainFile>` with `env` and resolves once it says it is serving. */
export async function startServerProcess(mainFile: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [mainFile], {
    env: { ...process.env, ...env, RAPPORT_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes('Rapport is serving')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { output: () => output, stop: () => ended('SIGTERM'), kill: () => ended('SIGKILL') };
}
