// SQL of the case change log (migration 0013): triggers write it, the live watcher reads and prunes it.
import type { Db } from '../store/db.ts';

export interface CaseChange {
  id: number;
  caseId: string;
  /** null when the case is gone (erased) since it changed. */
  number: number | null;
}

/** The newest change's id (0 on an empty log): where a watcher starts. */
export async function latestChangeId(db: Db): Promise<number> {
  // AUTOINCREMENT keeps the high-water mark in sqlite_sequence even after pruning empties the table.
  const row = await db.get<{ seq: number }>(`SELECT seq FROM sqlite_sequence WHERE name = 'case_changes'`);
  return row?.seq ?? 0;
}

/** The oldest change still in the log, or null when it is empty. */
export async function oldestChangeId(db: Db): Promise<number | null> {
  const row = await db.get<{ id: number | null }>('SELECT MIN(id) AS id FROM case_changes');
  return row?.id ?? null;
}

/** Changes after `afterId` up to `upToId`, oldest first (the primary key serves both bounds). */
export async function changesBetween(db: Db, afterId: number, upToId: number, limit: number): Promise<CaseChange[]> {
  const rows = await db.all<{ id: number; case_id: string; number: number | null }>(
    `SELECT c.id, c.case_id, cases.number
     FROM case_changes c LEFT JOIN cases ON cases.id = c.case_id
     WHERE c.id > ? AND c.id <= ?
     ORDER BY c.id LIMIT ?`,
    [afterId, upToId, limit],
  );
  return rows.map((row) => ({ id: row.id, caseId: row.case_id, number: row.number }));
}

/** Forgets changes at or before `upToId`: a reconnecting browser that far behind fetches everything. */
export async function pruneChanges(db: Db, upToId: number): Promise<void> {
  await db.run('DELETE FROM case_changes WHERE id <= ?', [upToId]);
}

/** Whether a case exists (by id): a stream may only watch one that does. */
export async function caseExists(db: Db, caseId: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS yes FROM cases WHERE id = ?', [caseId])) !== undefined;
}
