// `importFile`: streams a CSV or JSON Lines file into the ingest pipeline a batch per transaction, behind a
// checkpoint that lets a re-run skip what already landed. A bad row is reported with its line, never fatal.
import { resolve } from 'node:path';
import type { Db } from '../../store/db.ts';
import { commitBatch, type PreparedRow } from './batch.ts';
import { directImportIntake } from './intake.ts';
import { findCheckpoint, finishCheckpoint, startCheckpoint } from './checkpoint-store.ts';
import { createErrorReport } from './error-report.ts';
import { fingerprintFile } from './files.ts';
import { mapCsvRow, mapJsonObject, planCsv, planJson } from './mapping.ts';
import {
  importUsageError,
  type ImportCounts,
  type ImportFile,
  type ImportListener,
  type ImportOptions,
  type ImportReport,
  type ImportRun,
  type UnreadableRecord,
} from './model.ts';
import { readCsvFile, readJsonLinesFile, type RecordStream } from './readers.ts';
import { createRowValidator } from './rows.ts';

const DEFAULT_BATCH_SIZE = 1000;
const DEFAULT_SOURCE = 'import';

export async function importFile(db: Db, options: ImportOptions, listener: ImportListener = {}): Promise<ImportReport> {
  const startedAt = Date.now();
  const errorReportPath = resolve(options.errorReportPath ?? `${options.file.path}.errors.csv`);
  if (errorReportPath === options.file.path)
    throw importUsageError('import_invalid_option', 'The error report cannot be the file being imported');
  // The mapping is checked (against the header, for CSV) before the checkpoint is touched: a usage error changes nothing.
  const stream = options.file.format === 'csv' ? await openCsvRows(options) : openJsonRows(options);
  try {
    return await importRows(db, { ...options, errorReportPath }, stream, listener, startedAt);
  } finally {
    stream.close();
  }
}

async function importRows(
  db: Db,
  options: ImportOptions & { errorReportPath: string },
  stream: RecordStream<MappedRow>,
  listener: ImportListener,
  startedAt: number,
): Promise<ImportReport> {
  const { file, errorReportPath } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const source = options.source ?? DEFAULT_SOURCE;
  const checkpointId = await fingerprintFile(file);
  const intake = options.intake ?? directImportIntake(db);
  const run = await beginRun(db, checkpointId, file, source, options.restart ?? false);
  listener.started?.(run);

  // A resumed run adds to the report of the run it continues; any other run starts it afresh.
  const resuming = run.rowsSkipped > 0;
  const errorReport = createErrorReport(errorReportPath, resuming ? 'append' : 'replace', run.rejectedBefore > 0);
  const validate = createRowValidator(options.defaultCountry, source, {
    timezone: options.timezone,
    historical: options.historical,
    dateFormat: options.dateFormat,
  });
  const counts: ImportCounts = { rowsRead: 0, stored: 0, duplicates: 0, rejected: 0, customersCreated: 0, merges: 0 };
  let rowsFailed = run.rejectedBefore;
  let batch: PreparedRow[] = [];
  const reportProgress = () =>
    listener.progressed?.({
      ...counts,
      bytesRead: stream.bytesRead(),
      totalBytes: file.size,
      elapsedMs: Date.now() - startedAt,
    });

  const commit = async () => {
    const progress = { checkpointId, rowsCommitted: counts.rowsRead - batch.length, rowsFailed };
    const outcome = await commitBatch(db, batch, progress, (errors) => errorReport.write(errors), intake);
    batch = [];
    rowsFailed += outcome.rejectedRows;
    counts.stored += outcome.ingest.stored;
    counts.duplicates += outcome.ingest.duplicates;
    counts.customersCreated += outcome.ingest.customersCreated;
    counts.merges += outcome.ingest.merges;
    counts.rejected += outcome.rejectedRows;
    for (const error of outcome.errors) listener.rejected?.(error);
    reportProgress();
  };

  for await (const row of stream.records) {
    counts.rowsRead++;
    if (counts.rowsRead <= run.rowsSkipped) {
      if (counts.rowsRead % batchSize === 0) reportProgress();
      continue;
    }
    if (resuming && counts.rowsRead === run.rowsSkipped + 1) await errorReport.resumeAt(row.line);
    if (row.kind === 'unreadable') {
      batch.push({ line: row.line, raw: row.raw, errors: [{ field: '', reason: row.reason }] });
    } else {
      batch.push({ line: row.line, raw: row.raw, ...validate(row.body, row.raw, Date.now()) });
    }
    if (batch.length >= batchSize) await commit();
    if (options.maxErrors !== undefined && counts.rejected >= options.maxErrors) break;
  }
  // Stopped early: the checkpoint stays open, so the same command goes on from the last batch.
  const stoppedAtMaxErrors = options.maxErrors !== undefined && counts.rejected >= options.maxErrors;
  if (batch.length > 0) await commit();
  if (!stoppedAtMaxErrors) await finishCheckpoint(db, checkpointId, Date.now());
  reportProgress();
  return {
    ...counts,
    file,
    run,
    elapsedMs: Date.now() - startedAt,
    errorReport: await errorReport.close(),
    stoppedAtMaxErrors,
  };
}

/** A row read and mapped to a native body, not yet validated. */
type MappedRow = { kind: 'mapped'; line: number; raw: string; body: Record<string, unknown> } | UnreadableRecord;

async function openCsvRows(options: ImportOptions): Promise<RecordStream<MappedRow>> {
  // A .tsv file is a CSV with tabs.
  const delimiter = options.delimiter ?? (options.file.path.toLowerCase().endsWith('.tsv') ? '\t' : ',');
  const { records, bytesRead, close } = readCsvFile(options.file.path, delimiter);
  try {
    const header = await records.next();
    if (header.done)
      throw importUsageError(
        'import_header_missing',
        `${options.file.path} is empty: a CSV file starts with a header row`,
      );
    if (header.value.kind === 'unreadable') {
      const { line, reason } = header.value;
      throw importUsageError(
        'import_header_missing',
        `The header row of ${options.file.path} (line ${line}) cannot be read: ${reason}`,
      );
    }
    const plan = planCsv(
      header.value.cells.map((name) => name.trim()),
      options.mapping,
    );
    return { records: mapRecords(records, (record) => mapCsvRow(record.cells, plan)), bytesRead, close };
  } catch (error) {
    close();
    throw error;
  }
}

function openJsonRows(options: ImportOptions): RecordStream<MappedRow> {
  const plan = planJson(options.mapping);
  const { records, bytesRead, close } = readJsonLinesFile(options.file.path);
  return { records: mapRecords(records, (record) => mapJsonObject(record.object, plan)), bytesRead, close };
}

/** Unreadable records pass through, to be reported with the rows that fail validation. */
async function* mapRecords<R extends { kind: 'cells' | 'object'; line: number; raw: string }>(
  records: AsyncIterable<R | UnreadableRecord>,
  toBody: (record: R) => Record<string, unknown>,
): AsyncGenerator<MappedRow> {
  for await (const record of records) {
    yield record.kind === 'unreadable'
      ? record
      : { kind: 'mapped', line: record.line, raw: record.raw, body: toBody(record) };
  }
}

/** Decides from the checkpoint where reading starts, and resets it unless the run resumes. */
async function beginRun(
  db: Db,
  checkpointId: string,
  file: ImportFile,
  source: string,
  restart: boolean,
): Promise<ImportRun> {
  const checkpoint = await findCheckpoint(db, checkpointId);
  if (checkpoint && !restart && checkpoint.finishedAt === null) {
    return {
      kind: 'resumed',
      rowsSkipped: checkpoint.rowsCommitted,
      rejectedBefore: checkpoint.rowsFailed,
      finishedBefore: null,
    };
  }
  await startCheckpoint(db, checkpointId, file.path, source, Date.now());
  const kind = restart ? 'restarted' : checkpoint ? 'recheck' : 'new';
  return {
    kind,
    rowsSkipped: 0,
    rejectedBefore: 0,
    finishedBefore: kind === 'recheck' ? checkpoint!.finishedAt : null,
  };
}
