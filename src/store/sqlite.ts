// SQLite engine (better-sqlite3, WAL). One writer connection guarded by an async lock so that
// interleaved requests never share a transaction, and one reader connection for plain reads.
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import type { Database, Db, LogCheckpointer, RollbackNotifier, RunResult, SqlValue } from './db.ts';
import { applyMigrations, type Migration } from './migrate.ts';
import { sourceKey } from './source-key.ts';

type Connection = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

class StatementCache {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly connection: Connection) {}
  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Serialises write transactions; better-sqlite3 is synchronous but our work between statements is not. */
class AsyncLock {
  private tail: Promise<void> = Promise.resolve();
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

export interface SqliteOptions {
  /**
   * 'normal' (the default): a commit survives the process being killed, and a power cut may lose the last
   * ones; right for data that can be rebuilt. 'full': every commit is synced to the disk before it returns;
   * for the event log, whose acknowledgement promises exactly that.
   */
  durability?: 'normal' | 'full';
  /**
   * Whether this connection starts the thread that checkpoints the WAL (default true). A second connection to a
   * file in the same process (the projection's thread) leaves it to the first.
   */
  checkpoints?: boolean;
}

function openConnection(file: string, readonly: boolean, options: SqliteOptions = {}): Connection {
  const connection = new BetterSqlite3(file, { readonly: readonly && file !== ':memory:' });
  connection.pragma('journal_mode = WAL');
  connection.pragma(options.durability === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('cache_size = -65536');
  // Reads through the OS page cache instead of copying pages; measured −10% per ingested event.
  connection.pragma('mmap_size = 2147483648');
  connection.defaultSafeIntegers(false);
  return connection;
}

function runOn(cache: StatementCache, sql: string, params: readonly SqlValue[]): RunResult {
  const info = cache.get(sql).run(...params);
  return { changes: info.changes };
}

function queryOn<T>(cache: StatementCache, sql: string, params: readonly SqlValue[]): T[] {
  return cache.get(sql).all(...params) as T[];
}

/** The statements of a synchronous write transaction (`transactionSync`). */
export interface SyncWriter {
  run(sql: string, params?: readonly SqlValue[]): RunResult;
  get<T>(sql: string, params?: readonly SqlValue[]): T | undefined;
}

/** A Db bound to the writer connection inside an open transaction. */
class SqliteTransaction implements Db {
  readonly engine = 'sqlite' as const;
  constructor(
    private readonly cache: StatementCache,
    readonly root: object,
  ) {}
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return queryOn<T>(this.cache, sql, params);
  }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.cache.get(sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return runOn(this.cache, sql, params);
  }
  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return work(this);
  }
}

export class SqliteDatabase implements Database, RollbackNotifier, LogCheckpointer {
  readonly engine = 'sqlite' as const;
  readonly root: object = this;
  private readonly writer: Connection;
  private readonly reader: Connection;
  private readonly writerCache: StatementCache;
  private readonly readerCache: StatementCache;
  private readonly lock = new AsyncLock();
  private readonly rollbackListeners: Array<() => void> = [];

  private readonly checkpointer: Worker | null;

  constructor(
    readonly file: string,
    options: SqliteOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.writer = openConnection(file, false, options);
    // Checkpoints run on another thread (see checkpoint-worker.mjs) instead of inside whichever
    // commit crosses the threshold: ingest commits and card views stop paying for them.
    this.writer.pragma('wal_autocheckpoint = 0');
    // Migration 0002 fills interactions.source_key for rows stored before it.
    this.writer.function('rapport_source_key', { deterministic: true }, (source, sourceId) =>
      sourceKey(String(source), String(sourceId)),
    );
    this.checkpointer = file === ':memory:' || options.checkpoints === false ? null : startCheckpointer(file);
    // An in-memory database cannot be shared between connections, so it reads through the writer.
    this.reader = file === ':memory:' ? this.writer : openConnection(file, true);
    this.writerCache = new StatementCache(this.writer);
    this.readerCache = file === ':memory:' ? this.writerCache : new StatementCache(this.reader);
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return queryOn<T>(this.readerCache, sql, params);
  }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.readerCache.get(sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.writing(() => work(new SqliteTransaction(this.writerCache, this)));
  }

  /**
   * A write transaction whose work runs synchronously on prepared statements, for hot paths that write many rows
   * at once (the event log's group commit): no await between statements, so no microtask per row.
   */
  async transactionSync<T>(work: (tx: SyncWriter) => T): Promise<T> {
    return this.writing(() =>
      work({
        run: (sql, params = []) => runOn(this.writerCache, sql, params),
        get: <R>(sql: string, params: readonly SqlValue[] = []) =>
          this.writerCache.get(sql).get(...params) as R | undefined,
      }),
    );
  }

  /**
   * Takes turns at writing with another connection to this file in this process (see WriterTurns): 'first' for the
   * app's thread, whose writes come first; 'yields' for the projection's, which gives way before each transaction.
   */
  takeTurns(turns: WriterTurns, role: 'first' | 'yields'): void {
    this.turns = { turns, role };
  }

  private turns: { turns: WriterTurns; role: 'first' | 'yields' } | null = null;

  /** Holds the writer, runs `work` between BEGIN IMMEDIATE and COMMIT, and rolls back if it throws. */
  private async writing<T>(work: () => T | Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    const turns = this.turns;
    if (turns?.role === 'first') turns.turns.want();
    else await turns?.turns.giveWay();
    try {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        this.rollBack();
        throw error;
      }
    } finally {
      if (turns?.role === 'first') turns.turns.done();
      release();
    }
  }

  onRollback(listener: () => void): void {
    this.rollbackListeners.push(listener);
  }

  /**
   * Copies the WAL back into the database now (PASSIVE: no reader or writer waits for it), between two long write
   * transactions. The checkpoint thread only catches up in the gaps between transactions; a writer that commits
   * one large transaction after another (a metrics rebuild) leaves none, and the WAL, which restarts from its
   * beginning only once everything in it is copied, grows without end (past 9 GB in a 10M-case rebuild, every
   * read slower for it). Skipped while a transaction is open on the writer (synchronous, so none can begin
   * between the check and the checkpoint).
   */
  async checkpointNow({ logAbove = 0 }: { logAbove?: number } = {}): Promise<void> {
    if (this.writer.inTransaction || this.file === ':memory:') return;
    if (logAbove > 0 && walBytes(this.file) <= logAbove) return;
    this.writer.pragma('wal_checkpoint(PASSIVE)');
  }

  private rollBack(): void {
    if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
    for (const listener of this.rollbackListeners) listener();
  }

  /** A consistent copy of the whole database in a new file (VACUUM INTO, on the reader: writers go on meanwhile). */
  async copyTo(file: string): Promise<void> {
    this.reader.prepare('VACUUM INTO ?').run(file);
  }

  async migrate(migrations?: Migration[]): Promise<string[]> {
    return applyMigrations(this, (sql) => this.writer.exec(sql), migrations);
  }

  async close(): Promise<void> {
    const release = await this.lock.acquire();
    try {
      if (this.checkpointer) await stopCheckpointer(this.checkpointer);
      if (this.reader !== this.writer) this.reader.close();
      this.writer.close();
    } finally {
      release();
    }
  }

  /** The raw writer, for the benchmark's bare-insert baseline only. */
  rawConnection(): Connection {
    return this.writer;
  }
}

const CHECKPOINT_INTERVAL_MS = 1000;

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

function startCheckpointer(file: string): Worker {
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  // The server must not stay alive for it, nor die with it: a failed checkpoint only lets the WAL grow.
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) process.emitWarning(`WAL checkpoint failed: ${message.error}`);
  });
  return worker;
}

function stopCheckpointer(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    worker.once('exit', done);
    worker.on('message', (message: { stopped?: boolean }) => {
      if (message.stopped) void worker.terminate().then(done);
    });
    worker.postMessage('stop');
  });
}

/**
 * Two connections to one file in one process (the app's thread and the projection's) taking turns at writing.
 * SQLite makes a writer that finds the file locked sleep and retry; a connection that writes one transaction after
 * another (the projection) can win every retry for a second and more, while the app's thread sleeps in its busy
 * handler, event loop and all. With turns, the projection starts no new transaction while the app's thread wants
 * to write: the app's thread waits at most for the transaction under way.
 */
export class WriterTurns {
  private readonly wanting: Int32Array;

  /** `shared`: the same buffer on both threads (it travels in `workerData`). */
  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.wanting = new Int32Array(shared);
  }

  /** The app's thread is about to write. */
  want(): void {
    Atomics.add(this.wanting, 0, 1);
  }

  /** The app's thread has written (or given up). */
  done(): void {
    Atomics.sub(this.wanting, 0, 1);
    Atomics.notify(this.wanting, 0);
  }

  /**
   * On the projection's thread, before each transaction: waits while the app's thread wants to write, without
   * blocking its own event loop (it still answers the app), and at most `MAX_GIVE_WAY_MS`: a write held open that
   * long is left to SQLite's own waiting.
   */
  async giveWay(): Promise<void> {
    const until = performance.now() + MAX_GIVE_WAY_MS;
    for (;;) {
      const wanting = Atomics.load(this.wanting, 0);
      const left = until - performance.now();
      if (wanting <= 0 || left <= 0) return;
      const waited = Atomics.waitAsync(this.wanting, 0, wanting, Math.min(left, 50));
      if (waited.async) await waited.value;
    }
  }
}

const MAX_GIVE_WAY_MS = 1000;

export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDatabase {
  return new SqliteDatabase(file, options);
}
