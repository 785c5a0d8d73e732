// The file import's vocabulary: what an import is given, what it reports while running and at the end,
// and the usage errors it raises before touching a row. Types and one error helper, no I/O.
import type { ImportIntake } from './intake.ts';
import type { CountryCode } from 'libphonenumber-js';
import type { DomainError } from '../../shared/errors.ts';
import { ingestErrors } from '../errors.ts';

export type ImportFormat = 'csv' | 'jsonl';

export type Constant = string | number | boolean;

/** Where each field's value comes from; see mapping.ts. Checked: every key names a field, none is both mapped and set. */
export interface Mapping {
  /** Field → CSV column name, or dot path into a JSON Lines object. */
  map: ReadonlyMap<string, string>;
  /** Field → the value it takes on every row. */
  set: ReadonlyMap<string, Constant>;
  /** CSV: columns that fill no field land in `properties.<column>`. */
  keepColumns: boolean;
}

/** A file checked to exist: its absolute path, its size in bytes and how to read it. */
export interface ImportFile {
  path: string;
  size: number;
  format: ImportFormat;
}

export interface ImportOptions {
  file: ImportFile;
  mapping: Mapping;
  /** CSV field delimiter (default `,`, or tab for a .tsv file). */
  delimiter?: string;
  /** Rows per transaction (default 1000). */
  batchSize?: number;
  /** The source of rows that name none (default `import`); part of each row's idempotency key. */
  source?: string;
  /** Where rejected rows are written (default `FILE.errors.csv`). */
  errorReportPath?: string;
  /** Read from the first row even when a checkpoint says an earlier run got further. */
  restart?: boolean;
  /** Country for phone numbers written without a country code. */
  defaultCountry: CountryCode;
  /** IANA zone of dates written without one, such as `2024-03-01 10:00` (default UTC). */
  timezone?: string;
  /** The layout of occurredAt in luxon's tokens (`dd/MM/yyyy HH:mm`), read strictly; without it, dates are read loosely. */
  dateFormat?: string;
  /** Stop after the batch in which this run has rejected this many rows; the checkpoint lets a re-run go on. */
  maxErrors?: number;
  /** Every row is history (`historical: true` unless the row says otherwise): on the timeline, never a live case. */
  historical?: boolean;
  /** Where valid rows go: the event log (`loggedImportIntake`, as the command line does); by default the database. */
  intake?: ImportIntake;
}

/**
 * What the checkpoint said when the run began:
 * `new` — first import of this file; `resumed` — an earlier run stopped part-way and its committed rows are skipped;
 * `recheck` — the file was imported completely before and is read again (stored rows count as duplicates);
 * `restarted` — `restart` was asked for.
 */
export interface ImportRun {
  kind: 'new' | 'resumed' | 'recheck' | 'restarted';
  /** Rows committed by the earlier run, skipped without being stored again. */
  rowsSkipped: number;
  /** Rows the earlier run rejected among the skipped ones (they are in the error report already). */
  rejectedBefore: number;
  /** When the earlier complete import finished (epoch ms), for `recheck`. */
  finishedBefore: number | null;
}

/** A physical line of the file, numbered from 1, without its line break. */
export interface Line {
  number: number;
  text: string;
}

/** A record the parser could not read (malformed CSV, invalid JSON), with the line it starts on. */
export interface UnreadableRecord {
  kind: 'unreadable';
  line: number;
  raw: string;
  reason: string;
}

/** What the readers yield, each with the line it starts on; `raw` is the record's text, its idempotency key by default. */
export type CsvRecord = { kind: 'cells'; line: number; raw: string; cells: string[] } | UnreadableRecord;
export type JsonRecord =
  | { kind: 'object'; line: number; raw: string; object: Record<string, unknown> }
  | UnreadableRecord;

/** A rejected row: where it starts in the file, what was wrong and the row as read. */
export interface RowError {
  line: number;
  /** The native field at fault (`customer.email`), or empty when the row could not be read at all. */
  field: string;
  reason: string;
  record: string;
}

export interface ImportCounts {
  /** Rows met in the file, the skipped ones included. */
  rowsRead: number;
  stored: number;
  duplicates: number;
  rejected: number;
  customersCreated: number;
  merges: number;
}

export interface ImportProgress extends ImportCounts {
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface ImportReport extends ImportCounts {
  file: ImportFile;
  run: ImportRun;
  elapsedMs: number;
  /** The error report, when it holds any row. */
  errorReport: string | null;
  /** The run stopped early at `maxErrors` rejected rows, before the end of the file. */
  stoppedAtMaxErrors: boolean;
}

export interface ImportListener {
  /** Once, before the first row is read. */
  started?(run: ImportRun): void;
  /** After each batch commits, and every batch-size rows while skipping. */
  progressed?(progress: ImportProgress): void;
  /** Each rejected row, in file order, once its batch is committed. */
  rejected?(error: RowError): void;
}

export type ImportErrorCode =
  | 'import_file_not_found'
  | 'import_file_not_readable'
  | 'import_header_missing'
  | 'import_unknown_field'
  | 'import_unknown_column'
  | 'import_invalid_mapping'
  | 'import_invalid_option';

/** A mistake in how the import was asked for, found before any row is stored (the CLI exits 2). */
export function importUsageError(code: ImportErrorCode, message: string): DomainError {
  return ingestErrors.error(code, message);
}
