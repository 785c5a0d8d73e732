// Segment's HTTP Tracking API, spoken as Segment defines it: the body schemas and the mapping of
// identify / track / page / screen / group / alias calls onto our interactions and identities.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import type { Identity } from '../customers/index.ts';
import { CHANNELS, type Channel, type IncomingEvent } from '../interactions/index.ts';
import { identitiesFromTraits } from './identities.ts';
import { eventKey, type LogEntry, type Origin } from '../eventlog/index.ts';

const id = z.union([z.string().trim().min(1).max(200), z.number().finite()]).transform(String);
const json = z.record(z.string(), z.unknown());
const timestamp = z.iso.datetime({ offset: true }).or(z.iso.date());

const common = {
  userId: id.optional().nullable(),
  anonymousId: id.optional().nullable(),
  messageId: z.string().trim().min(1).max(200).optional(),
  timestamp: timestamp.optional(),
  originalTimestamp: timestamp.optional(),
  sentAt: timestamp.optional(),
  context: json.optional(),
  integrations: json.optional(),
  writeKey: z.string().optional(),
};

function needsUser(call: { userId?: string | null; anonymousId?: string | null }): boolean {
  return Boolean(call.userId || call.anonymousId);
}
const userRule = { message: 'Either userId or anonymousId is required', path: ['userId'] };

export const identifyCall = z
  .object({ ...common, type: z.literal('identify').optional(), traits: json.optional() })
  .refine(needsUser, userRule);
export const trackCall = z
  .object({
    ...common,
    type: z.literal('track').optional(),
    event: z.string().trim().min(1).max(200),
    properties: json.optional(),
  })
  .refine(needsUser, userRule);
export const pageCall = z
  .object({
    ...common,
    type: z.literal('page').optional(),
    name: z.string().max(200).optional(),
    category: z.string().max(200).optional(),
    properties: json.optional(),
  })
  .refine(needsUser, userRule);
export const screenCall = z
  .object({
    ...common,
    type: z.literal('screen').optional(),
    name: z.string().max(200).optional(),
    properties: json.optional(),
  })
  .refine(needsUser, userRule);
export const groupCall = z
  .object({ ...common, type: z.literal('group').optional(), groupId: id, traits: json.optional() })
  .refine(needsUser, userRule);
export const aliasCall = z.object({ ...common, type: z.literal('alias').optional(), userId: id, previousId: id });

const batchItem = z.discriminatedUnion('type', [
  identifyCall.safeExtend({ type: z.literal('identify') }),
  trackCall.safeExtend({ type: z.literal('track') }),
  pageCall.safeExtend({ type: z.literal('page') }),
  screenCall.safeExtend({ type: z.literal('screen') }),
  groupCall.safeExtend({ type: z.literal('group') }),
  aliasCall.safeExtend({ type: z.literal('alias') }),
]);

export const batchCall = z.object({
  batch: z.array(batchItem).min(1, 'The batch is empty').max(2500),
  context: json.optional(),
  integrations: json.optional(),
  sentAt: timestamp.optional(),
  writeKey: z.string().optional(),
});

export type SegmentType = 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias';
export type SegmentCall = z.infer<typeof batchItem>;

export interface MappingOptions {
  source: string;
  receivedAt: number;
  defaultCountry: CountryCode;
}

/**
 * Segment corrects client clocks: when the client sent `sentAt` with `originalTimestamp`,
 * the event happened at receivedAt − (sentAt − originalTimestamp). An explicit `timestamp` wins.
 */
export function occurredAtOf(
  call: { timestamp?: string; originalTimestamp?: string; sentAt?: string },
  receivedAt: number,
): number {
  if (call.timestamp) return Date.parse(call.timestamp);
  if (call.originalTimestamp && call.sentAt)
    return receivedAt - (Date.parse(call.sentAt) - Date.parse(call.originalTimestamp));
  if (call.originalTimestamp) return Date.parse(call.originalTimestamp);
  return receivedAt;
}

/** Without a messageId, the call's own content is its key, so a retried call is still stored once. */
export function messageIdOf(call: SegmentCall): string {
  return call.messageId ?? `sha256:${createHash('sha256').update(JSON.stringify(call)).digest('hex').slice(0, 40)}`;
}

function channelOfTrack(event: string, properties: Record<string, unknown>): Channel {
  const declared = properties.channel;
  if (typeof declared === 'string' && (CHANNELS as readonly string[]).includes(declared)) return declared as Channel;
  if (/\b(order|checkout|purchase|refund|payment)/i.test(event)) return 'order';
  return 'product';
}

function stringProperty(properties: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim()) return value.slice(0, 50_000);
  }
  return null;
}

export function mapSegmentCall(call: SegmentCall, options: MappingOptions): IncomingEvent {
  const context = call.context ?? null;
  const traits = call.type === 'identify' ? (call.traits ?? {}) : {};
  const contextTraits = (context?.traits as Record<string, unknown> | undefined) ?? {};
  const identities: Identity[] = [];
  if (call.userId) identities.push({ kind: `external:${options.source}`, value: call.userId });
  if (call.type !== 'alias' && call.anonymousId) identities.push({ kind: 'anonymous', value: call.anonymousId });
  identities.push(...identitiesFromTraits({ ...contextTraits, ...traits }, options.defaultCountry));

  const base = {
    source: `segment:${options.source}`,
    sourceId: messageIdOf(call),
    identities: dedupe(identities),
    occurredAt: occurredAtOf(call, options.receivedAt),
    direction: 'inbound' as const,
    department: null,
    actor: 'customer',
    context,
  };
  switch (call.type) {
    case 'identify':
      return { ...base, traits, channel: 'system', type: 'identify', event: null, text: null, properties: {} };
    case 'track': {
      const properties = call.properties ?? {};
      return {
        ...base,
        channel: channelOfTrack(call.event, properties),
        type: 'track',
        event: call.event,
        department: stringProperty(properties, 'department'),
        text: stringProperty(properties, 'text', 'message', 'body', 'comment'),
        properties,
      };
    }
    case 'page':
    case 'screen':
      return {
        ...base,
        channel: call.type === 'page' ? 'web' : 'app',
        type: call.type === 'page' ? 'page_view' : 'screen_view',
        event: call.name ?? null,
        text: null,
        properties: {
          ...(call.type === 'page' && call.category ? { category: call.category } : {}),
          ...(call.properties ?? {}),
        },
      };
    case 'group':
      return {
        ...base,
        channel: 'system',
        type: 'group',
        event: null,
        text: null,
        properties: { groupId: call.groupId, traits: call.traits ?? {} },
      };
    case 'alias':
      // previousId may have been a userId or an anonymousId: both are named, so either ties.
      return {
        ...base,
        linkedIdentities: [
          { kind: `external:${options.source}`, value: call.previousId },
          { kind: 'anonymous', value: call.previousId },
        ],
        channel: 'system',
        type: 'alias',
        event: null,
        text: null,
        properties: { previousId: call.previousId },
      };
  }
}

function dedupe(identities: Identity[]): Identity[] {
  const seen = new Set<string>();
  return identities.filter((identity) => {
    const key = `${identity.kind}\u0000${identity.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Batch-level context and sentAt apply to every call that lacks its own, as in Segment. */
export function callsOfBatch(body: z.infer<typeof batchCall>): SegmentCall[] {
  return body.batch.map((call) => withBatch(call, body));
}

/**
 * A validated call as the event log takes it: the call as it came, keyed as the pipeline will key it. `shared` is
 * what its batch gives every call that lacks its own (it goes into the key of a call without a messageId).
 */
export function logEntryOf(
  call: SegmentCall,
  source: string,
  shared: Pick<SegmentBatchDetail, 'context' | 'sentAt'>,
): LogEntry {
  const sourceId = call.messageId ?? messageIdOf(withBatch(call, shared));
  return { key: eventKey(`segment:${source}`, sourceId), body: call };
}

function withBatch(call: SegmentCall, shared: Pick<SegmentBatchDetail, 'context' | 'sentAt'>): SegmentCall {
  return (call.context === undefined && shared.context !== undefined) || (call.sentAt === undefined && shared.sentAt)
    ? ({ ...call, context: call.context ?? shared.context, sentAt: call.sentAt ?? shared.sentAt } as SegmentCall)
    : call;
}

/** What a Segment batch's calls share, logged once with the batch (`Origin.detail`). */
export type SegmentBatchDetail = {
  source: string;
  defaultCountry: CountryCode;
  context?: Record<string, unknown>;
  sentAt?: string;
};

/**
 * The projector's side of the tracking API: a logged call, as validated, mapped with what its batch shares. The
 * time it was acknowledged stands for the time it was received, so a rebuild maps it the same way again.
 */
export function decodeLoggedSegmentCall(body: unknown, origin: Origin, appendedAt: number): IncomingEvent {
  const detail = origin.detail as SegmentBatchDetail;
  return mapSegmentCall(withBatch(body as SegmentCall, detail), {
    source: detail.source,
    receivedAt: appendedAt,
    defaultCountry: detail.defaultCountry,
  });
}
