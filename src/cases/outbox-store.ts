// SQL for the outbox: queued replies, claiming one before it is sent, recording how each try went, and
// the replies that have not reached the customer yet.
import type { Db } from '../store/db.ts';
import type { Identity } from '../customers/index.ts';
import type { Channel } from '../interactions/index.ts';

export interface QueuedReply {
  id: number;
  caseId: string;
  authorStaffId: string | null;
  authorName: string | null;
  deliveryAttempts: number;
  channel: Channel;
  text: string | null;
}

/** Queued replies whose next try is due, the longest-waiting first. */
export async function dueReplies(db: Db, now: number, limit = 100): Promise<QueuedReply[]> {
  const rows = await db.all<{
    id: number;
    case_id: string;
    author_staff_id: string | null;
    author_name: string | null;
    delivery_attempts: number;
    channel: Channel;
    text: string | null;
  }>(
    `SELECT m.id, m.case_id, m.interaction_id, m.author_staff_id, s.name AS author_name, m.delivery_attempts, i.channel, i.text
     FROM case_messages m
     JOIN interactions i ON i.id = m.interaction_id
     LEFT JOIN staff s ON s.id = m.author_staff_id
     WHERE m.delivery = 'queued' AND m.next_attempt_at <= ?
     ORDER BY m.next_attempt_at LIMIT ?`,
    [now, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    authorStaffId: row.author_staff_id,
    authorName: row.author_name,
    deliveryAttempts: row.delivery_attempts,
    channel: row.channel,
    text: row.text,
  }));
}

/** Moves the reply's next try `holdMs` on, unless another run took it first; true when this run has it. */
export async function claimReply(db: Db, id: number, now: number, holdMs: number): Promise<boolean> {
  const claimed = await db.run(
    `UPDATE case_messages SET next_attempt_at = ? WHERE id = ? AND delivery = 'queued' AND next_attempt_at <= ?`,
    [now + holdMs, id, now],
  );
  return claimed.changes > 0;
}

/** A try that failed: queued again for `nextAttemptAt`, or failed for good when that is null. */
export async function recordFailedAttempt(
  db: Db,
  id: number,
  attempts: number,
  nextAttemptAt: number | null,
  error: string,
): Promise<void> {
  await db.run(
    `UPDATE case_messages SET delivery = ?, delivery_attempts = ?, next_attempt_at = ?, delivery_error = ? WHERE id = ?`,
    [nextAttemptAt === null ? 'failed' : 'queued', attempts, nextAttemptAt, error, id],
  );
}

/** Failed for good without a try (no address to send to). */
export async function markUndeliverable(db: Db, id: number, error: string): Promise<void> {
  await db.run(`UPDATE case_messages SET delivery = 'failed', delivery_error = ? WHERE id = ?`, [error, id]);
}

/** Failed for good on a try (the channel refused it for a reason a retry will not change). */
export async function markRefused(db: Db, id: number, error: string): Promise<void> {
  await db.run(
    `UPDATE case_messages SET delivery = 'failed', delivery_attempts = delivery_attempts + 1, next_attempt_at = NULL, delivery_error = ? WHERE id = ?`,
    [error, id],
  );
}

export async function markSent(db: Db, id: number, externalId: string): Promise<void> {
  await db.run(
    `UPDATE case_messages SET delivery = 'sent', delivery_attempts = delivery_attempts + 1, next_attempt_at = NULL,
            delivery_error = NULL, external_id = ? WHERE id = ?`,
    [externalId, id],
  );
}

/** The channel ids of the case's other messages, most recent first: what a reply answers. */
export async function externalIdsBefore(db: Db, caseId: string, replyId: number): Promise<string[]> {
  const rows = await db.all<{ external_id: string }>(
    `SELECT external_id FROM case_messages WHERE case_id = ? AND external_id IS NOT NULL AND id <> ? ORDER BY at DESC, id DESC`,
    [caseId, replyId],
  );
  return rows.map((row) => row.external_id);
}

/** Whether the customer's latest message on the case came privately (a direct message). */
export async function lastInboundWasDirect(db: Db, caseId: string): Promise<boolean> {
  const row = await db.get<{ properties: string | null }>(
    `SELECT i.properties FROM case_messages m JOIN interactions i ON i.id = m.interaction_id
     WHERE m.case_id = ? AND m.kind = 'inbound' ORDER BY m.at DESC, m.id DESC LIMIT 1`,
    [caseId],
  );
  return row?.properties ? (JSON.parse(row.properties) as { direct?: unknown }).direct === true : false;
}

/** The customer's newest identity of `kind` (`handle` for a handle on any network). */
export async function newestIdentityOf(db: Db, customerId: string, kind: string): Promise<Identity | undefined> {
  const kindFilter = kind === 'handle' ? `kind LIKE 'handle:%'` : 'kind = ?';
  const row = await db.get<{ kind: string; value: string }>(
    `SELECT kind, value FROM identities WHERE customer_id = ? AND ${kindFilter} ORDER BY created_at DESC LIMIT 1`,
    kind === 'handle' ? [customerId] : [customerId, kind],
  );
  return row ? { kind: row.kind as Identity['kind'], value: row.value } : undefined;
}

/** Replies that did not reach the customer after at least one try (failed, or waiting), latest first. */
export async function undeliveredReplies(
  db: Db,
  limit: number,
): Promise<Array<{ id: number; caseId: string; delivery: 'queued' | 'failed'; error: string; at: number }>> {
  const rows = await db.all<{
    id: number;
    case_id: string;
    delivery: 'queued' | 'failed';
    delivery_error: string;
    at: number;
  }>(
    `SELECT id, case_id, delivery, delivery_error, at FROM case_messages
     WHERE delivery_error IS NOT NULL AND delivery IN ('queued', 'failed')
     ORDER BY at DESC, id DESC LIMIT ?`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    delivery: row.delivery,
    error: row.delivery_error,
    at: row.at,
  }));
}

/** A message's kind and how its delivery stands, when it is on that case. */
export async function messageDeliveryOf(
  db: Db,
  caseId: string,
  messageId: number,
): Promise<{ kind: string; delivery: string | null } | undefined> {
  return db.get<{ kind: string; delivery: string | null }>(
    'SELECT kind, delivery FROM case_messages WHERE id = ? AND case_id = ?',
    [messageId, caseId],
  );
}

/** Back in the outbox, due at `now`, with a fresh round of tries. */
export async function requeueReply(db: Db, messageId: number, now: number): Promise<void> {
  await db.run(
    `UPDATE case_messages SET delivery = 'queued', delivery_attempts = 0, next_attempt_at = ? WHERE id = ?`,
    [now, messageId],
  );
}
