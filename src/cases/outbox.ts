// Replies are stored first and sent after: a mail server that is down delays a reply but never
// loses it. Each queued reply is tried until sent, with growing waits, then marked failed.
import type { Db } from '../store/db.ts';
import type { ChannelRegistry } from '../channels/index.ts';
import type { Identity } from '../customers/index.ts';
import type { Channel } from '../interactions/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { addThreadRef, findCase } from './store.ts';
import { threadNamespace } from './inbound.ts';
import { countDeliveredReply } from './response.ts';

const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

interface QueuedReply {
  id: number;
  case_id: string;
  interaction_id: number;
  author_staff_id: string | null;
  author_name: string | null;
  delivery_attempts: number;
  channel: Channel;
  text: string | null;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** The customer's address for a channel: the newest identity of the kind its adapter sends to (merges move identities to the survivor). */
export async function addressFor(
  db: Db,
  customerId: string,
  kind: string,
): Promise<{ identity: Identity; name: string | null } | null> {
  const customer = await canonicalCustomer(db, customerId);
  if (!customer) return null;
  const kindFilter = kind === 'handle' ? `kind LIKE 'handle:%'` : 'kind = ?';
  const row = await db.get<{ kind: string; value: string }>(
    `SELECT kind, value FROM identities WHERE customer_id = ? AND ${kindFilter} ORDER BY created_at DESC LIMIT 1`,
    kind === 'handle' ? [customer.id] : [customer.id, kind],
  );
  return row ? { identity: { kind: row.kind as Identity['kind'], value: row.value }, name: customer.name } : null;
}

async function markAttempt(db: Db, reply: QueuedReply, error: string, now: number): Promise<'retrying' | 'failed'> {
  const attempts = reply.delivery_attempts + 1;
  const delay = RETRY_DELAYS_MS[attempts - 1];
  await db.run(
    `UPDATE case_messages SET delivery = ?, delivery_attempts = ?, next_attempt_at = ?, delivery_error = ? WHERE id = ?`,
    [delay === undefined ? 'failed' : 'queued', attempts, delay === undefined ? null : now + delay, error, reply.id],
  );
  return delay === undefined ? 'failed' : 'retrying';
}

/** Sends every reply that is due. Safe to call often and from several places: each reply is claimed before it is sent. */
export async function deliverDueReplies(
  db: Db,
  channels: ChannelRegistry,
  brandName: string,
  now = Date.now(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const due = await db.all<QueuedReply>(
    `SELECT m.id, m.case_id, m.interaction_id, m.author_staff_id, s.name AS author_name, m.delivery_attempts, i.channel, i.text
     FROM case_messages m
     JOIN interactions i ON i.id = m.interaction_id
     LEFT JOIN staff s ON s.id = m.author_staff_id
     WHERE m.delivery = 'queued' AND m.next_attempt_at <= ?
     ORDER BY m.next_attempt_at LIMIT 100`,
    [now],
  );
  for (const reply of due) {
    // Claim it, so a concurrent run does not send it twice.
    const claimed = await db.run(
      `UPDATE case_messages SET next_attempt_at = ? WHERE id = ? AND delivery = 'queued' AND next_attempt_at <= ?`,
      [now + 10 * 60_000, reply.id, now],
    );
    if (claimed.changes === 0) continue;
    const sender = channels.senderFor(reply.channel);
    const found = await findCase(db, reply.case_id);
    if (!sender?.send || !found) {
      const why = found
        ? `No adapter sends on ${reply.channel}: configure one (for email, RAPPORT_SMTP_URL)`
        : 'The case is gone';
      report[await markAttempt(db, reply, why, now)]++;
      continue;
    }
    const address = await addressFor(
      db,
      found.customerId,
      sender.addressKind?.startsWith('handle') ? 'handle' : (sender.addressKind ?? 'email'),
    );
    if (!address) {
      await db.run(`UPDATE case_messages SET delivery = 'failed', delivery_error = ? WHERE id = ?`, [
        `The customer has no ${sender.addressKind ?? reply.channel} address to send to`,
        reply.id,
      ]);
      report.failed++;
      continue;
    }
    const earlier = await db.all<{ external_id: string }>(
      `SELECT external_id FROM case_messages WHERE case_id = ? AND external_id IS NOT NULL AND id <> ? ORDER BY at DESC, id DESC`,
      [found.id, reply.id],
    );
    const lastInbound = await db.get<{ properties: string | null }>(
      `SELECT i.properties FROM case_messages m JOIN interactions i ON i.id = m.interaction_id
       WHERE m.case_id = ? AND m.kind = 'inbound' ORDER BY m.at DESC, m.id DESC LIMIT 1`,
      [found.id],
    );
    const privately = lastInbound?.properties
      ? (JSON.parse(lastInbound.properties) as { direct?: unknown }).direct === true
      : false;
    try {
      const sent = await sender.send({
        caseId: found.id,
        caseNumber: found.number,
        channel: reply.channel,
        to: address.identity,
        toName: address.name,
        subject: found.subject,
        text: reply.text ?? '',
        inReplyTo: earlier.map((row) => row.external_id),
        from: { name: reply.author_name ?? brandName, staffId: reply.author_staff_id },
        privately,
      });
      await db.transaction(async (tx) => {
        await tx.run(
          `UPDATE case_messages SET delivery = 'sent', delivery_attempts = delivery_attempts + 1, next_attempt_at = NULL,
                  delivery_error = NULL, external_id = ? WHERE id = ?`,
          [sent.externalId, reply.id],
        );
        await addThreadRef(tx, threadNamespace(reply.channel), sent.externalId, found.id);
        // Handed to the channel: only now is it a response the customer can have (first, next).
        await countDeliveredReply(tx, found.id, now);
      });
      report.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A 5xx from the mail server (no such mailbox, rejected) will not change on retry.
      const permanent =
        typeof (error as { responseCode?: unknown }).responseCode === 'number' &&
        (error as { responseCode: number }).responseCode >= 500;
      if (permanent) {
        await db.run(
          `UPDATE case_messages SET delivery = 'failed', delivery_attempts = delivery_attempts + 1, next_attempt_at = NULL, delivery_error = ? WHERE id = ?`,
          [message, reply.id],
        );
        report.failed++;
      } else {
        report[await markAttempt(db, reply, message, now)]++;
      }
    }
  }
  return report;
}
