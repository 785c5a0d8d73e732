// An import in words, for a person at a terminal: how the run starts, a progress line, a rejected row and the
// closing summary. Pure, so every edge that reports an import says it the same way.
import type { ImportProgress, ImportReport, ImportRun, RowError } from './model.ts';

export interface ProgressFigures {
  done: string;
  size: string;
  rows: string;
  rate: string;
}

/** Rates count the rows this run processed, not the ones it skipped past. */
export function progressFigures(progress: ImportProgress, rowsSkipped: number): ProgressFigures {
  return {
    done: formatBytes(progress.bytesRead),
    size: formatBytes(progress.totalBytes),
    rows: formatCount(progress.rowsRead),
    rate: formatCount(rowsPerSecond(Math.max(progress.rowsRead - rowsSkipped, 0), progress.elapsedMs)),
  };
}

/** A note when the run is not a plain first import, so a resumed or repeated run never surprises. */
export function describeRun(path: string, run: ImportRun): string | null {
  switch (run.kind) {
    case 'resumed':
      return run.rowsSkipped > 0
        ? `Resuming ${path}: skipping the ${formatCount(run.rowsSkipped)} rows an earlier run committed.`
        : null;
    case 'recheck':
      return `${path} was imported completely on ${new Date(run.finishedBefore ?? 0).toISOString()}; reading it again to check (stored rows count as duplicates).`;
    case 'restarted':
      return `Reading ${path} from the first row (--restart); rows already stored count as duplicates.`;
    case 'new':
      return null;
  }
}

/** `bytesPerMs`: the recent reading speed, for the ETA. */
export function describeProgress(progress: ImportProgress, rowsSkipped: number, bytesPerMs: number): string {
  const figures = progressFigures(progress, rowsSkipped);
  const share = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 1;
  const eta = bytesPerMs > 0 ? formatDuration((progress.totalBytes - progress.bytesRead) / bytesPerMs) : '?';
  return `import: ${Math.floor(share * 100)}% (${figures.done} of ${figures.size}), ${figures.rows} rows, ${figures.rate} rows/s, ETA ${eta}`;
}

export function describeRowError(error: RowError): string {
  return `line ${error.line}: ${error.field ? `${error.field}: ` : ''}${error.reason}`;
}

export function describeReport(path: string, report: ImportReport): string {
  const { run } = report;
  const figures: Array<[string, string]> = [
    ['rows read', formatCount(report.rowsRead)],
    ...(run.rowsSkipped > 0 ? [['skipped (committed earlier)', formatCount(run.rowsSkipped)] as [string, string]] : []),
    ['stored', formatCount(report.stored)],
    ['duplicates', formatCount(report.duplicates)],
    [
      'rejected',
      formatCount(report.rejected) + (run.rejectedBefore > 0 ? ` (+${formatCount(run.rejectedBefore)} earlier)` : ''),
    ],
    ['customers created', formatCount(report.customersCreated)],
    ['merges', formatCount(report.merges)],
  ];
  const width = Math.max(...figures.map(([label]) => label.length));
  const rate = rowsPerSecond(report.rowsRead - run.rowsSkipped, report.elapsedMs);
  return [
    `Imported ${path} in ${formatDuration(report.elapsedMs)} (${formatCount(rate)} rows/s)`,
    ...figures.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    ...(report.errorReport ? [`Error report: ${report.errorReport}`] : []),
    ...(report.stoppedAtMaxErrors
      ? [
          `Stopped after ${formatCount(report.rejected)} rejected rows, before the end of the file. Run the same command to go on ` +
            'from here, or fix the mapping and add --restart to read again from the first row (stored rows count once).',
        ]
      : []),
  ].join('\n');
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return minutes < 60
    ? `${minutes}m ${String(seconds).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

function rowsPerSecond(rows: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((rows * 1000) / elapsedMs) : 0;
}
