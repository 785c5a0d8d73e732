// Savepoints: a part of an open transaction that can be undone alone (one bad event in a batch), in
// words a service can use without writing SQL.
import type { Db } from './db.ts';

/** Opens a savepoint inside the current transaction. */
export async function savepoint(tx: Db, name: string): Promise<void> {
  await tx.run(`SAVEPOINT ${name}`);
}

/** Keeps what was done since the savepoint, as part of the transaction. */
export async function releaseSavepoint(tx: Db, name: string): Promise<void> {
  await tx.run(`RELEASE ${name}`);
}

/** Undoes what was done since the savepoint, and closes it. */
export async function rollbackToSavepoint(tx: Db, name: string): Promise<void> {
  await tx.run(`ROLLBACK TO ${name}`);
  await tx.run(`RELEASE ${name}`);
}
