// The `rapport` command line run in this process, its output captured: what a test of a command reads.
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/run.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `rapport ARGS` (without `node rapport`) with the given environment and returns its status and output. */
export async function runRapport(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env,
  });
  return { code, stdout, stderr };
}
