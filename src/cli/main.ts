// The `rapport` command's process entry: runs the command line (run.ts) on this process's arguments, streams
// and environment, and ends with its exit status.
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
