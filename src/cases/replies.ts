// Staff writing on a case: replies to the customer (through the case's channel, via the outbox),
// internal notes with @mentions of colleagues, and notes on a customer from any department.
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { caseErrors } from './errors.ts';
import * as mentions from './mentions-store.ts';
import { recordAudit } from '../audit/index.ts';
import { countResponse } from './response.ts';
import { replyChannelOf } from './channel-port.ts';
import type { Channel } from '../interactions/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { recordStaffInteraction } from './timeline.ts';
import { requireCase } from './service.ts';
import { toMessageView, type CaseMessageView } from './view.ts';
import { threadNamespace } from './inbound.ts';
import type { CaseRecord } from './model.ts';
import * as store from './store.ts';
import { followCaseMerges } from './merge-store.ts';
import { containsSurveyLink, fillSurveyLinks } from '../templates/index.ts';
import type { SurveyLinkMinter } from './survey-link-port.ts';

export interface Writer {
  id: string;
  name: string;
  department: string | null;
}

async function messageView(db: Db, caseId: string, messageId: number): Promise<CaseMessageView> {
  const row = (await store.messagesOf(db, caseId)).find((message) => message.id === messageId)!;
  return toMessageView(row);
}

/**
 * A reply to the customer, queued for the case's channel. A `{{survey.link}}` in the text becomes a survey link
 * minted now for her about this case (`mintSurveyLink`), in what is stored and what is sent alike; if none can be
 * minted, nothing is stored or sent.
 */
export async function replyToCase(
  db: Db,
  caseId: string,
  text: string,
  writer: Writer,
  actor: Actor,
  mintSurveyLink?: SurveyLinkMinter,
): Promise<CaseMessageView> {
  return db.transaction(async (tx) => {
    const current = await requireCase(tx, caseId);
    if (current.status === 'closed') {
      throw caseErrors.error(
        'case_closed',
        `Case #${current.number} is closed; a new message from the customer opens a new case`,
      );
    }
    const sent = await withSurveyLink(tx, text, current, mintSurveyLink);
    const now = Date.now();
    const channel = replyChannelOf(current.channel);
    const { interactionId } = await recordStaffInteraction(tx, {
      customerId: current.customerId,
      channel,
      direction: 'outbound',
      type: 'message',
      text: sent,
      department: writer.department ?? 'support',
      staffId: writer.id,
      properties: { caseId: current.id, caseNumber: current.number },
      at: now,
    });
    const messageId = await store.insertCaseMessage(tx, {
      caseId: current.id,
      interactionId,
      kind: 'reply',
      authorStaffId: writer.id,
      at: now,
      delivery: 'queued',
    });
    // Not a response yet: it counts when the outbox hands it to the channel (countDeliveredReply).
    await recordResponse(tx, current, { messageId, channel, at: now, staffId: writer.id, sent: false }, actor);
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'case.replied',
      customerId: current.customerId,
      detail: { caseId: current.id, messageId },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return messageView(tx, current.id, messageId);
  });
}

/** The text with its survey link markers filled in; the marker never reaches the customer. */
async function withSurveyLink(
  tx: Db,
  text: string,
  current: CaseRecord,
  mintSurveyLink: SurveyLinkMinter | undefined,
): Promise<string> {
  if (!containsSurveyLink(text)) return text;
  if (!mintSurveyLink) {
    throw caseErrors.error('survey_link_unavailable', 'A survey link cannot be made for this reply', {
      errors: [{ field: 'text', reason: 'Remove {{survey.link}}: no survey link is made here' }],
    });
  }
  return fillSurveyLinks(text, await mintSurveyLink(tx, { customerId: current.customerId, caseId: current.id }));
}

/**
 * What a response does to the case: an untouched case becomes open (and, if nobody had it, the
 * responder's); once sent (`sent`, or later when the outbox delivers it) it stops the SLA clocks
 * (response.ts): the first one the first-response clock, each one the next-response clock.
 */
async function recordResponse(
  tx: Db,
  current: CaseRecord,
  response: { messageId: number; channel: Channel; at: number; staffId: string | null; sent: boolean },
  actor: Actor,
): Promise<void> {
  if (response.sent) current = await countResponse(tx, current, response.at);
  const status = current.status === 'new' ? 'open' : current.status;
  const assigneeId = current.assigneeId ?? response.staffId;
  await store.updateCase(
    tx,
    current.id,
    {
      // Only what changes: naming an indexed column rewrites its index page even for the same value.
      ...(status !== current.status ? { status } : {}),
      ...(assigneeId !== current.assigneeId ? { assigneeId } : {}),
    },
    Date.now(),
  );
  await store.recordCaseEvent(tx, current.id, Date.now(), actor, {
    reply: { messageId: response.messageId, channel: response.channel },
    ...(status !== current.status ? { status: [current.status, status] } : {}),
    ...(assigneeId !== current.assigneeId ? { assigneeId: [null, assigneeId] } : {}),
  });
}

/**
 * A response the brand sent outside Rapport and the channel reports (a reply posted from the
 * network's own app, or one in a recorded feed): it lands on the case it answers, as sent.
 */
export async function recordChannelReply(
  db: Db,
  reply: {
    channel: Channel;
    source: string;
    externalId: string;
    inResponseTo: string[];
    text: string;
    at: number;
    author: string;
  },
  actor: Actor,
): Promise<{ caseId: string | null; outcome: 'recorded' | 'duplicate' | 'unthreaded' }> {
  return db.transaction(async (tx) => {
    const known = await store.caseOfReply(tx, reply.externalId);
    if (known) return { caseId: known, outcome: 'duplicate' as const };
    const caseId = await store.caseForThreadRefs(tx, threadNamespace(reply.channel), reply.inResponseTo);
    const found = caseId ? await store.findCase(tx, caseId) : undefined;
    // A reply in the thread of a case merged away lands on its survivor, as the customer's messages do.
    const followed = found ? await followCaseMerges(tx, found) : undefined;
    const current = followed?.record;
    if (!current) return { caseId: null, outcome: 'unthreaded' as const };
    const { interactionId } = await recordStaffInteraction(tx, {
      customerId: current.customerId,
      channel: reply.channel,
      direction: 'outbound',
      type: 'message',
      text: reply.text,
      department: 'support',
      staffId: null,
      properties: { caseId: current.id, caseNumber: current.number, author: reply.author, postId: reply.externalId },
      at: reply.at,
    });
    const messageId = await store.insertCaseMessage(tx, {
      caseId: current.id,
      interactionId,
      kind: 'reply',
      authorStaffId: null,
      at: reply.at,
      delivery: 'sent',
      externalId: reply.externalId,
      originCaseId: followed!.origin,
    });
    await store.addThreadRef(tx, threadNamespace(reply.channel), reply.externalId, followed!.origin ?? current.id);
    await recordResponse(
      tx,
      current,
      { messageId, channel: reply.channel, at: reply.at, staffId: null, sent: true },
      actor,
    );
    return { caseId: current.id, outcome: 'recorded' as const };
  });
}

const MENTION = /(?<![\w.])@([a-z0-9._+-]+(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)/gi;

/** `@jane` (the part of her email before @) or `@jane@example.com`: the colleagues a note names. */
export function mentionedHandles(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((match) => match[1]!.toLowerCase().replace(/\.$/, '')))];
}

async function recordMentions(
  tx: Db,
  text: string,
  context: { caseId: string | null; customerId: string; interactionId: number; by: string; at: number },
): Promise<string[]> {
  const mentioned: string[] = [];
  for (const handle of mentionedHandles(text)) {
    const staff = await mentions.activeStaffByHandle(tx, handle);
    if (!staff || staff.id === context.by || mentioned.includes(staff.id)) continue;
    mentioned.push(staff.id);
    await mentions.insertMention(tx, { staffId: staff.id, ...context });
  }
  return mentioned;
}

export async function addCaseNote(
  db: Db,
  caseId: string,
  text: string,
  writer: Writer,
  actor: Actor,
): Promise<CaseMessageView & { mentioned: string[] }> {
  return db.transaction(async (tx) => {
    const current = await requireCase(tx, caseId);
    const now = Date.now();
    const { interactionId } = await recordStaffInteraction(tx, {
      customerId: current.customerId,
      channel: current.channel,
      direction: 'internal',
      type: 'note',
      text,
      department: writer.department,
      staffId: writer.id,
      properties: { caseId: current.id, caseNumber: current.number },
      at: now,
    });
    const messageId = await store.insertCaseMessage(tx, {
      caseId: current.id,
      interactionId,
      kind: 'note',
      authorStaffId: writer.id,
      at: now,
    });
    const mentioned = await recordMentions(tx, text, {
      caseId: current.id,
      customerId: current.customerId,
      interactionId,
      by: writer.id,
      at: now,
    });
    await store.recordCaseEvent(tx, current.id, now, actor, { note: { messageId, mentioned } });
    return { ...(await messageView(tx, current.id, messageId)), mentioned };
  });
}

/** A note on the customer from anyone (in-store staff after a visit, finance after a call). */
export async function addCustomerNote(
  db: Db,
  customerId: string,
  note: { text: string; channel: Channel },
  writer: Writer,
  actor: Actor,
): Promise<{ interactionId: string; customerId: string; mentioned: string[] }> {
  return db.transaction(async (tx) => {
    const customer = await canonicalCustomer(tx, customerId);
    if (!customer) throw caseErrors.error('customer_not_found', `No customer with id ${customerId}`);
    const now = Date.now();
    const recorded = await recordStaffInteraction(tx, {
      customerId: customer.id,
      channel: note.channel,
      direction: 'internal',
      type: 'note',
      text: note.text,
      department: writer.department,
      staffId: writer.id,
      properties: { author: writer.name },
      at: now,
    });
    const mentioned = await recordMentions(tx, note.text, {
      caseId: null,
      customerId: recorded.customerId,
      interactionId: recorded.interactionId,
      by: writer.id,
      at: now,
    });
    await recordAudit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: 'customer.noted',
      customerId: recorded.customerId,
      detail: { interactionId: recorded.interactionId },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { interactionId: String(recorded.interactionId), customerId: recorded.customerId, mentioned };
  });
}

export { markCaseMentionsRead, type MentionView, mentionsOf } from './mentions-store.ts';

export async function markMentionRead(db: Db, staffId: string, id: number): Promise<void> {
  if (!(await mentions.markMentionRead(db, staffId, id, Date.now())))
    throw caseErrors.error('not_found', `No mention ${id} of yours`);
}
