// What happens when a customer writes, posts or calls: the message lands on her timeline, joins the
// conversation it belongs to (reopening it when it was resolved) or opens a new case — assigned,
// with SLA due times, and linked to an earlier case about the same matter.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import { newId } from '../shared/ids.ts';
import { type EdgeProjection, ingestEvents, type IngestResult } from '../pipeline/index.ts';
import { isHistory } from './history.ts';
import { joinHistory } from './history-cases.ts';
import { type IncomingEvent, readingOf } from '../interactions/index.ts';
import { profilesOf } from '../customers/index.ts';
import type { InboundMessage } from './channel-port.ts';
import { findRepeatOf } from './repeat.ts';
import type { ReceivedMessageSchema } from './responses.ts';
import { classifyReason } from '../listening/index.ts';
import { pickThreadByWindow, splitThreadRefs, subjectFromText } from './threading.ts';
import { firstMatchingRule, pickAssignee } from './assignment.ts';
import { listAssignmentRules } from './rules-store.ts';
import { readCaseSettings } from './settings.ts';
import { DAY_MS, HOUR_MS } from '../shared/time.ts';
import { retargetedDueTimes, slaClockOf, teamOrDefault } from './clock.ts';
import { openingDueTimes, nextResponseDueAt } from '../sla/index.ts';
import { membersOf, markAssigned } from '../teams/index.ts';
import { refreshRuleFlags } from '../flags/index.ts';
import { isFirstContactResolution, statusAfterInbound, type CasePriority, type CaseRecord } from './model.ts';
import { type Escalation, escalationFor, type HeardWords, higherPriority } from './escalation.ts';
import { listEscalationRules } from './escalation-store.ts';
import { resolutionClockChanges } from './sla-pause.ts';
import * as store from './store.ts';
import { followCaseMerges } from './merge-store.ts';
import { now } from '../shared/clock.ts';

export type ReceivedMessage = z.infer<typeof ReceivedMessageSchema>;

/** Thread references live per channel family: an email Message-ID never matches a post id. */
export function threadNamespace(channel: string): string {
  return channel;
}

function toEvent(message: InboundMessage): IncomingEvent {
  return {
    source: message.source,
    sourceId: message.externalId,
    identities: message.from.identities,
    name: message.from.name ?? null,
    occurredAt: message.occurredAt,
    channel: message.channel,
    direction: 'inbound',
    type: message.kind === 'call' ? 'call' : 'message',
    event: null,
    department: message.department ?? 'support',
    actor: 'customer',
    text: message.text,
    properties: {
      ...(message.subject ? { subject: message.subject } : {}),
      ...message.properties,
      ...((message as CarriedMessage).historical ? { historical: true } : {}),
    },
    context: null,
  };
}

/** A message on its way to a case; `historical` (set by its source) overrides the age rule of history.ts. */
export type CarriedMessage = InboundMessage & { historical?: boolean };

/**
 * Where a channel's message goes: the running app appends it to the event log and waits for its own position
 * (src/app/message-intake.ts), so it is durable at once and projected in order with every other event; without
 * one (a command-line tool on its own database, a unit test) it is applied to the database directly.
 */
export type MessageIntake = (message: CarriedMessage, actor: Actor) => Promise<ReceivedMessage>;

const intakes = new WeakMap<Db, MessageIntake>();

/** Routes every message received on this database through `intake` (the app installs the event log's). */
export function receiveMessagesThrough(db: Db, intake: MessageIntake): void {
  intakes.set(db, intake);
}

export async function receiveMessage(db: Db, received: CarriedMessage, actor: Actor): Promise<ReceivedMessage> {
  const intake = intakes.get(db);
  if (intake) return intake(received, actor);
  return db.transaction(async (tx) => {
    const report = await ingestEvents(tx, [toEvent(received)], { onEventError: 'all-or-nothing', actor });
    return carryToCase(tx, received, report.results[0]!, actor);
  });
}

/** A channel's logged message, projected: on the timeline, then carried to its case; the case is its outcome. */
export const loggedMessages: EdgeProjection = {
  decode: (body) => toEvent(body as CarriedMessage),
  onStored: async (tx, _event, result, origin, body) => ({
    detail: await carryToCase(tx, body as CarriedMessage, result, origin.actor),
  }),
  keepsOutcomes: true,
};

/**
 * What became of a message that another process's projector carried (the appender's own projector did not see
 * it: `rapport replay` beside a running server), read back from what that projection wrote at the message's log
 * position: the case opened, reopened or joined then, or the case of a message seen before.
 */
export async function recallCarried(
  db: Db,
  received: CarriedMessage,
  result: IngestResult,
  position: number,
  actor: Actor,
): Promise<ReceivedMessage> {
  const carried = await carryToCase(db, received, { ...result, status: 'duplicate' }, actor);
  if (result.status !== 'stored' || carried.outcome !== 'duplicate') return carried;
  const changes = await store.caseChangesAtPosition(db, carried.caseId, position);
  const reopened = changes.some((change) => Array.isArray(change.status) && change.status[0] === 'resolved');
  const outcome = changes.some((change) => 'opened' in change) ? 'opened' : reopened ? 'reopened' : 'joined';
  return { ...carried, outcome };
}

/**
 * Carries a message already on the timeline (`result`, as the ingest pipeline stored it or found it
 * stored) to its case: every edge that takes inbound messages — the channel adapters, the native API,
 * the importer — goes through here, in the caller's transaction.
 */
export async function carryToCase(
  db: Db,
  received: CarriedMessage,
  result: IngestResult,
  actor: Actor,
): Promise<ReceivedMessage> {
  let message = received;
  const history = isHistory(received, now());
  return db.transaction(async (tx) => {
    const interactionId = Number(result.interactionId);
    if (result.status === 'duplicate') {
      const known = await store.caseOfInteraction(tx, interactionId);
      if (known) {
        return {
          caseId: known.case_id,
          caseNumber: known.number,
          customerId: known.customer_id,
          interactionId: String(interactionId),
          outcome: 'duplicate',
          repeatOf: known.repeat_of,
        };
      }
      // Stored on the timeline by another edge, never on a case: carry it to one now.
    }
    const customerId = result.customerId!;
    const heard = await heardWordsOf(tx, interactionId, message.channel);
    // History is what already happened: it raises nothing now.
    const escalation = heard && !history ? escalationFor(await listEscalationRules(tx), heard) : null;
    const profiles = await profilesOf(tx, customerId);
    const settings = await readCaseSettings(tx);
    const namespace = threadNamespace(message.channel);

    let target: CaseRecord | undefined;
    let followUpOf: CaseRecord | undefined;
    let referenced: CaseRecord | undefined;
    const { messageIds, caseNumbers } = splitThreadRefs(message.threadRefs);
    const referencedId = await store.caseForThreadRefs(tx, namespace, messageIds);
    if (referencedId) {
      referenced = await store.findCase(tx, referencedId);
    } else if (caseNumbers.length) {
      // Message ids are unguessable; a [#number] in a subject is not, so it only counts for the case's own customer.
      const owner = await store.latestCaseNumbered(tx, caseNumbers);
      if (owner && profiles.includes(owner.customerId)) referenced = owner;
    }
    // A case merged into another answers through its survivor; the message remembers whose thread it came by.
    let threadOrigin: string | null = null;
    if (referenced) ({ record: referenced, origin: threadOrigin } = await followCaseMerges(tx, referenced));
    if (referenced) {
      // A reply to a closed case starts a new one: closed is final, but the history stays linked.
      // History joins its thread whatever the status: it changes nothing there but the record.
      if (referenced.status === 'closed' && !history) followUpOf = referenced;
      else target = referenced;
    }
    const lookBack = Math.max(settings.threadWindowHours * HOUR_MS, settings.repeatWindowDays * DAY_MS);
    const recent = await store.recentCasesOf(tx, profiles, message.occurredAt - lookBack);
    if (!target && !followUpOf) {
      const picked = pickThreadByWindow(
        { channel: message.channel, subject: message.subject ?? null, occurredAt: message.occurredAt },
        recent.map((c) => ({
          caseId: c.id,
          // A historical thread's case is closed already; the rest of that thread still belongs to it.
          status: history ? 'open' : c.status,
          channel: c.channel,
          subject: c.subject,
          lastActivityAt: Math.max(c.lastInboundAt ?? 0, c.lastOutboundAt ?? 0, c.openedAt),
        })),
        settings.threadWindowHours * HOUR_MS,
      );
      target = picked ? recent.find((c) => c.id === picked) : undefined;
    }

    // An answer cannot predate what it answers; mail Date headers have only second precision.
    if (target && referenced && target.lastOutboundAt !== null && message.occurredAt <= target.lastOutboundAt) {
      message = { ...message, occurredAt: target.lastOutboundAt + 1 };
    }
    const outcome = target
      ? history
        ? await joinHistory(tx, target, message)
        : await joinCase(tx, target, message, actor, escalation)
      : await openCase(tx, {
          message,
          heard,
          escalation,
          customerId,
          recent,
          followUpOf,
          repeatWindowMs: settings.repeatWindowDays * DAY_MS,
          actor,
          history,
        });
    const origin = target ? threadOrigin : null;
    // Its id joins the thread it came by, so undoing a merge takes it back with that case.
    await store.addThreadRef(tx, namespace, message.externalId, origin ?? outcome.record.id);
    await store.insertCaseMessage(tx, {
      caseId: outcome.record.id,
      interactionId,
      kind: message.kind === 'call' ? 'call' : 'inbound',
      authorStaffId: null,
      at: message.occurredAt,
      externalId: message.externalId,
      originCaseId: origin,
    });
    // History raises no flag now; the rules count it the next time her flags are decided.
    if (outcome.kind !== 'joined' && !history) await refreshRuleFlags(tx, outcome.record.customerId, now());
    return {
      caseId: outcome.record.id,
      caseNumber: outcome.record.number,
      customerId: outcome.record.customerId,
      interactionId: String(interactionId),
      outcome: outcome.kind,
      repeatOf: outcome.record.repeatOf,
    };
  });
}

interface Outcome {
  kind: 'opened' | 'joined' | 'reopened';
  record: CaseRecord;
}

/**
 * Whether words that open no case of their own (a survey comment, a review, an in-app message) are to open one: a
 * customer's, live, and matched by an enabled escalation rule that opens cases. The case is then opened or joined
 * as any message's is (carryToCase), and raised by the first rule that matches.
 */
export async function escalationOpensCase(tx: Db, message: CarriedMessage, interactionId: number): Promise<boolean> {
  if (isHistory(message, now())) return false;
  const heard = await heardWordsOf(tx, interactionId, message.channel);
  if (!heard) return false;
  const opening = (await listEscalationRules(tx)).filter((rule) => rule.opensCase);
  return escalationFor(opening, heard) !== null;
}

/** What listening read in the message as stored (null when nothing was read: no words, or listening is off). */
async function heardWordsOf(
  tx: Db,
  interactionId: number,
  channel: CarriedMessage['channel'],
): Promise<HeardWords | null> {
  const reading = await readingOf(tx, interactionId);
  return reading?.insight && reading.text ? { channel, text: reading.text, insight: reading.insight } : null;
}

async function joinCase(
  tx: Db,
  target: CaseRecord,
  message: InboundMessage,
  actor: Actor,
  escalation: Escalation | null,
): Promise<Outcome> {
  const at = message.occurredAt;
  const reopening = target.status === 'resolved';
  const status = statusAfterInbound(target.status);
  const changes: Partial<CaseRecord> = {
    // Only when it changes: naming an indexed column rewrites its index page even for the same value.
    ...(status !== target.status ? { status } : {}),
    contactCount: target.contactCount + 1,
    lastInboundAt: Math.max(target.lastInboundAt ?? 0, at),
    // Her answer is when the wait on her ended (a recorded feed or polled mail carries its own time).
    ...(await resolutionClockChanges(tx, target, status, at)),
  };
  const raisedTo = escalation ? raisedPriority(target.priority, escalation) : null;
  if (raisedTo) {
    changes.priority = raisedTo;
    Object.assign(
      changes,
      await retargetedDueTimes(tx, { ...target, ...changes }, { priority: raisedTo, teamId: target.teamId }),
    );
  }
  if (reopening) {
    changes.reopenCount = target.reopenCount + 1;
    changes.resolvedAt = null;
    changes.firstContactResolution = null;
  }
  // Once we have answered, the customer writing again starts the next-response clock (unless one already runs).
  if (target.firstResponseAt !== null && target.nextResponseDueAt === null) {
    const team = await teamOrDefault(tx, target.teamId);
    changes.nextResponseDueAt = nextResponseDueAt(
      await slaClockOf(tx, team, changes.slaPolicyId ?? target.slaPolicyId),
      changes.priority ?? target.priority,
      at,
    );
  }
  await store.updateCase(tx, target.id, changes, now());
  if (status !== target.status) {
    await store.recordCaseEvent(tx, target.id, now(), actor, {
      status: [target.status, status],
      by: 'inbound message',
    });
  }
  if (raisedTo) await recordEscalation(tx, target.id, escalation!, [target.priority, raisedTo], at);
  return { kind: reopening ? 'reopened' : 'joined', record: { ...target, ...changes } };
}

async function openCase(
  tx: Db,
  input: {
    message: InboundMessage;
    /** What listening read in it: its reason is the case's, unless the channel named one. */
    heard: HeardWords | null;
    escalation: Escalation | null;
    customerId: string;
    recent: CaseRecord[];
    followUpOf: CaseRecord | undefined;
    repeatWindowMs: number;
    actor: Actor;
    /** History opens its case closed, with its own times, unassigned: counted in the numbers, never in a queue. */
    history: boolean;
  },
): Promise<Outcome> {
  const { message } = input;
  const at = message.occurredAt;
  // The channel's reason, else listening's (the company's trained model, keywords before there is one); a model
  // unsure of it leaves it for a person. Repeat contacts are found by this reason.
  const reason =
    message.reason ??
    (input.heard
      ? input.heard.insight.reason
      : ((await classifyReason(tx, `${message.subject ?? ''} ${message.text}`))?.reason ?? null));
  const askedPriority = message.priority ?? 'normal';
  const raisedTo = input.escalation ? raisedPriority(askedPriority, input.escalation) : null;
  const priority = raisedTo ?? askedPriority;
  const rule = firstMatchingRule(await listAssignmentRules(tx), {
    channel: message.channel,
    reason,
    priority,
    text: message.text,
  });
  const team = await teamOrDefault(tx, rule?.teamId ?? null);
  let assigneeId: string | null = null;
  if (team?.autoAssign && !input.history) {
    const assignee = pickAssignee(await membersOf(tx, team.id), rule?.skill ?? null);
    if (assignee) {
      assigneeId = assignee.id;
      await markAssigned(tx, assignee.id, now());
    }
  }
  const clock = await slaClockOf(tx, team);
  const id = newId('case');
  const repeatOf =
    input.followUpOf?.id ?? findRepeatOf({ id, reason, openedAt: at }, input.recent, input.repeatWindowMs);
  const record: CaseRecord = {
    id,
    number: await store.nextCaseNumber(tx),
    customerId: input.customerId,
    subject: message.subject?.trim() || subjectFromText(message.text, `${message.channel} contact`),
    channel: message.channel,
    status: input.history ? 'closed' : 'new',
    priority,
    reason,
    tags: [],
    assigneeId,
    teamId: team?.id ?? null,
    slaPolicyId: clock?.policy.id ?? null,
    openedAt: at,
    firstResponseAt: null,
    lastInboundAt: at,
    lastOutboundAt: null,
    resolvedAt: input.history ? at : null,
    closedAt: input.history ? at : null,
    ...openingDueTimes(clock, priority, at),
    nextResponseDueAt: null,
    reopenCount: 0,
    contactCount: 1,
    repeatOf,
    firstContactResolution: input.history ? isFirstContactResolution({ contactCount: 1, reopenCount: 0 }, false) : null,
    resolutionPausedAt: null,
    updatedAt: now(),
  };
  // Our email replies tag the subject with [#number]; an answer finds the case by its number (splitThreadRefs).
  await store.insertCase(tx, record);
  if (input.history) await store.markHistorical(tx, id);
  await store.recordCaseEvent(tx, id, input.history ? at : now(), input.actor, {
    opened: {
      channel: message.channel,
      reason,
      priority,
      teamId: record.teamId,
      assigneeId,
      rule: rule?.name ?? null,
      ...(input.history ? { historical: true } : {}),
    },
  });
  if (raisedTo) await recordEscalation(tx, id, input.escalation!, [askedPriority, raisedTo], at);
  if (repeatOf) await markRepeated(tx, repeatOf);
  return { kind: 'opened', record };
}

/** The rule's priority when it is higher than the case's; null when the case already stands as high. */
function raisedPriority(current: CasePriority, escalation: Escalation): CasePriority | null {
  const raised = higherPriority(current, escalation.rule.priority);
  return raised === current ? null : raised;
}

/**
 * The case says why it was raised: the rule, and the words as listening read them, with when she wrote them (a
 * replayed or delayed message was not raised "just now" in the customer's time).
 */
async function recordEscalation(
  tx: Db,
  caseId: string,
  escalation: Escalation,
  priority: [CasePriority, CasePriority],
  heardAt: number,
): Promise<void> {
  await store.recordCaseEvent(tx, caseId, now(), SYSTEM_ACTOR, {
    escalated: { ruleId: escalation.rule.id, rule: escalation.rule.name, why: escalation.why, heardAt },
    priority,
  });
}

/** The earlier case was not resolved on first contact after all: the customer had to come back. */
export async function markRepeated(tx: Db, earlierCaseId: string): Promise<void> {
  await store.clearFirstContactResolution(tx, earlierCaseId);
}
