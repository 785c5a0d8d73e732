// The interaction: one event on a customer's timeline, whatever system or channel it came from.
import { z } from 'zod';

export type IdentityKind = 'email' | 'phone' | 'anonymous' | `handle:${string}` | `external:${string}`;

/** One way of recognising a person (an email, a phone, a handle, an external id); customers decides who it is. */
export interface Identity {
  kind: IdentityKind;
  value: string;
}

export const CHANNELS = [
  'email',
  'social',
  'phone',
  'chat',
  'web_form',
  'in_store',
  'survey',
  'order',
  'product',
  'web',
  'app',
  'system',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** An event on its way in, already validated and normalised by one of the ingest edges. */
export interface IncomingEvent {
  /** Idempotency key: the same (source, sourceId) is stored once. */
  source: string;
  sourceId: string;
  identities: Identity[];
  /** Identities that tie the event to profiles that already have them, but are not created (Segment's alias previousId). */
  linkedIdentities?: Identity[];
  /** A Rapport customer id the caller already knows (native API). */
  customerId?: string;
  name?: string | null;
  traits?: Record<string, unknown>;
  explicitPreferences?: Array<{ key: string; value: string }>;
  occurredAt: number;
  channel: Channel;
  direction: Direction;
  type: string;
  event: string | null;
  department: string | null;
  actor: string | null;
  text: string | null;
  properties: Record<string, unknown>;
  context: Record<string, unknown> | null;
}

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

/** What listening read in an interaction's text (insight.ts): stored with it by the projection. */
export const insightSchema = z.strictObject({
  sentiment: z.enum(SENTIMENTS),
  /** −1 (very negative) … +1 (very positive). */
  sentimentScore: z.number(),
  urgent: z.boolean(),
  /** 0 (no pressure) … 1 (pressing). */
  urgencyScore: z.number(),
  /** ISO 639-1, or 'und' when the text is too short to tell. */
  language: z.string(),
  reason: z.string().nullable(),
  /** The trained model's confidence; null when the reason came from keywords. */
  reasonConfidence: z.number().nullable(),
});
export type Insight = z.infer<typeof insightSchema>;

/**
 * One event of a customer's timeline as every capability shows it. The schema sits here, not in responses.ts
 * (which names it for the API), because it is stated with the channel and direction sets above.
 */
export const interactionSchema = z.strictObject({
  id: z.string(),
  customerId: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  type: z.string(),
  event: z.string().nullable(),
  department: z.string().nullable(),
  actor: z.string().nullable(),
  text: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
  caseId: z.string().nullable(),
  source: z.string(),
  sourceId: z.string(),
  /** What listening read in its text; null when it has none that is listened to (isListenedTo). */
  insight: insightSchema.nullable(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export interface TimelineCursor {
  occurredAt: number;
  id: number;
}

export function encodeCursor(cursor: TimelineCursor): string {
  return Buffer.from(`${cursor.occurredAt}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(raw: string): TimelineCursor | null {
  const match = /^(\d+)\.(\d+)$/.exec(Buffer.from(raw, 'base64url').toString());
  return match ? { occurredAt: Number(match[1]), id: Number(match[2]) } : null;
}

/** The name a person reads for an event: the tracked event name, else its type. */
export function describeInteraction(interaction: Pick<Interaction, 'event' | 'type'>): string {
  return interaction.event ?? interaction.type.replace(/_/g, ' ');
}
