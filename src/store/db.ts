// The database handle every store module talks to. Async on purpose: the SQLite engine answers
// at once, and a PostgreSQL engine can implement the same interface beside it later.

export type SqlValue = string | number | bigint | null | Buffer;

export interface RunResult {
  changes: number;
}

/** A connection or an open transaction. Store functions take one as their first argument. */
export interface Db {
  readonly engine: 'sqlite' | 'postgres';
  /** The database this handle belongs to (itself, or the database of an open transaction): a key for per-database caches. */
  readonly root: object;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /** Runs `work` in one transaction: all of it lands, or none of it. Nested calls join the outer one. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
}

/** The whole database: a Db plus lifecycle. */
export interface Database extends Db {
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** A database that tells what remembers its rows (caches) when a transaction rolls back, so nothing it wrote stays. */
export interface RollbackNotifier {
  onRollback(listener: () => void): void;
}

/** A database whose write-ahead log can be copied back at a moment the caller chooses (SQLite's WAL). */
export interface LogCheckpointer {
  checkpointNow(options?: { logAbove?: number }): Promise<void>;
}

/**
 * Between two write transactions of a long run of them: lets the engine's log start over (a no-op where there is
 * none). `logAbove`: only once the log has grown past that many bytes.
 */
export async function checkpointBetweenTransactions(db: Db, options: { logAbove?: number } = {}): Promise<void> {
  await (db.root as Partial<LogCheckpointer>).checkpointNow?.(options);
}

/** Runs `listener` after every rollback of `db`'s transactions, where the engine says so. */
export function whenRolledBack(db: Db, listener: () => void): void {
  (db.root as Partial<RollbackNotifier>).onRollback?.(listener);
}
