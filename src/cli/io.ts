// What a `rapport` command writes to and reads from: the process's streams and environment when run as
// `rapport`, buffers and a given environment when a test runs it in-process (see run.ts).
import type { Writable } from 'node:stream';
import { CommanderError } from 'commander';

/** A stream a command writes to; a terminal one (`isTTY`) gets a progress bar instead of plain lines. */
export type CliStream = Writable & { isTTY?: boolean };

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** The environment the configuration is read from (RAPPORT_DATA_DIR, RAPPORT_DEFAULT_COUNTRY, …). */
  env: NodeJS.ProcessEnv;
}

/** One run of the command line: its streams, and the exit status it ends with when nothing stops it early. */
export interface Cli extends CliIo {
  /** Writes a line to stdout. */
  print(text: string): void;
  /** Writes a line to stderr. */
  warn(text: string): void;
  /** 0 unless a command says otherwise (1: some rows were rejected). */
  exitCode: number;
}

export function createCli(io: CliIo): Cli {
  return {
    ...io,
    print: (text) => void io.stdout.write(`${text}\n`),
    warn: (text) => void io.stderr.write(`${text}\n`),
    exitCode: 0,
  };
}

/** For `.exitOverride()`: a usage error (a missing option, an unknown one) ends with status 2, help with 0. */
export function exitAsUsageError(error: CommanderError): never {
  if (error.exitCode === 0) throw error;
  throw new CommanderError(2, error.code, error.message);
}
