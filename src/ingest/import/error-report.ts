// The error report: a CSV of rejected rows (line, field, reason, record), written as each batch commits. A resumed
// run appends to it, so that with the earlier run's rows it covers the whole file; any other run replaces it.
import { appendFile, rm, stat, writeFile } from 'node:fs/promises';
import type { RowError } from './model.ts';

const HEADER = 'line,field,reason,record\n';

export interface ErrorReport {
  readonly path: string;
  write(errors: readonly RowError[]): Promise<void>;
  /** The report's path when it holds any row; a run that rejected nothing leaves no stale report behind. */
  close(): Promise<string | null>;
}

export function createErrorReport(path: string, mode: 'replace' | 'append', rowsBefore: number): ErrorReport {
  let opened = false;
  let rows = mode === 'append' ? rowsBefore : 0;
  return {
    path,
    async write(errors) {
      if (errors.length === 0) return;
      if (!opened) {
        const existing = mode === 'append' ? await stat(path).catch(() => null) : null;
        if (!existing || existing.size === 0) await writeFile(path, HEADER);
        opened = true;
      }
      await appendFile(path, errors.map(toCsvLine).join(''));
      rows += errors.length;
    },
    async close() {
      if (rows > 0) return path;
      if (mode === 'replace') await rm(path, { force: true });
      return null;
    },
  };
}

function toCsvLine(error: RowError): string {
  return `${[String(error.line), error.field, error.reason, error.record].map(quote).join(',')}\n`;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
