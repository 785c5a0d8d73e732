// Inbound messages that arrive through the native API or a file import open or join cases as the
// channel adapters' do (cases/inbound.ts), in the same transaction as the batch that stores them; so do a
// customer's negative, urgent words on any other channel when an escalation rule says so.
import type { Channel, IncomingEvent } from '../interactions/index.ts';
import type { EdgeProjection } from '../pipeline/index.ts';
import { carryToCase, type CarriedMessage, escalationOpensCase } from '../cases/index.ts';

/** The channels customers write or call on; an inbound `message` on one of them is a contact to answer. */
export const CONVERSATION_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'email',
  'social',
  'chat',
  'web_form',
  'phone',
]);

export function opensCase(event: IncomingEvent): boolean {
  return event.direction === 'inbound' && event.type === 'message' && CONVERSATION_CHANNELS.has(event.channel);
}

function stringsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .map(String)
    .slice(0, 50);
}

/**
 * The message as the case engine reads it. `properties.inReplyTo` (a sourceId, or a list, most recent
 * first) threads it to an earlier message of the same channel; `properties.subject` is its subject;
 * `properties.historical: true` marks it as history (see cases/history.ts).
 */
export function toCarriedMessage(event: IncomingEvent): CarriedMessage {
  const subject = event.properties.subject;
  const historical = event.properties.historical;
  return {
    channel: event.channel,
    source: event.source,
    externalId: event.sourceId,
    threadRefs: stringsOf(event.properties.inReplyTo),
    from: { identities: event.identities, name: event.name ?? null },
    subject: typeof subject === 'string' ? subject : null,
    text: event.text ?? '',
    occurredAt: event.occurredAt,
    properties: event.properties,
    department: event.department,
    ...(typeof historical === 'boolean' ? { historical } : {}),
  };
}

/**
 * The projection of events logged by the native API and the importer: each inbound message is carried to its case
 * in the batch's transaction, and the API's caller is told what became of every event.
 */
export const loggedInteractions: EdgeProjection = {
  onStored: async (tx, event, result, origin) => {
    if (result.status === 'rejected') return;
    const message = toCarriedMessage(event);
    // A customer's words on any other channel open a case too when an escalation rule finds them negative and urgent.
    const carried =
      opensCase(event) ||
      (event.direction === 'inbound' &&
        event.text !== null &&
        (await escalationOpensCase(tx, message, Number(result.interactionId))));
    if (!carried) return;
    const received = await carryToCase(tx, message, result, origin.actor);
    return { added: { caseId: received.caseId, caseOutcome: received.outcome } };
  },
  keepsOutcomes: true,
};
