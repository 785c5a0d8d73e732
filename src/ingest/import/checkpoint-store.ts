// The checkpoint of a file import, one `import_runs` row per file fingerprint: rows committed so far, advanced in
// the transaction of each batch, so a re-run after a crash starts exactly where the last commit ended.
import type { Db } from '../../store/db.ts';

export interface Checkpoint {
  id: string;
  rowsCommitted: number;
  rowsFailed: number;
  finishedAt: number | null;
}

interface CheckpointRow {
  id: string;
  rows_committed: number;
  rows_failed: number;
  finished_at: number | null;
}

export async function findCheckpoint(db: Db, id: string): Promise<Checkpoint | undefined> {
  const row = await db.get<CheckpointRow>(
    'SELECT id, rows_committed, rows_failed, finished_at FROM import_runs WHERE id = ?',
    [id],
  );
  return (
    row && { id: row.id, rowsCommitted: row.rows_committed, rowsFailed: row.rows_failed, finishedAt: row.finished_at }
  );
}

/** Starts counting from the first row, for a new file or a run that reads it all again. */
export async function startCheckpoint(db: Db, id: string, file: string, source: string, now: number): Promise<void> {
  await db.run(
    `INSERT INTO import_runs (id, file, source, rows_committed, rows_failed, started_at, updated_at, finished_at)
     VALUES (?, ?, ?, 0, 0, ?, ?, NULL)
     ON CONFLICT (id) DO UPDATE SET
       file = excluded.file, source = excluded.source, rows_committed = 0, rows_failed = 0,
       started_at = excluded.started_at, updated_at = excluded.updated_at, finished_at = NULL`,
    [id, file, source, now, now],
  );
}

/** Called inside the batch's transaction: the count lands if and only if the batch does. */
export async function advanceCheckpoint(
  tx: Db,
  id: string,
  rowsCommitted: number,
  rowsFailed: number,
  now: number,
): Promise<void> {
  await tx.run('UPDATE import_runs SET rows_committed = ?, rows_failed = ?, updated_at = ? WHERE id = ?', [
    rowsCommitted,
    rowsFailed,
    now,
    id,
  ]);
}

export async function finishCheckpoint(db: Db, id: string, now: number): Promise<void> {
  await db.run('UPDATE import_runs SET finished_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
}
