// One batch of rows in one transaction: the valid rows through the ingest pipeline (a row that fails there is rolled
// back alone), and the checkpoint advanced in the same transaction, so it never counts a row that did not land.
import type { FieldError } from '../../http/errors.ts';
import type { IncomingEvent } from '../../interactions/model.ts';
import { ingestEvents, type IngestReport } from '../../interactions/pipeline.ts';
import type { Db } from '../../store/db.ts';
import { advanceCheckpoint } from './checkpoint.ts';
import type { RowError } from './model.ts';

/** A row as read and validated: an event to store, or why it cannot be. */
export type PreparedRow = { line: number; raw: string } & ({ event: IncomingEvent } | { errors: FieldError[] });

export interface BatchProgress {
  checkpointId: string;
  /** Rows committed, and rejected among them, before this batch. */
  rowsCommitted: number;
  rowsFailed: number;
}

export interface BatchOutcome {
  ingest: IngestReport;
  /** Rows rejected, whether by validation or by the pipeline. */
  rejectedRows: number;
  /** One per problem, in file order. */
  errors: RowError[];
}

export async function commitBatch(db: Db, rows: readonly PreparedRow[], progress: BatchProgress): Promise<BatchOutcome> {
  const valid = rows.flatMap((row) => ('event' in row ? [row] : []));
  const errors = rows.flatMap((row) =>
    'errors' in row ? row.errors.map((error) => ({ line: row.line, field: error.field, reason: error.reason, record: row.raw })) : [],
  );
  const invalidRows = rows.length - valid.length;
  const ingest = await db.transaction(async (tx) => {
    const report = await ingestEvents(tx, valid.map((row) => row.event), { onEventError: 'skip-failed' });
    const rowsFailed = progress.rowsFailed + invalidRows + report.rejected;
    await advanceCheckpoint(tx, progress.checkpointId, progress.rowsCommitted + rows.length, rowsFailed, Date.now());
    return report;
  });
  for (const result of ingest.results) {
    const row = valid[result.index]!;
    if (result.status === 'rejected') errors.push({ line: row.line, field: '', reason: result.error?.message ?? 'Rejected', record: row.raw });
  }
  errors.sort((a, b) => a.line - b.line);
  return { ingest, rejectedRows: invalidRows + ingest.rejected, errors };
}
