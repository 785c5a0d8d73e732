// One batch of rows: the valid rows through the intake (the event log and its projection; a row that fails there is
// rejected alone), then, in one transaction, the rejected rows written to the error report and the checkpoint
// advanced. The checkpoint never counts a row that did not land; a crash before it moves sends the batch again,
// and each row's idempotency key makes the second time a duplicate, not a second interaction.
import type { FieldError } from '../../shared/errors.ts';
import type { IncomingEvent } from '../../interactions/index.ts';
import { reportOf, type IngestReport } from '../../pipeline/index.ts';
import type { Db } from '../../store/db.ts';
import { advanceCheckpoint } from './checkpoint-store.ts';
import type { ImportIntake } from './intake.ts';
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

export async function commitBatch(
  db: Db,
  rows: readonly PreparedRow[],
  progress: BatchProgress,
  writeErrors: (errors: RowError[]) => Promise<void>,
  intake: ImportIntake,
): Promise<BatchOutcome> {
  const valid = rows.flatMap((row) => ('event' in row ? [row] : []));
  const invalidRows = rows.length - valid.length;
  // Inbound messages open or join their cases as they land: a row whose case cannot be opened is rejected alone.
  const ingest = reportOf(await intake(valid.map((row) => row.event)));
  return db.transaction(async (tx) => {
    const errors = rows.flatMap((row) =>
      'errors' in row
        ? row.errors.map((error) => ({ line: row.line, field: error.field, reason: error.reason, record: row.raw }))
        : [],
    );
    for (const result of ingest.results) {
      const row = valid[result.index]!;
      if (result.status === 'rejected')
        errors.push({
          line: row.line,
          field: result.error?.field ?? '',
          reason: result.error?.message ?? 'Rejected',
          record: row.raw,
        });
    }
    errors.sort((a, b) => a.line - b.line);
    await writeErrors(errors);
    const rowsFailed = progress.rowsFailed + invalidRows + ingest.rejected;
    await advanceCheckpoint(tx, progress.checkpointId, progress.rowsCommitted + rows.length, rowsFailed, Date.now());
    return { ingest, rejectedRows: invalidRows + ingest.rejected, errors };
  });
}
