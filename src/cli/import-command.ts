// `rapport import FILE`: the command-line edge of the file importer — options checked before the database is
// opened, progress on stderr (a bar on a terminal, a line every 5 s otherwise), a summary, and the exit code.
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { MultiBar, Presets } from 'cli-progress';
import { configFrom } from './config.ts';
import { exitAsUsageError, type Cli, type CliStream } from './io.ts';
import { openDatabase } from '../app/app.ts';
import { startProjection } from '../app/projection.ts';
import { normaliseSystem } from '../customers/index.ts';
import { isKnownZone, isUsableDateFormat } from '../shared/dates.ts';
import {
  FIELD_NAMES,
  describeProgress,
  describeReport,
  describeRowError,
  describeRun,
  formatBytes,
  importFile,
  importUsageError,
  inspectImportFile,
  loggedImportIntake,
  parseMapping,
  progressFigures,
  type ImportFormat,
  type ImportListener,
  type ImportReport,
  type MappingInput,
} from '../ingest/index.ts';

interface ImportCommandOptions {
  format?: ImportFormat;
  delimiter?: string;
  map?: string[];
  set?: string[];
  mapping?: string;
  keepColumns?: boolean;
  source: string;
  batchSize: number;
  errors?: string;
  restart?: boolean;
  timezone: string;
  dateFormat?: string;
  maxErrors?: number;
  historical?: boolean;
}

const ERRORS_SHOWN = 10;
const PLAIN_PROGRESS_EVERY_MS = 5000;

const HELP = `
Fields (as in the native API body):
${wrap(FIELD_NAMES.join(', '), '  ')}

When no column is mapped (by --map or --mapping), the CSV header names the fields itself
(customer.email,channel,text). Columns that fill no field are ignored unless --keep-columns.
Empty cells count as absent. occurredAt takes ISO 8601, SQL style ("2024-03-01 10:00") or any
date JavaScript's Date.parse reads (e.g. "Tue Oct 31 22:10:47 +0000 2017"). A date whose day and
month could be either way round ("03/04/2024") is rejected unless --date-format names the layout
(luxon tokens: "dd/MM/yyyy HH:mm", "MM/dd/yy h:mm a"); with it, every date must fit that layout.
A date that names no zone is read in --timezone (UTC unless given), never in the server's own zone. Each JSON
Lines line is a native interaction body; --map reads dot paths in it (customer.email=user.email)
and --set overrides its fields.

Each row is stored once per (source, sourceId). A row without a sourceId gets a SHA-256 of its
raw text as one, so identical rows count once and re-running an import stores nothing twice.
Progress is checkpointed with every batch: after a crash or Ctrl-C, run the same command again
to go on from the last committed batch.

Rejected rows go to the error report (line, field, reason, record); the first ${ERRORS_SHOWN} are shown.
With --max-errors N the import stops after the batch in which the Nth row is rejected (a wrong
mapping shows itself in the first batch instead of a million lines later); what it committed stays,
and the same command goes on from there (or --restart reads again from the first row).
Exit status: 0 all rows stored or already there, 1 some rows rejected, 2 usage error.

Example:
  rapport import tickets.csv --map customer.email=Email --map text=Body \\
    --map occurredAt="Created at" --set channel=email --set source=zendesk --map sourceId=Id
`;

export function registerImportCommand(program: Command, cli: Cli): void {
  program
    .command('import')
    .description('Import interactions from a CSV or JSON Lines file: streamed, in batches, safe to re-run')
    .argument('<file>', 'CSV with a header row, or JSON Lines (.jsonl, .ndjson) with one interaction object a line')
    .addOption(
      new Option('--format <format>', 'csv or jsonl (default: jsonl for .jsonl and .ndjson, else csv)').choices([
        'csv',
        'jsonl',
      ]),
    )
    .option('--delimiter <char>', 'CSV field delimiter, "tab" for a tab (default: "," or tab for .tsv)', parseDelimiter)
    .option('--map <field=column>', 'fill a field from a CSV column or a JSON Lines dot path (repeatable)', collect)
    .option('--set <field=value>', 'give a field the same value on every row (repeatable)', collect)
    .option(
      '--mapping <file>',
      'a JSON file {"map": {field: column}, "set": {field: value}}; --map and --set win over it',
    )
    .option('--keep-columns', 'CSV: keep the columns that fill no field as properties.<column>')
    .option(
      '--source <name>',
      'source of the rows that name none (part of their idempotency key)',
      parseSource,
      'import',
    )
    .option('--batch-size <rows>', 'rows per transaction and checkpoint', parseBatchSize, 1000)
    .option('--errors <file>', 'error report path (default: FILE.errors.csv)')
    .option('--max-errors <rows>', 'stop after the batch in which this many rows were rejected', parseMaxErrors)
    .option('--timezone <zone>', 'IANA time zone of dates written without one, e.g. Europe/Paris', parseTimezone, 'UTC')
    .option(
      '--date-format <layout>',
      'the layout of occurredAt in luxon tokens, e.g. "dd/MM/yyyy HH:mm"',
      parseDateFormat,
    )
    .option('--restart', 'ignore the checkpoint and read from the first row (stored rows still count once)')
    .option(
      '--historical',
      'the rows are history: inbound messages land on the timeline and open their cases closed, with no live SLA clock',
    )
    .addHelpText('after', HELP)
    .exitOverride(exitAsUsageError)
    .action((path: string, options: ImportCommandOptions, command: Command) => runImport(cli, path, options, command));
}

async function runImport(cli: Cli, path: string, options: ImportCommandOptions, command: Command): Promise<void> {
  const mapping = parseMapping({
    map: options.map,
    set: options.set,
    file: await readMappingFile(options.mapping),
    keepColumns: options.keepColumns,
  });
  const file = await inspectImportFile(path, options.format);
  const config = configFrom(command, cli);
  const db = await openDatabase(config);
  // The rows go through the event log like every other event; this process projects them itself (with a running
  // server's projector, if there is one: whichever takes a batch first applies it once).
  const projection = await startProjection(db, config, {
    onError: (error) => cli.warn(`projecting the event log failed; retrying: ${(error as Error).message}`),
    keepImportOutcomes: true,
  });
  const display = createProgressDisplay(cli.stderr, path, file.size);
  // Ctrl-C loses only the open batch, as a crash would; the bar is stopped first so the terminal is left as it was.
  const interrupt = () => {
    display.stop();
    cli.stderr.write(`\nInterrupted. Run the same command again to go on from the last committed batch.\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  let report: ImportReport;
  try {
    report = await importFile(
      db,
      {
        file,
        mapping,
        delimiter: options.delimiter,
        batchSize: options.batchSize,
        source: options.source,
        errorReportPath: options.errors,
        restart: options.restart,
        defaultCountry: config.defaultCountry,
        timezone: options.timezone,
        dateFormat: options.dateFormat,
        maxErrors: options.maxErrors,
        historical: options.historical,
        intake: loggedImportIntake(projection.log, projection.projector),
      },
      display,
    );
  } finally {
    process.removeListener('SIGINT', interrupt);
    display.stop();
    await projection.close();
    await db.close();
  }
  cli.print(describeReport(path, report));
  cli.exitCode = report.rejected + report.run.rejectedBefore > 0 ? 1 : 0;
}

async function readMappingFile(path: string | undefined): Promise<MappingInput['file']> {
  if (path === undefined) return undefined;
  const text = await readFile(path, 'utf8').catch(() => {
    throw importUsageError('import_file_not_found', `No mapping file ${path}`);
  });
  try {
    return { name: path, content: JSON.parse(text) };
  } catch (error) {
    throw importUsageError('import_invalid_mapping', `${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Commander's own usage errors (a missing FILE, a bad option value) exit 2 like ours; help still exits 0. */
/** Wraps a list for the help text, which commander prints as is. */
function wrap(text: string, indent: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].map((each) => indent + each).join('\n');
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseDelimiter(value: string): string {
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter))
    throw new InvalidArgumentError('one character other than a quote or a line break, or "tab"');
  return delimiter;
}

function parseSource(value: string): string {
  if (normaliseSystem(value) !== value)
    throw new InvalidArgumentError('lower-case letters, digits, ".", "_" or "-", e.g. zendesk');
  return value;
}

function parseMaxErrors(value: string): number {
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows < 1) throw new InvalidArgumentError('a whole number of rows, at least 1');
  return rows;
}

function parseTimezone(value: string): string {
  if (!isKnownZone(value)) throw new InvalidArgumentError('an IANA time zone such as UTC or Europe/Paris');
  return value;
}

function parseDateFormat(value: string): string {
  if (!isUsableDateFormat(value))
    throw new InvalidArgumentError('a layout in luxon tokens with day, month and year, such as "dd/MM/yyyy HH:mm"');
  return value;
}

function parseBatchSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 100_000)
    throw new InvalidArgumentError('a whole number from 1 to 100000');
  return size;
}

interface ProgressDisplay extends ImportListener {
  stop(): void;
}

/** A cli-progress bar when stderr is a terminal; otherwise a plain line at most every 5 s, which suits logs. */
function createProgressDisplay(stderr: CliStream, path: string, totalBytes: number): ProgressDisplay {
  let errorsShown = 0;
  const bars = stderr.isTTY
    ? new MultiBar(
        {
          stream: stderr,
          format: '{bar} {percentage}% | {done} of {size} | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
          fps: 5,
          etaBuffer: 50,
        },
        Presets.shades_classic,
      )
    : null;
  const bar = bars?.create(Math.max(totalBytes, 1), 0, {
    done: '0 B',
    size: formatBytes(totalBytes),
    rows: '0',
    rate: '0',
  });
  // The plain line's ETA uses the speed since the line before, so skipping committed rows does not skew it.
  let lastLine = { at: Date.now(), bytesRead: 0 };
  let skipped = 0;
  const say = (text: string) => (bars ? bars.log(`${text}\n`) : stderr.write(`${text}\n`));
  return {
    started(run) {
      skipped = run.rowsSkipped;
      const notice = describeRun(path, run);
      if (notice) say(notice);
    },
    progressed(progress) {
      if (bar) {
        bar.update(progress.bytesRead, progressFigures(progress, skipped));
      } else if (Date.now() - lastLine.at >= PLAIN_PROGRESS_EVERY_MS) {
        const bytesPerMs = (progress.bytesRead - lastLine.bytesRead) / Math.max(Date.now() - lastLine.at, 1);
        lastLine = { at: Date.now(), bytesRead: progress.bytesRead };
        stderr.write(`${describeProgress(progress, skipped, bytesPerMs)}\n`);
      }
    },
    rejected(error) {
      errorsShown++;
      if (errorsShown <= ERRORS_SHOWN) say(describeRowError(error));
      else if (errorsShown === ERRORS_SHOWN + 1) say('… more rejected rows: see the error report');
    },
    stop() {
      bars?.stop();
    },
  };
}
