// The durable event log every ingest edge appends to before it answers. It is its own SQLite database file
// (events.db beside rapport.db) with its own WAL, synced to disk on every commit: an append never waits behind
// the projection's write transactions (a second file has a second writer lock), and a power cut loses no
// acknowledged event. Appends that arrive while one commits share the next commit (group commit), so the sync's
// cost is paid once per group, not once per request; each caller is answered when its own commit is on disk.
import { fileURLToPath } from 'node:url';
import { readMigrations } from '../store/migrate.ts';
import { openSqlite, type SqliteDatabase, type SqliteOptions } from '../store/sqlite.ts';
import type { Actor } from '../shared/actor.ts';
import * as store from './store.ts';
import { LogWriterThread } from './writer-thread.ts';
import type { AuditEntry } from '../audit/index.ts';
import { newId } from '../shared/ids.ts';

export type { LoggedEvent } from './store.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Who sent a batch, and through which edge, with what the edge's events share (a Segment batch's source, context
 * and sentAt): kept once per batch, so the projection can decode, audit and route each event.
 */
export interface Origin {
  /** segment: /v1/*; native: POST /api/interactions; import: `rapport import`; channel: a message from a channel
   * adapter (mail, phone, contact form, social); audit: a record of who viewed what. */
  edge: 'segment' | 'native' | 'import' | 'channel' | 'survey' | 'audit';
  actor: Actor;
  detail?: Record<string, unknown>;
}

/** The positions an append was given: `last` is what the caller may wait for (`?after=`). */
export interface Appended {
  first: number;
  last: number;
}

/** One event to append: its idempotency key (`eventKey`) and its body, any JSON. */
export interface LogEntry {
  key: string;
  body: unknown;
}

/** The key an erasure finds an event by: the same pair the pipeline's idempotency is on. */
export function eventKey(source: string, sourceId: string): string {
  return `${source}\u001f${sourceId}`;
}

interface PendingAppend {
  origin: string;
  events: Array<{ key: string; body: string }>;
  done(appended: Appended): void;
  failed(error: unknown): void;
}

export class EventLog {
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private commits = 0;
  private readonly appendListeners = new Set<(head: number) => void>();

  /** Commits being made (by the writer thread, or here): close waits for them. */
  private inFlight = 0;

  private constructor(
    readonly db: SqliteDatabase,
    private readonly writer: LogWriterThread | null,
  ) {}

  /**
   * `writerThread`: appends are committed on a thread of their own (the server: see writer-thread.ts); without it,
   * here (the command line). Reads use this thread's connection either way.
   */
  static async open(
    file: string,
    options: Pick<SqliteOptions, 'checkpoints'> & { writerThread?: boolean } = {},
  ): Promise<EventLog> {
    const db = openSqlite(file, { checkpoints: options.checkpoints, durability: 'full' });
    await db.migrate(readMigrations(MIGRATIONS_DIR));
    return new EventLog(db, options.writerThread ? await LogWriterThread.open(file) : null);
  }

  /**
   * Appends the events as one batch and resolves once it is on disk. The bodies are serialised now: what lands
   * is what was validated, whatever the caller does with its objects afterwards.
   */
  append(origin: Origin, entries: readonly LogEntry[]): Promise<Appended> {
    const serialised = {
      origin: JSON.stringify(origin),
      events: entries.map((entry) => ({ key: entry.key, body: JSON.stringify(entry.body) })),
    };
    return new Promise((done, failed) => {
      this.pending.push({ ...serialised, done, failed });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // Everything that arrives before the next turn of the event loop joins this commit.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const group = this.pending;
    this.pending = [];
    const appendedAt = Date.now();
    this.inFlight++;
    try {
      const serialised = group.map(({ origin, events }) => ({ origin, events }));
      const results = this.writer?.isAlive()
        ? await this.writer.commit(appendedAt, serialised)
        : await this.db.transactionSync((tx) =>
            serialised.map((append) => store.appendBatch(tx, { appendedAt, ...append })),
          );
      this.commits++;
      for (const [index, entry] of group.entries()) entry.done(results[index]!);
      const head = results.at(-1)?.last;
      if (head !== undefined) for (const listener of this.appendListeners) listener(head);
    } catch (error) {
      for (const entry of group) entry.failed(error);
    } finally {
      this.inFlight--;
    }
  }

  /** Called after each commit with the new head (appends by this process only; others are found by polling). */
  onAppend(listener: (head: number) => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** Commits made by this process: fewer than appends when group commit does its work. */
  stats(): { commits: number } {
    return { commits: this.commits };
  }

  head(): Promise<number> {
    return store.headPosition(this.db);
  }

  eventsAfter(position: number, limit: number): Promise<store.LoggedEvent[]> {
    return store.eventsAfter(this.db, position, limit);
  }

  appendedAtAfter(position: number): Promise<number | null> {
    return store.appendedAtAfter(this.db, position);
  }

  /** Whether the log still holds every batch from its first (a rebuild needs them all): nothing pruned yet. */
  async isComplete(): Promise<boolean> {
    const first = await store.firstKeptBatchPosition(this.db);
    return first === null ? (await this.head()) === 0 : first === 1;
  }

  tail(): Promise<number> {
    return store.tailPosition(this.db);
  }

  /** Removes the events with these keys (`eventKey`), at or before `through`; returns how many went. */
  redact(keys: readonly string[], through: number): Promise<number> {
    return this.db.transaction((tx) => store.redactEvents(tx, keys, through));
  }

  /** Drops what is projected and older than the retention window; returns how many events went. */
  prune(projected: number, olderThan: number): Promise<number> {
    return this.db.transaction((tx) => store.prune(tx, projected, olderThan));
  }

  /**
   * Appends an audit entry as a record (edge `audit`): the projection writes it to `audit_log` in log order, so the
   * request that caused it makes no write transaction of its own. `at` says when it happened.
   */
  appendAudit(entry: AuditEntry & { at: number }): Promise<Appended> {
    const actor = { kind: entry.actorKind, id: entry.actorId, ip: entry.ip, requestId: entry.requestId };
    return this.append({ edge: 'audit', actor }, [{ key: `audit:${newId('aud')}`, body: entry }]);
  }

  /** Resolves once every append made so far is committed (or has failed). */
  async committed(): Promise<void> {
    while (this.pending.length > 0 || this.flushScheduled || this.inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    // Appends already accepted are committed before the file closes.
    await this.committed();
    await this.writer?.close();
    await this.db.close();
  }
}
