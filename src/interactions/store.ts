// SQL for the interaction stream: idempotent insert, the timeline of a customer's profiles, and which customer
// owns a profile (profile_owners, migration 0017). An event stays under the profile it was stored for; a merge
// changes who owns that profile, never the event.
import type { Db, SqlValue } from '../store/db.ts';
import { sourceKey } from '../store/source-key.ts';
import type { Channel, Direction, IncomingEvent, Insight, Interaction, TimelineCursor } from './model.ts';

/** What listening read in the text (migration 0019). */
const INSIGHT_COLUMNS = 'sentiment, sentiment_score, urgent, urgency_score, language, reason, reason_confidence';

/** What the timeline and the card show; `context` (often the largest column) is read only by exports. */
const SHOWN_COLUMNS = `id, profile_id, occurred_at, received_at, channel, direction, type, event, department, actor, text,
  properties, NULL AS context, case_id, source, source_id, ${INSIGHT_COLUMNS}`;

/** A row of `interactions`; channel and direction are written only from a validated `IncomingEvent`. */
export interface InteractionRow extends InsightColumns {
  id: number;
  /** The profile the event was stored for; its customer is whoever owns that profile now. */
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

/** The insight columns (migration 0019) as read; absent from reads that do not select them. */
export interface InsightColumns {
  sentiment?: Insight['sentiment'] | null;
  sentiment_score?: number | null;
  urgent?: number | null;
  urgency_score?: number | null;
  language?: string | null;
  reason?: string | null;
  reason_confidence?: number | null;
}

/** `customerId` is the customer whose profiles the row was read for: the one who owns it now. */
export function toInteraction(row: InteractionRow, customerId: string): Interaction {
  return {
    id: String(row.id),
    customerId,
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
    insight: insightOf(row),
  };
}

/** The stored reading of a row that has the insight columns (an interaction, or a case message joined to one). */
export function insightOf(row: InsightColumns): Insight | null {
  if (!row.sentiment) return null;
  return {
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score ?? 0,
    urgent: row.urgent === 1,
    urgencyScore: row.urgency_score ?? 0,
    language: row.language ?? 'und',
    reason: row.reason ?? null,
    reasonConfidence: row.reason_confidence ?? null,
  };
}

/** An interaction's words as listening read them (what escalation rules judge); undefined for an unknown id. */
export async function readingOf(
  db: Db,
  id: number,
): Promise<{ channel: Channel; text: string | null; insight: Insight | null } | undefined> {
  const row = await db.get<InsightColumns & { channel: Channel; text: string | null }>(
    `SELECT channel, text, ${INSIGHT_COLUMNS} FROM interactions WHERE id = ?`,
    [id],
  );
  return row && { channel: row.channel, text: row.text, insight: insightOf(row) };
}

/** The profile an interaction was stored for and its words: whose it is, and what she said. */
export async function wordsOf(db: Db, id: number): Promise<{ profileId: string; text: string | null } | undefined> {
  const row = await db.get<{ profile_id: string; text: string | null }>(
    'SELECT profile_id, text FROM interactions WHERE id = ?',
    [id],
  );
  return row && { profileId: row.profile_id, text: row.text };
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The newest `limit` rows of these profiles that match `where`, newest first. One profile, as nearly every
 * customer has, walks the timeline index in order and stops at the limit, with no sort. Several walk it profile
 * by profile into a sort bounded by the limit: as each walk is in order, SQLite leaves a profile as soon as its
 * next row would not make the cut, so a merged customer costs a page per profile, never a whole timeline.
 */
export function newestOfProfiles(
  profiles: readonly string[],
  columns: string,
  where: string,
  params: readonly SqlValue[],
  limit: number,
): { sql: string; params: SqlValue[] } {
  // The limit is written into the statement: these reads ran a fifth to a third faster with a constant one than with
  // a bound one (better-sqlite3, SQLite 3.53). A page size is one of a few numbers, so few statements are prepared.
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`A row limit, not ${limit}`);
  const profile = profiles.length === 1 ? 'profile_id = ?' : `profile_id IN (${placeholders(profiles)})`;
  return {
    sql: `SELECT ${columns} FROM interactions WHERE ${profile}${where ? ` AND ${where}` : ''}
          ORDER BY occurred_at DESC, id DESC LIMIT ${limit}`,
    params: [...profiles, ...params],
  };
}

/** The stored event with this idempotency key, and the customer who owns its profile now. */
export async function findBySourceId(
  db: Db,
  source: string,
  sourceId: string,
): Promise<{ id: number; customer_id: string; received_at: number } | undefined> {
  return db.get(
    `SELECT i.id, COALESCE(owner.customer_id, i.profile_id) AS customer_id, i.received_at FROM interactions i
     LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
     WHERE i.source_key = ? AND i.source = ? AND i.source_id = ?`,
    [sourceKey(source, sourceId), source, sourceId],
  );
}

/** Stores an event under the profile it speaks for (resolution's `profileId`), never under a customer. */
export async function insertInteraction(
  db: Db,
  event: IncomingEvent,
  profileId: string,
  receivedAt: number,
  insight: Insight | null = null,
): Promise<number> {
  const properties = Object.keys(event.properties).length ? JSON.stringify(event.properties) : null;
  const row = await db.get<{ id: number }>(
    `INSERT INTO interactions (profile_id, occurred_at, received_at, channel, direction, type, event,
       department, actor, text, properties, context, source, source_id, source_key, ${INSIGHT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING id`,
    [
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
      insight?.sentiment ?? null,
      insight?.sentimentScore ?? null,
      insight ? (insight.urgent ? 1 : 0) : null,
      insight?.urgencyScore ?? null,
      insight?.language ?? null,
      insight?.reason ?? null,
      insight?.reasonConfidence ?? null,
    ],
  );
  return row!.id;
}

/**
 * A customer's timeline, newest first: the events of her profiles (`profilesOf`). The cursor is the
 * (occurred_at, id) of the last row of the previous page.
 */
export async function listTimeline(
  db: Db,
  profiles: readonly string[],
  limit: number,
  after?: TimelineCursor,
): Promise<InteractionRow[]> {
  const query = after
    ? newestOfProfiles(profiles, SHOWN_COLUMNS, '(occurred_at, id) < (?, ?)', [after.occurredAt, after.id], limit)
    : newestOfProfiles(profiles, SHOWN_COLUMNS, '', [], limit);
  return db.all<InteractionRow>(query.sql, query.params);
}

/**
 * Track events of one customer's profiles that carry properties: the input for implicit preferences.
 * Without `newest`, all of them oldest first (a rebuild); with it, that many newest first (evidence),
 * optionally only those up to an interaction id (evidence as it stood when that interaction arrived).
 */
export async function listObservedEvents(
  db: Db,
  profiles: readonly string[],
  window?: { newest: number; upToId?: number },
): Promise<Array<{ id: number; occurred_at: number; properties: string }>> {
  if (window) {
    const query = newestOfProfiles(
      profiles,
      'id, occurred_at, properties',
      `type = 'track' AND properties IS NOT NULL AND id <= ?`,
      [window.upToId ?? Number.MAX_SAFE_INTEGER],
      window.newest,
    );
    return db.all(query.sql, query.params);
  }
  return db.all(
    `SELECT id, occurred_at, properties FROM interactions
     WHERE profile_id IN (${placeholders(profiles)}) AND type = 'track' AND properties IS NOT NULL
     ORDER BY occurred_at, id`,
    profiles,
  );
}

/** When her latest inbound contacts (up to `limit`) were, newest first: a system's notice about her counts too. */
export async function latestInboundTimes(db: Db, profiles: readonly string[], limit: number): Promise<number[]> {
  const query = newestOfProfiles(profiles, 'occurred_at', `direction = 'inbound'`, [], limit);
  return (await db.all<{ occurred_at: number }>(query.sql, query.params)).map((row) => row.occurred_at);
}

/** Every interaction of a customer's profiles, newest first, read a page at a time (a subject access export). */
export async function listWholeTimeline(
  db: Db,
  profiles: readonly string[],
  pageSize = 1000,
): Promise<InteractionRow[]> {
  const rows: InteractionRow[] = [];
  let after: TimelineCursor | undefined;
  for (;;) {
    const page = await listTimeline(db, profiles, pageSize, after);
    rows.push(...page);
    const last = page[page.length - 1];
    if (page.length < pageSize || !last) return rows;
    after = { occurredAt: last.occurred_at, id: last.id };
  }
}

/** The idempotency keys of a customer's interactions: what finds their events in the ingest log. */
export function sourceKeysOf(
  db: Db,
  profiles: readonly string[],
): Promise<Array<{ source: string; sourceId: string }>> {
  return db.all(
    `SELECT source, source_id AS sourceId FROM interactions WHERE profile_id IN (${placeholders(profiles)})`,
    [...profiles],
  );
}

/** Removes a customer's whole timeline, that of every profile of hers (erasure on request); answers how many went. */
export async function deleteInteractionsOf(db: Db, profiles: readonly string[]): Promise<number> {
  const { changes } = await db.run(`DELETE FROM interactions WHERE profile_id IN (${placeholders(profiles)})`, [
    ...profiles,
  ]);
  return changes;
}

/**
 * Occurrences of a named event in a window of time, with the customer who owns each now (after merges), oldest
 * first; by the index of interactions by time.
 */
export async function eventsBetween(
  db: Db,
  event: string,
  after: number,
  through: number,
  limit: number,
): Promise<Array<{ id: number; customerId: string; occurredAt: number }>> {
  return db.all(
    `SELECT i.id, COALESCE(owner.customer_id, i.profile_id) AS customerId, i.occurred_at AS occurredAt
     FROM interactions i INDEXED BY interactions_recent
     LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
     WHERE i.occurred_at > ? AND i.occurred_at <= ? AND i.event = ?
     ORDER BY i.occurred_at, i.id LIMIT ?`,
    [after, through, event, limit],
  );
}
