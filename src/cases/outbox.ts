// Replies are stored first and sent after: a mail server that is down delays a reply but never
// loses it. Each queued reply is tried until sent, with growing waits, then marked failed.
import type { Db } from '../store/db.ts';
import type { ReplySenders } from './channel-port.ts';
import type { Identity } from '../customers/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import * as outbox from './outbox-store.ts';
import type { QueuedReply } from './outbox-store.ts';
import { addThreadRef, findCase } from './store.ts';
import { threadNamespace } from './inbound.ts';
import { countDeliveredReply } from './response.ts';

const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

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
  const identity = await outbox.newestIdentityOf(db, customer.id, kind);
  return identity ? { identity, name: customer.name } : null;
}

async function markAttempt(db: Db, reply: QueuedReply, error: string, now: number): Promise<'retrying' | 'failed'> {
  const attempts = reply.deliveryAttempts + 1;
  const delay = RETRY_DELAYS_MS[attempts - 1];
  await outbox.recordFailedAttempt(db, reply.id, attempts, delay === undefined ? null : now + delay, error);
  return delay === undefined ? 'failed' : 'retrying';
}

/** Sends every reply that is due. Safe to call often and from several places: each reply is claimed before it is sent. */
export async function deliverDueReplies(
  db: Db,
  channels: ReplySenders,
  brandName: string,
  now = Date.now(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const due = await outbox.dueReplies(db, now);
  for (const reply of due) {
    // Claim it, so a concurrent run does not send it twice.
    if (!(await outbox.claimReply(db, reply.id, now, 10 * 60_000))) continue;
    const sender = channels.senderFor(reply.channel);
    const found = await findCase(db, reply.caseId);
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
      await outbox.markUndeliverable(
        db,
        reply.id,
        `The customer has no ${sender.addressKind ?? reply.channel} address to send to`,
      );
      report.failed++;
      continue;
    }
    const earlier = await outbox.externalIdsBefore(db, found.id, reply.id);
    const privately = await outbox.lastInboundWasDirect(db, found.id);
    try {
      const sent = await sender.send({
        caseId: found.id,
        caseNumber: found.number,
        channel: reply.channel,
        to: address.identity,
        toName: address.name,
        subject: found.subject,
        text: reply.text ?? '',
        inReplyTo: earlier,
        from: { name: reply.authorName ?? brandName, staffId: reply.authorStaffId },
        privately,
      });
      await db.transaction(async (tx) => {
        await outbox.markSent(tx, reply.id, sent.externalId);
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
        await outbox.markRefused(db, reply.id, message);
        report.failed++;
      } else {
        report[await markAttempt(db, reply, message, now)]++;
      }
    }
  }
  return report;
}
