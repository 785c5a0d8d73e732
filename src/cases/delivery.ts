// Where a reply goes and what became of it: the composer asks before the agent writes (to whom, by
// which channel, or plainly why it cannot go), the "Failed to send" queue lists cases with a reply that
// did not reach the customer, and a failed reply can be tried again.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { type ReplySenders, replyChannelOf } from './channel-port.ts';
import { caseErrors } from './errors.ts';
import { addressFor } from './outbox.ts';
import type { ReplyTargetSchema } from './responses.ts';
import { requireCase } from './service.ts';
import type { CaseRecord } from './model.ts';
import * as store from './store.ts';
import * as outbox from './outbox-store.ts';

export type ReplyTarget = z.infer<typeof ReplyTargetSchema>;

const NETWORK_NAMES: Record<string, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
};

function networkName(kind: string): string {
  const network = kind.slice('handle:'.length);
  return NETWORK_NAMES[network] ?? network.charAt(0).toUpperCase() + network.slice(1);
}

/** Decides where a reply to this case would go now, as the outbox will send it. */
export async function replyTargetOf(db: Db, current: CaseRecord, channels: ReplySenders): Promise<ReplyTarget> {
  const channel = replyChannelOf(current.channel);
  const cannot = (reason: string, to: string | null = null): ReplyTarget => ({
    canSend: false,
    channel,
    to,
    privately: false,
    description: null,
    reason,
  });
  if (current.status === 'closed')
    return cannot(`Case #${current.number} is closed: a new message from her opens a new case.`);
  const sender = channels.senderFor(channel);
  if (!sender?.send) {
    return cannot(
      channel === 'email'
        ? 'Replies by email cannot be sent: no outbound mail server is configured (RAPPORT_SMTP_URL).'
        : `Replies by ${channel.replace(/_/g, ' ')} cannot be sent: no channel adapter sends on it.`,
    );
  }
  const kind = sender.addressKind ?? 'email';
  const address = await addressFor(db, current.customerId, kind.startsWith('handle') ? 'handle' : kind);
  if (!address) {
    const what = kind.startsWith('handle:')
      ? `${networkName(kind)} handle`
      : kind === 'email'
        ? 'email address'
        : `${kind} address`;
    return cannot(`She has no ${what} on file, so a reply by ${channel.replace(/_/g, ' ')} cannot reach her.`);
  }
  if (address.identity.kind.startsWith('handle:')) {
    const handle = `@${address.identity.value}`;
    const privately = await outbox.lastInboundWasDirect(db, current.id);
    const network = networkName(address.identity.kind);
    return {
      canSend: true,
      channel,
      to: handle,
      privately,
      description: privately ? `private message to ${handle} on ${network}` : `public reply to ${handle} on ${network}`,
      reason: null,
    };
  }
  const by = channel === 'email' ? 'email' : channel.replace(/_/g, ' ');
  return {
    canSend: true,
    channel,
    to: address.identity.value,
    privately: false,
    description: `to ${address.identity.value} by ${by}`,
    reason: null,
  };
}

export interface UndeliveredReply {
  messageId: number;
  status: 'queued' | 'failed';
  error: string;
  at: string;
}

/**
 * Cases with a reply that has not reached the customer after at least one try (failed for good, or
 * waiting for its next try), latest such reply first.
 */
export async function listUndelivered(
  db: Db,
  limit: number,
): Promise<Array<{ record: CaseRecord; undelivered: UndeliveredReply }>> {
  const rows = await outbox.undeliveredReplies(db, limit * 4);
  const seen = new Set<string>();
  const items: Array<{ record: CaseRecord; undelivered: UndeliveredReply }> = [];
  for (const row of rows) {
    if (seen.has(row.caseId) || items.length >= limit) continue;
    seen.add(row.caseId);
    const record = await store.findCase(db, row.caseId);
    if (!record) continue;
    items.push({
      record,
      undelivered: {
        messageId: row.id,
        status: row.delivery,
        error: row.error,
        at: new Date(row.at).toISOString(),
      },
    });
  }
  return items;
}

/** Puts a reply that did not go back in the outbox, due now, with a fresh round of tries. */
export async function retryReply(db: Db, caseId: string, messageId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await requireCase(tx, caseId);
    const message = await outbox.messageDeliveryOf(tx, current.id, messageId);
    if (message?.kind !== 'reply')
      throw caseErrors.error('not_found', `No reply ${messageId} on case #${current.number}`);
    if (message.delivery === 'sent') throw caseErrors.error('already_sent', 'This reply was sent already');
    if (current.status === 'closed') {
      throw caseErrors.error(
        'case_closed',
        `Case #${current.number} is closed; a new message from the customer opens a new case`,
      );
    }
    const now = Date.now();
    await outbox.requeueReply(tx, messageId, now);
    await store.recordCaseEvent(tx, current.id, now, actor, { retry: { messageId } });
  });
}
