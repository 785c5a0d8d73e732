// All SQL of the event log (its own database file: see log.ts).
import type { Db } from '../store/db.ts';
import type { SyncWriter } from '../store/sqlite.ts';

export interface LoggedEvent {
  position: number;
  appendedAt: number;
  /** The JSON the appender was given, as it was given. */
  body: string;
  /** The JSON of who sent it. */
  origin: string;
}

/** Appends one batch inside the caller's synchronous transaction; returns its first and last positions. */
export function appendBatch(
  tx: SyncWriter,
  batch: { appendedAt: number; origin: string; events: ReadonlyArray<{ key: string; body: string }> },
): { first: number; last: number } {
  const head = tx.get<{ seq: number }>(HEAD_SQL)?.seq ?? 0;
  const first = head + 1;
  const last = head + batch.events.length;
  const { id } = tx.get<{ id: number }>(
    'INSERT INTO batches (appended_at, origin, first_position, last_position) VALUES (?, ?, ?, ?) RETURNING id',
    [batch.appendedAt, batch.origin, first, last],
  )!;
  for (const [offset, event] of batch.events.entries()) {
    tx.run('INSERT INTO events (position, batch, key, body) VALUES (?, ?, ?, ?)', [
      first + offset,
      id,
      event.key,
      event.body,
    ]);
  }
  return { first, last };
}

const HEAD_SQL = "SELECT seq FROM sqlite_sequence WHERE name = 'events'";

/** The last position ever given (0 for an empty log), pruned or not. */
export async function headPosition(db: Db): Promise<number> {
  const row = await db.get<{ seq: number }>(HEAD_SQL);
  return row?.seq ?? 0;
}

/** Up to `limit` events after `position`, in order. */
export function eventsAfter(db: Db, position: number, limit: number): Promise<LoggedEvent[]> {
  return db.all<LoggedEvent>(
    `SELECT e.position, b.appended_at AS appendedAt, e.body, b.origin
       FROM events e JOIN batches b ON b.id = e.batch
      WHERE e.position > ?
      ORDER BY e.position
      LIMIT ?`,
    [position, limit],
  );
}

/** When the event after `position` was acknowledged: how long the oldest unprojected one has waited. */
export async function appendedAtAfter(db: Db, position: number): Promise<number | null> {
  const row = await db.get<{ appendedAt: number }>(
    `SELECT b.appended_at AS appendedAt
       FROM events e JOIN batches b ON b.id = e.batch
      WHERE e.position > ?
      ORDER BY e.position
      LIMIT 1`,
    [position],
  );
  return row?.appendedAt ?? null;
}

/** The first position still held (head + 1 when the log is empty). */
export async function tailPosition(db: Db): Promise<number> {
  const row = await db.get<{ first: number | null }>('SELECT min(position) AS first FROM events');
  return row?.first ?? (await headPosition(db)) + 1;
}

/**
 * Removes whole batches acknowledged before `olderThan` whose events are all at or before `projected`: the log
 * keeps everything the projector has not passed, and the retention window for rebuilds. Returns events removed.
 */
export async function prune(tx: Db, projected: number, olderThan: number): Promise<number> {
  const row = await tx.get<{ through: number | null }>(
    'SELECT max(last_position) AS through FROM batches WHERE appended_at < ? AND last_position <= ?',
    [olderThan, projected],
  );
  if (!row?.through) return 0;
  const removed = await tx.run('DELETE FROM events WHERE position <= ?', [row.through]);
  await tx.run('DELETE FROM batches WHERE last_position <= ?', [row.through]);
  return removed.changes;
}

/**
 * Removes the events, at or before `through`, whose idempotency key is one of `keys`: a customer's erasure
 * reaches the log too, so no rebuild brings her back. One pass over the log, matching against the keys at once.
 */
export async function redactEvents(tx: Db, keys: readonly string[], through: number): Promise<number> {
  if (keys.length === 0) return 0;
  const { changes } = await tx.run(
    'DELETE FROM events WHERE position <= ? AND key IN (SELECT value FROM json_each(?))',
    [through, JSON.stringify(keys)],
  );
  return changes;
}

/** The first position of the oldest batch kept: 1 while nothing was pruned (redaction removes events, not batches). */
export async function firstKeptBatchPosition(db: Db): Promise<number | null> {
  const row = await db.get<{ first: number | null }>('SELECT min(first_position) AS first FROM batches');
  return row?.first ?? null;
}
