// `rapport import FILE`: the command-line edge of the file importer — options checked before the database is
// opened, progress on stderr (a bar on a terminal, a line every 5 s otherwise), a summary, and the exit code.
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command, type CommanderError } from 'commander';
import { MultiBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../app.ts';
import { normaliseSystem } from '../customers/index.ts';
import {
  FIELD_NAMES,
  importFile,
  importUsageError,
  inspectImportFile,
  parseMapping,
  type ImportFormat,
  type ImportListener,
  type ImportProgress,
  type ImportReport,
  type ImportRun,
  type MappingInput,
  type RowError,
} from '../ingest/import/index.ts';

interface ImportCommandOptions {
  format?: ImportFormat;
  delimiter?: string;
  map: string[];
  set: string[];
  mapping?: string;
  keepColumns?: boolean;
  source: string;
  batchSize: number;
  errors?: string;
  restart?: boolean;
}

const ERRORS_SHOWN = 10;
const PLAIN_PROGRESS_EVERY_MS = 5000;

const HELP = `
Fields (as in the native API body):
  ${FIELD_NAMES.join(', ')}

A CSV column named like a field (e.g. "customer.email") fills it without --map. Other columns are ignored
unless --keep-columns. Empty cells count as absent. occurredAt takes ISO 8601 or any date JavaScript's
Date.parse reads (e.g. "Tue Oct 31 22:10:47 +0000 2017"). A JSON Lines line is a native interaction body;
--map reads dot paths in it (--map customer.email=user.email) and --set overrides its fields.

Each row is stored once per (source, sourceId). A row without a sourceId gets a SHA-256 of its raw text,
so identical rows count once and re-running an import stores nothing twice.
Progress is checkpointed with every batch: after a crash or Ctrl-C, run the same command again to go on
from the last committed batch.

Rejected rows go to the error report (line, field, reason, record); the first ${ERRORS_SHOWN} are shown.
Exit status: 0 all rows stored or already there, 1 some rows rejected, 2 usage error.

Example:
  rapport import tickets.csv --map customer.email=Email --map text=Body \\
    --map occurredAt="Created at" --set channel=email --set source=zendesk --map sourceId=Id
`;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import interactions from a CSV or JSON Lines file: streamed, in batches, safe to re-run')
    .argument('<file>', 'CSV with a header row, or JSON Lines (.jsonl, .ndjson) with one interaction object a line')
    .addOption(new Option('--format <format>', 'csv or jsonl (default: jsonl for .jsonl and .ndjson, else csv)').choices(['csv', 'jsonl']))
    .option('--delimiter <char>', 'CSV field delimiter, "tab" for a tab (default: "," or tab for .tsv)', parseDelimiter)
    .option('--map <field=column>', 'fill a field from a CSV column or a JSON Lines dot path (repeatable)', collect, [])
    .option('--set <field=value>', 'give a field the same value on every row (repeatable)', collect, [])
    .option('--mapping <file>', 'a JSON file {"map": {field: column}, "set": {field: value}}; --map and --set win over it')
    .option('--keep-columns', 'CSV: keep the columns that fill no field as properties.<column>')
    .option('--source <name>', 'source of the rows that name none (part of their idempotency key)', parseSource, 'import')
    .option('--batch-size <rows>', 'rows per transaction and checkpoint', parseBatchSize, 1000)
    .option('--errors <file>', 'error report path (default: FILE.errors.csv)')
    .option('--restart', 'ignore the checkpoint and read from the first row (stored rows still count once)')
    .addHelpText('after', HELP)
    .exitOverride(exitAsUsageError)
    .action(runImport);
}

async function runImport(path: string, options: ImportCommandOptions, command: Command): Promise<void> {
  const mapping = parseMapping({ map: options.map, set: options.set, file: await readMappingFile(options.mapping), keepColumns: options.keepColumns });
  const file = await inspectImportFile(path, options.format);
  const config = configOf(command);
  const display = createProgressDisplay(path);
  const db = await openDatabase(config);
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
      },
      display,
    );
  } finally {
    display.stop();
    await db.close();
  }
  console.log(describeReport(path, report));
  process.exitCode = report.rejected + report.run.rejectedBefore > 0 ? 1 : 0;
}

/** The same configuration as the other commands: environment, with --data-dir over RAPPORT_DATA_DIR. */
function configOf(command: Command) {
  const dataDir = command.optsWithGlobals<{ dataDir?: string }>().dataDir;
  return loadConfig(process.env, dataDir ? { dataDir } : {});
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
function exitAsUsageError(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : 2);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseDelimiter(value: string): string {
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) throw new InvalidArgumentError('one character other than a quote or a line break, or "tab"');
  return delimiter;
}

function parseSource(value: string): string {
  if (normaliseSystem(value) !== value) throw new InvalidArgumentError('lower-case letters, digits, ".", "_" or "-", e.g. zendesk');
  return value;
}

function parseBatchSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 100_000) throw new InvalidArgumentError('a whole number from 1 to 100000');
  return size;
}

interface ProgressDisplay extends ImportListener {
  stop(): void;
}

/** A cli-progress bar when stderr is a terminal; otherwise a plain line at most every 5 s, which suits logs. */
function createProgressDisplay(path: string): ProgressDisplay {
  const shown: RowError[] = [];
  const bars = process.stderr.isTTY
    ? new MultiBar(
        { stream: process.stderr, format: '{bar} {percentage}% | {done} of {size} | {rows} rows | {rate} rows/s | ETA {eta_formatted}', fps: 5, etaBuffer: 50 },
        Presets.shades_classic,
      )
    : null;
  const bar = bars?.create(1, 0, payloadOf(undefined, 0));
  let lastLine = Date.now();
  // Rates count the rows this run processed, not the ones it skipped past.
  let skipped = 0;
  const say = (text: string) => (bars ? bars.log(`${text}\n`) : process.stderr.write(`${text}\n`));
  return {
    started(run) {
      skipped = run.rowsSkipped;
      const notice = describeRun(path, run);
      if (notice) say(notice);
    },
    progressed(progress) {
      if (bar) {
        bar.setTotal(Math.max(progress.totalBytes, 1));
        bar.update(progress.bytesRead, payloadOf(progress, skipped));
      } else if (Date.now() - lastLine >= PLAIN_PROGRESS_EVERY_MS) {
        lastLine = Date.now();
        process.stderr.write(`${describeProgress(progress, skipped)}\n`);
      }
    },
    rejected(error) {
      if (shown.length >= ERRORS_SHOWN) return;
      shown.push(error);
      say(`line ${error.line}: ${error.field ? `${error.field}: ` : ''}${error.reason}`);
    },
    stop() {
      bars?.stop();
    },
  };
}

function payloadOf(progress: ImportProgress | undefined, skipped: number) {
  if (!progress) return { done: '0 B', size: '?', rows: '0', rate: '0' };
  return {
    done: formatBytes(progress.bytesRead),
    size: formatBytes(progress.totalBytes),
    rows: formatCount(progress.rowsRead),
    rate: formatCount(rowsPerSecond(Math.max(progress.rowsRead - skipped, 0), progress.elapsedMs)),
  };
}

function describeRun(path: string, run: ImportRun): string | null {
  switch (run.kind) {
    case 'resumed':
      return run.rowsSkipped > 0 ? `Resuming ${path}: skipping the ${formatCount(run.rowsSkipped)} rows an earlier run committed.` : null;
    case 'recheck':
      return `${path} was imported completely on ${new Date(run.finishedBefore ?? 0).toISOString()}; reading it again to check (stored rows count as duplicates).`;
    case 'restarted':
      return `Reading ${path} from the first row (--restart); rows already stored count as duplicates.`;
    case 'new':
      return null;
  }
}

function describeProgress(progress: ImportProgress, skipped: number): string {
  const share = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 1;
  const bytesPerMs = progress.bytesRead / Math.max(progress.elapsedMs, 1);
  const eta = bytesPerMs > 0 ? formatDuration((progress.totalBytes - progress.bytesRead) / bytesPerMs) : '?';
  return (
    `import: ${Math.floor(share * 100)}% (${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}), ` +
    `${formatCount(progress.rowsRead)} rows, ${formatCount(rowsPerSecond(Math.max(progress.rowsRead - skipped, 0), progress.elapsedMs))} rows/s, ETA ${eta}`
  );
}

function describeReport(path: string, report: ImportReport): string {
  const processed = report.rowsRead - report.run.rowsSkipped;
  const rows: Array<[string, number | string]> = [
    ['rows read', report.rowsRead],
    ...(report.run.rowsSkipped > 0 ? [['skipped (committed earlier)', report.run.rowsSkipped] as [string, number]] : []),
    ['stored', report.stored],
    ['duplicates', report.duplicates],
    ['rejected', report.run.rejectedBefore > 0 ? `${formatCount(report.rejected)} (+${formatCount(report.run.rejectedBefore)} earlier)` : report.rejected],
    ['customers created', report.customersCreated],
    ['merges', report.merges],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `Imported ${path} in ${formatDuration(report.elapsedMs)} (${formatCount(rowsPerSecond(processed, report.elapsedMs))} rows/s)`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${typeof value === 'number' ? formatCount(value) : value}`),
  ];
  if (report.errorReport) lines.push(`Error report: ${report.errorReport}`);
  return lines.join('\n');
}

function rowsPerSecond(rows: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((rows * 1000) / elapsedMs) : 0;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes}m ${String(seconds).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
