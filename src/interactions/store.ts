// SQL for the interaction stream: idempotent insert and the per-customer timeline.
import type { Db } from '../store/db.ts';
import { sourceKey } from '../store/source-key.ts';
import type { Channel, Direction, IncomingEvent, Interaction, TimelineCursor } from './model.ts';

/** What the timeline and the card show; `context` (often the largest column) is read only by exports. */
const SHOWN_COLUMNS = `id, customer_id, profile_id, occurred_at, received_at, channel, direction, type, event, department,
  actor, text, properties, NULL AS context, case_id, source, source_id`;

/** A row of `interactions`; channel and direction are written only from a validated `IncomingEvent`. */
export interface InteractionRow {
  id: number;
  customer_id: string;
  profile_id: string;
  occurred_at: number;
  received_at: number;
  channel: Channel;
  direction: Direction;
  type: string;
  event: string | null;
  department: string | null;
  actor: string | null;
  text: string | null;
  properties: string | null;
  context: string | null;
  case_id: string | null;
  source: string;
  source_id: string;
}

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: String(row.id),
    customerId: row.customer_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
    channel: row.channel,
    direction: row.direction,
    type: row.type,
    event: row.event,
    department: row.department,
    actor: row.actor,
    text: row.text,
    properties: row.properties ? (JSON.parse(row.properties) as Record<string, unknown>) : {},
    caseId: row.case_id,
    source: row.source,
    sourceId: row.source_id,
  };
}

export async function findBySourceId(
  db: Db,
  source: string,
  sourceId: string,
): Promise<{ id: number; customer_id: string } | undefined> {
  return db.get('SELECT id, customer_id FROM interactions WHERE source_key = ? AND source = ? AND source_id = ?', [
    sourceKey(source, sourceId),
    source,
    sourceId,
  ]);
}

export async function insertInteraction(
  db: Db,
  event: IncomingEvent,
  customerId: string,
  profileId: string,
  receivedAt: number,
): Promise<number> {
  const properties = Object.keys(event.properties).length ? JSON.stringify(event.properties) : null;
  const row = await db.get<{ id: number }>(
    `INSERT INTO interactions (customer_id, profile_id, occurred_at, received_at, channel, direction, type, event,
       department, actor, text, properties, context, source, source_id, source_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING id`,
    [
      customerId,
      profileId,
      event.occurredAt,
      receivedAt,
      event.channel,
      event.direction,
      event.type,
      event.event,
      event.department,
      event.actor,
      event.text,
      properties,
      event.context ? JSON.stringify(event.context) : null,
      event.source,
      event.sourceId,
      sourceKey(event.source, event.sourceId),
    ],
  );
  return row!.id;
}

/** Newest first; the cursor is the (occurred_at, id) of the last row of the previous page. */
export async function listTimeline(
  db: Db,
  customerId: string,
  limit: number,
  after?: TimelineCursor,
): Promise<InteractionRow[]> {
  if (!after) {
    return db.all<InteractionRow>(
      `SELECT ${SHOWN_COLUMNS} FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?`,
      [customerId, limit],
    );
  }
  return db.all<InteractionRow>(
    `SELECT ${SHOWN_COLUMNS} FROM interactions WHERE customer_id = ? AND (occurred_at, id) < (?, ?)
     ORDER BY occurred_at DESC, id DESC LIMIT ?`,
    [customerId, after.occurredAt, after.id, limit],
  );
}

export async function moveInteractions(db: Db, fromCustomerId: string, toCustomerId: string): Promise<void> {
  await db.run('UPDATE interactions SET customer_id = ? WHERE customer_id = ?', [toCustomerId, fromCustomerId]);
}

export async function moveInteractionsOfProfiles(
  db: Db,
  fromCustomerId: string,
  profileIds: readonly string[],
  toCustomerId: string,
): Promise<void> {
  await db.run(
    `UPDATE interactions SET customer_id = ? WHERE customer_id = ? AND profile_id IN (${profileIds.map(() => '?').join(', ')})`,
    [toCustomerId, fromCustomerId, ...profileIds],
  );
}

/**
 * Track events of one customer that carry properties: the input for implicit preferences.
 * Without `newest`, all of them oldest first (a rebuild); with it, that many newest first (evidence),
 * optionally only those up to an interaction id (evidence as it stood when that interaction arrived).
 */
export async function listObservedEvents(
  db: Db,
  customerId: string,
  window?: { newest: number; upToId?: number },
): Promise<Array<{ id: number; occurred_at: number; properties: string }>> {
  if (window) {
    return db.all(
      `SELECT id, occurred_at, properties FROM interactions
       WHERE customer_id = ? AND type = 'track' AND properties IS NOT NULL AND id <= ?
       ORDER BY occurred_at DESC, id DESC LIMIT ?`,
      [customerId, window.upToId ?? Number.MAX_SAFE_INTEGER, window.newest],
    );
  }
  return db.all(
    `SELECT id, occurred_at, properties FROM interactions
     WHERE customer_id = ? AND type = 'track' AND properties IS NOT NULL ORDER BY occurred_at, id`,
    [customerId],
  );
}

/** Every interaction of a customer, newest first, read a page at a time (a subject access export). */
export async function listWholeTimeline(db: Db, customerId: string, pageSize = 1000): Promise<InteractionRow[]> {
  const rows: InteractionRow[] = [];
  let after: TimelineCursor | undefined;
  for (;;) {
    const page = await listTimeline(db, customerId, pageSize, after);
    rows.push(...page);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) return rows;
    after = { occurredAt: last.occurred_at, id: last.id };
  }
}

/** Removes a customer's whole timeline (erasure on request); answers how many interactions went. */
/** The idempotency keys of a customer's interactions: what finds their events in the ingest log. */
export function sourceKeysOf(db: Db, customerId: string): Promise<Array<{ source: string; sourceId: string }>> {
  return db.all('SELECT source, source_id AS sourceId FROM interactions WHERE customer_id = ?', [customerId]);
}

export async function deleteInteractionsOf(db: Db, customerId: string): Promise<number> {
  const { changes } = await db.run('DELETE FROM interactions WHERE customer_id = ?', [customerId]);
  return changes;
}
