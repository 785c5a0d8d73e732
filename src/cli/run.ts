// The `rapport` command line as a function: arguments and streams in, exit status out. main.ts runs it as the
// process; tests run it in-process. Refusals become a message and an exit status here, and nowhere else.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DomainError } from '../shared/errors.ts';
import { registerStaffCommands, registerTokenCommands, registerWriteKeyCommands } from './admin-commands.ts';
import { registerEvalCommand } from './eval-command.ts';
import { registerImportCommand } from './import-command.ts';
import { createCli, type Cli, type CliIo } from './io.ts';
import { registerReplayCommand } from './replay-command.ts';
import { registerReprojectCommand } from './reproject-command.ts';
import { registerTrainCommand } from './train-command.ts';

/** Exit statuses: 0 done, 1 done with rejected rows (or commander's own usage errors), 2 refused, 3 not found. */
export const EXIT_REFUSED = 2;
export const EXIT_NOT_FOUND = 3;

// A file the system cannot read (permissions, a folder): its message, not a stack trace.
const FILE_ERRORS = new Set(['EACCES', 'EISDIR', 'ENOENT', 'EPERM']);

/**
 * Runs one command line (without the `node rapport` part) and resolves to its exit status. An error that is
 * not a refusal (a bug) is thrown, as it would end the process with its stack trace.
 * @example const status = await runCli(['token', 'list', '--email', 'ada@example.com'], { stdout, stderr, env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = createCli(io);
  try {
    await buildProgram(cli).parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (error) {
    // Commander has written its own message (usage errors, help) before it stopped.
    if (error instanceof CommanderError && !(error instanceof InvalidArgumentError)) return error.exitCode;
    const status = exitStatusOf(error);
    if (status === undefined) throw error;
    cli.warn(`rapport: ${(error as Error).message}`);
    return status;
  }
}

function buildProgram(cli: Cli): Command {
  const program = new Command();
  program
    .name('rapport')
    .description(
      'Rapport command line: keys, tokens, staff, bulk import, feed replay, rebuilding from the event log, and measuring and training the listening models.',
    )
    .option('--data-dir <dir>', 'data folder (default: $RAPPORT_DATA_DIR or ./data)')
    // Set before the commands are added, which inherit both: commander throws instead of ending the process.
    .exitOverride()
    .configureOutput({ writeOut: (text) => cli.stdout.write(text), writeErr: (text) => cli.stderr.write(text) });
  registerWriteKeyCommands(program, cli);
  registerTokenCommands(program, cli);
  registerStaffCommands(program, cli);
  registerImportCommand(program, cli);
  registerReplayCommand(program, cli);
  registerReprojectCommand(program, cli);
  registerEvalCommand(program, cli);
  registerTrainCommand(program, cli);
  return program;
}

/** The exit status of a refusal; undefined for anything else. */
function exitStatusOf(error: unknown): number | undefined {
  if (error instanceof DomainError) return error.kind === 'not_found' ? EXIT_NOT_FOUND : EXIT_REFUSED;
  if (error instanceof InvalidArgumentError) return EXIT_REFUSED;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FILE_ERRORS.has(code)) return EXIT_REFUSED;
  return undefined;
}
