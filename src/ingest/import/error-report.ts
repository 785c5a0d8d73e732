// The error report: a CSV of rejected rows (line, field, reason, record) in file order, written inside each batch's
// transaction. A resumed run first drops what the crashed batch wrote, then appends, so the report always matches
// the checkpoint; any other run replaces it.
import { appendFile, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { readCsvFile } from './readers.ts';
import type { RowError } from './model.ts';

const HEADER = 'line,field,reason,record\n';

export interface ErrorReport {
  /** Resuming: keeps only the rows of lines before `line`, the first line the checkpoint does not cover. */
  resumeAt(line: number): Promise<void>;
  write(errors: readonly RowError[]): Promise<void>;
  /** The report's path when it holds any row; a run that rejected nothing leaves no stale report behind. */
  close(): Promise<string | null>;
}

/** `holdsRows`: whether the run being resumed left rows in the report (false unless resuming). */
export function createErrorReport(path: string, mode: 'replace' | 'append', holdsRows: boolean): ErrorReport {
  let started = mode === 'append';
  let hasRows = holdsRows;
  return {
    async resumeAt(line) {
      hasRows = await keepRowsBefore(path, line);
      started = hasRows;
    },
    async write(errors) {
      if (errors.length === 0) return;
      if (!started) await writeFile(path, HEADER);
      started = true;
      hasRows = true;
      await appendFile(path, errors.map(toCsvLine).join(''));
    },
    async close() {
      if (hasRows) return path;
      await rm(path, { force: true });
      return null;
    },
  };
}

/** Rewrites the report without the rows from `line` on, streaming (a report can be big); says whether any row is left. */
async function keepRowsBefore(path: string, line: number): Promise<boolean> {
  if (!(await stat(path).catch(() => null))) return false;
  const keptPath = `${path}.resume`;
  const kept = await open(keptPath, 'w');
  const { records, close } = readCsvFile(path, ',');
  let pending = HEADER;
  let anyRow = false;
  try {
    for await (const record of records) {
      // Line 1 is the header; rows are in file order, so the first row at or past `line` ends what is kept.
      if (record.line === 1 || record.kind !== 'cells') continue;
      if (Number(record.cells[0]) >= line) break;
      pending += `${record.raw}\n`;
      anyRow = true;
      if (pending.length >= 64 * 1024) {
        await kept.write(pending);
        pending = '';
      }
    }
    await kept.write(pending);
  } finally {
    close();
    await kept.close();
  }
  await rename(keptPath, path);
  return anyRow;
}

function toCsvLine(error: RowError): string {
  return `${[String(error.line), error.field, error.reason, error.record].map(quote).join(',')}\n`;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
