// Use cases for ideas: turn a customer's words into an idea, add everyone else who asks, merge duplicates keeping
// every requester, set a status with its reason, and answer each requester personally through the way she came
// (her open case, else email, else recorded as answered by hand). Nothing a customer said is dropped on the way.
import type { Db } from '../store/db.ts';
import { type Actor, auditActor } from '../shared/actor.ts';
import type { Mailer } from '../shared/mail.ts';
import { newId } from '../shared/ids.ts';
import { recordAudit, recordView } from '../audit/index.ts';
import { canonicalCustomer, customerLabel, customerLabelFactsOf, profilesOf } from '../customers/index.ts';
import { wordsOf } from '../interactions/index.ts';
import {
  addressFor,
  caseOfInteraction,
  findCase,
  recordStaffInteraction,
  replyToCase,
  type Writer,
} from '../cases/index.ts';
import { lifetimeValueCurrency, lifetimeValueOf } from '../flags/index.ts';
import { containsSurveyLink } from '../templates/index.ts';
import { mintReplySurveyLink } from './reply-survey.ts';
import { feedbackErrors } from './errors.ts';
import {
  type IdeaStatus,
  isAnswered,
  mergeRequesters,
  type Requester,
  type RequesterInput,
  statusReasonProblem,
} from './idea-model.ts';
import * as store from './idea-store.ts';
import { moveComments } from './public-board-store.ts';

function invalid(field: string, reason: string): never {
  throw feedbackErrors.error('invalid_idea', reason, { errors: [{ field, reason }] });
}

export async function requireIdea(db: Db, id: string): Promise<store.IdeaRecord> {
  const idea = await store.findIdea(db, id);
  if (!idea) throw feedbackErrors.error('not_found', `No idea ${id}`);
  return idea;
}

/** The idea a merged duplicate lives on in (requests to it go there). */
async function survivorOf(db: Db, idea: store.IdeaRecord): Promise<store.IdeaRecord> {
  let current = idea;
  for (let hops = 0; current.mergedInto && hops < 32; hops++) current = await requireIdea(db, current.mergedInto);
  return current;
}

/** Her request checked: she exists, the interaction is hers, and her words are given or taken from it. */
async function requesterFrom(db: Db, input: RequesterInput, prefix: string, now: number): Promise<Requester> {
  // Named as the request's schema names them: `requester.customerId` in a new idea, `customerId` on its own.
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const customer = await canonicalCustomer(db, input.customerId);
  if (!customer || customer.erased_at !== null) invalid(field('customerId'), `No customer ${input.customerId}`);
  let text = input.text ?? null;
  let interactionId: number | null = null;
  if (input.interactionId !== undefined) {
    const words = await wordsOf(db, Number(input.interactionId));
    if (!words || !(await profilesOf(db, customer.id)).includes(words.profileId)) {
      invalid(field('interactionId'), `No interaction ${input.interactionId} of this customer`);
    }
    interactionId = Number(input.interactionId);
    text ??= words.text;
  }
  if (!text?.trim()) invalid(field('text'), 'Give her words, or the interaction they are in');
  return { customerId: customer.id, interactionId, text: text.trim(), addedAt: now };
}

export interface IdeaFields {
  title: string;
  body?: string;
  requester?: RequesterInput;
}

/** `now`: when she asked (a test or an import may tell an earlier time). */
export async function createIdea(
  db: Db,
  fields: IdeaFields,
  actor: Actor,
  now = Date.now(),
): Promise<store.IdeaRecord> {
  return db.transaction(async (tx) => {
    const requester = fields.requester ? await requesterFrom(tx, fields.requester, 'requester', now) : null;
    const idea = await store.insertIdea(tx, {
      id: newId('idea'),
      title: fields.title,
      body: fields.body ?? '',
      status: 'new',
      statusReason: null,
      mergedInto: null,
      public: false,
      createdAt: now,
      createdBy: actor.kind === 'staff' ? actor.id : null,
      updatedAt: now,
    });
    if (requester) await store.upsertRequester(tx, idea.id, requester, actor.kind === 'staff' ? actor.id : null);
    await store.recordIdeaEvent(tx, idea.id, now, actor, {
      created: { title: idea.title, requester: requester?.customerId ?? null },
    });
    return idea;
  });
}

/** Another customer asks for it (a merged duplicate takes her to the idea it lives on in). */
export async function addRequester(
  db: Db,
  ideaId: string,
  input: RequesterInput,
  actor: Actor,
): Promise<store.IdeaRecord> {
  return db.transaction(async (tx) => {
    const idea = await survivorOf(tx, await requireIdea(tx, ideaId));
    const now = Date.now();
    const requester = await requesterFrom(tx, input, '', now);
    if (await store.upsertRequester(tx, idea.id, requester, actor.kind === 'staff' ? actor.id : null)) {
      await store.recordIdeaEvent(tx, idea.id, now, actor, { requesterAdded: requester.customerId });
      await store.updateIdea(tx, idea.id, {}, now);
    }
    return idea;
  });
}

/** A duplicate merged into another: its requesters (with all their words) and replies move there; it points there. */
export async function mergeIdea(db: Db, id: string, intoId: string, actor: Actor): Promise<store.IdeaRecord> {
  return db.transaction(async (tx) => {
    const absorbed = await requireIdea(tx, id);
    const survivor = await survivorOf(tx, await requireIdea(tx, intoId));
    if (absorbed.mergedInto) invalid('id', `Idea #${absorbed.number} is merged already`);
    if (survivor.id === absorbed.id) invalid('intoId', 'An idea cannot be merged into itself');
    const now = Date.now();
    const requesters = mergeRequesters(
      await store.requestersOf(tx, survivor.id),
      await store.requestersOf(tx, absorbed.id),
    );
    await store.replaceRequesters(tx, survivor.id, requesters);
    await store.replaceRequesters(tx, absorbed.id, []);
    await store.moveReplies(tx, absorbed.id, survivor.id);
    // What customers said about it on the public board goes with them (shown there if the survivor is public).
    await moveComments(tx, absorbed.id, survivor.id);
    await store.updateIdea(tx, absorbed.id, { mergedInto: survivor.id }, now);
    await store.updateIdea(tx, survivor.id, {}, now);
    await store.recordIdeaEvent(tx, absorbed.id, now, actor, { mergedInto: survivor.id });
    await store.recordIdeaEvent(tx, survivor.id, now, actor, { merged: absorbed.id });
    return (await store.findIdea(tx, survivor.id))!;
  });
}

/** Declined and already possible need their reason (why not, how to do it today): every requester is owed it. */
export async function changeIdeaStatus(
  db: Db,
  id: string,
  change: { status: IdeaStatus; reason: string | null },
  actor: Actor,
): Promise<store.IdeaRecord> {
  return db.transaction(async (tx) => {
    const idea = await survivorOf(tx, await requireIdea(tx, id));
    const problem = statusReasonProblem(change.status, change.reason);
    if (problem) invalid('reason', problem);
    const now = Date.now();
    await store.updateIdea(tx, idea.id, { status: change.status, statusReason: change.reason?.trim() || null }, now);
    await store.recordIdeaEvent(tx, idea.id, now, actor, {
      status: [idea.status, change.status],
      ...(change.reason ? { reason: change.reason } : {}),
    });
    return (await store.findIdea(tx, idea.id))!;
  });
}

/** Shown on the public board or not: staff choose which ideas customers see (merged duplicates never show). */
export async function changeIdeaVisibility(
  db: Db,
  id: string,
  shown: boolean,
  actor: Actor,
): Promise<store.IdeaRecord> {
  return db.transaction(async (tx) => {
    const idea = await survivorOf(tx, await requireIdea(tx, id));
    if (idea.public !== shown) {
      const now = Date.now();
      await store.setIdeaPublic(tx, idea.id, shown, now);
      await store.recordIdeaEvent(tx, idea.id, now, actor, { public: shown });
    }
    return (await store.findIdea(tx, idea.id))!;
  });
}

export interface SentReply {
  id: string;
  via: store.IdeaReply['via'];
  caseId: string | null;
}

/**
 * A personal answer to one requester, the way she came: on her case while it is open (through its channel and
 * outbox), else by email when she has an address and a mail server is set up, else recorded as answered by hand
 * (a call). It joins her timeline either way.
 */
export async function replyToRequester(
  db: Db,
  ideaId: string,
  reply: { customerId: string; text: string },
  writer: Writer,
  actor: Actor,
  mailer: Mailer | undefined,
  company: string,
  /** Where customers reach this server: a `{{survey.link}}` in a reply on her case becomes a link there. */
  publicUrl: string,
): Promise<SentReply> {
  const idea = await survivorOf(db, await requireIdea(db, ideaId));
  const customer = await canonicalCustomer(db, reply.customerId);
  const requester = (await store.requestersOf(db, idea.id)).find((known) => known.customerId === customer?.id);
  if (!customer || !requester)
    invalid('customerId', `Customer ${reply.customerId} did not ask for idea #${idea.number}`);
  const now = Date.now();
  const asked = requester.interactionId === null ? undefined : await caseOfInteraction(db, requester.interactionId);
  const askedCase = asked ? await findCase(db, asked.case_id) : undefined;
  let sent: SentReply;
  if (askedCase && askedCase.status !== 'closed') {
    const message = await replyToCase(db, askedCase.id, reply.text, writer, actor, (tx, about) =>
      mintReplySurveyLink(tx, { ...about, publicUrl }),
    );
    sent = { id: newId('irep'), via: 'case', caseId: askedCase.id };
    await db.transaction(async (tx) => {
      await store.insertReply(tx, {
        ...sent,
        ideaId: idea.id,
        customerId: customer.id,
        text: reply.text,
        staffId: writer.id,
        at: now,
        interactionId: Number(message.interactionId),
      });
    });
    return sent;
  }
  // A survey link is minted about a case, as its reply is sent; a mail sent before it is recorded has neither.
  if (containsSurveyLink(reply.text))
    invalid('text', 'A survey link goes only in a reply on her open case: remove {{survey.link}}');
  const address = mailer ? await addressFor(db, customer.id, 'email') : null;
  if (mailer && address) {
    // Sent before it is recorded: a refusal by the mail server leaves nothing claiming she was answered.
    await mailer.sendMail({
      to: { address: address.identity.value, name: address.name },
      subject: `${company}: about your idea “${idea.title}”`,
      text: reply.text,
    });
  }
  const via = mailer && address ? 'email' : 'recorded';
  return db.transaction(async (tx) => {
    const { interactionId } = await recordStaffInteraction(tx, {
      customerId: customer.id,
      channel: via === 'email' ? 'email' : 'system',
      direction: 'outbound',
      type: 'message',
      text: reply.text,
      department: writer.department ?? 'product',
      staffId: writer.id,
      properties: { ideaId: idea.id, ideaNumber: idea.number, via },
      at: now,
    });
    const recorded = { id: newId('irep'), via, caseId: null } as const;
    await store.insertReply(tx, {
      ...recorded,
      ideaId: idea.id,
      customerId: customer.id,
      text: reply.text,
      staffId: writer.id,
      at: now,
      interactionId,
    });
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'idea.replied',
      customerId: customer.id,
      detail: { ideaId: idea.id, via },
    });
    return recorded;
  });
}

export interface IdeaView {
  idea: store.IdeaRecord;
  requesters: Array<{
    customerId: string;
    customerLabel: string | null;
    interactionId: string | null;
    text: string;
    addedAt: number;
    answeredAt: number | null;
    lifetimeValue: { amount: number; currency: string };
  }>;
  demand: { requesters: number; unanswered: number; value: { amount: number; currency: string } };
  history: Awaited<ReturnType<typeof store.ideaEventsOf>>;
}

/** One idea with everyone who asked, her words, whether she was answered, and what the requesters are worth. */
export async function getIdea(db: Db, id: string, actor: Actor, canSeePii: boolean): Promise<IdeaView> {
  const idea = await requireIdea(db, id);
  const [requesters, lastReplies, history] = await Promise.all([
    store.requestersOf(db, idea.id),
    store.lastRepliesOf(db, idea.id),
    store.ideaEventsOf(db, idea.id),
  ]);
  const facts = await customerLabelFactsOf(
    db,
    requesters.map((requester) => requester.customerId),
  );
  const currency = await lifetimeValueCurrency(db);
  const shown = [];
  for (const requester of requesters) {
    const lastReply = lastReplies.get(requester.customerId) ?? null;
    const known = facts.get(requester.customerId);
    shown.push({
      customerId: requester.customerId,
      customerLabel: known ? customerLabel(known, canSeePii) : null,
      interactionId: requester.interactionId === null ? null : String(requester.interactionId),
      text: requester.text,
      addedAt: requester.addedAt,
      answeredAt: isAnswered(requester, lastReply) ? lastReply : null,
      lifetimeValue: await lifetimeValueOf(db, requester.customerId, currency),
    });
    await recordView(db, {
      ...auditActor(actor),
      action: 'idea.viewed',
      customerId: requester.customerId,
      detail: { ideaId: idea.id },
    });
  }
  return {
    idea,
    requesters: shown,
    demand: {
      requesters: shown.length,
      unanswered: shown.filter((requester) => requester.answeredAt === null).length,
      value: { amount: shown.reduce((sum, requester) => sum + requester.lifetimeValue.amount, 0), currency },
    },
    history,
  };
}

/**
 * Ideas still standing, ranked by demand (how many asked) or by value (the sum of the requesters' lifetime values).
 * Values are summed per request: fine for the first hundred ideas a page shows.
 */
export async function rankedIdeas(
  db: Db,
  options: { status?: IdeaStatus; sort: 'demand' | 'value'; limit: number },
): Promise<Array<store.IdeaRecord & { requesters: number; value: { amount: number; currency: string } }>> {
  const ideas = await store.listIdeas(db, {
    status: options.status,
    limit: options.sort === 'value' ? 100 : options.limit,
  });
  const currency = await lifetimeValueCurrency(db);
  const ranked = [];
  for (const idea of ideas) {
    let amount = 0;
    for (const requester of await store.requestersOf(db, idea.id))
      amount += (await lifetimeValueOf(db, requester.customerId, currency)).amount;
    ranked.push({ ...idea, value: { amount, currency } });
  }
  if (options.sort === 'value') ranked.sort((a, b) => b.value.amount - a.value.amount || b.requesters - a.requesters);
  return ranked.slice(0, options.limit);
}
