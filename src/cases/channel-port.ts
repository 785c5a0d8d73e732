// What the case engine says to and hears from the channels, in its own terms. Channels sit above cases:
// they import these types, and the app hands the case engine its channel registry as a ReplySenders.
import type { Identity } from '../customers/index.ts';
import type { Channel } from '../interactions/index.ts';
import type { CasePriority } from '../shared/priority.ts';

/** A message that arrived on a channel (a mail, a post, a call, a form), for the case engine to thread. */
export interface InboundMessage {
  channel: Channel;
  /** Idempotency namespace for the timeline, e.g. `email`, `social:x`, `phone`. */
  source: string;
  /** The channel's own id of the message (Message-ID, post id, call id): the same message twice is stored once. */
  externalId: string;
  /** Ids of earlier messages this one answers (In-Reply-To and References, in_response_to id), most recent first. */
  threadRefs: string[];
  from: { identities: Identity[]; name?: string | null };
  subject?: string | null;
  text: string;
  occurredAt: number;
  /** The channel's details worth keeping (IVR path, wait time, attachments' names…). */
  properties?: Record<string, unknown>;
  /** When the channel knows it (an IVR choice, a form's topic): otherwise guessed from the text. */
  reason?: string | null;
  priority?: CasePriority;
  department?: string | null;
  /** A phone call is recorded as a call on the case rather than a message. */
  kind?: 'message' | 'call';
}

/** A staff reply on its way to the customer. */
export interface OutboundMessage {
  caseId: string;
  caseNumber: number;
  channel: Channel;
  /** The customer's address on this channel (an email, a handle, a phone number). */
  to: Identity;
  toName: string | null;
  subject: string;
  text: string;
  /** Ids of the messages this reply answers, most recent first (for In-Reply-To / References, in_reply_to). */
  inReplyTo: string[];
  from: { name: string; staffId: string | null };
  /** She last wrote privately (a direct message): the answer goes the same way, never in public. */
  privately: boolean;
}

export interface SendResult {
  /** The id the channel gave the sent message, remembered so the customer's answer threads back. */
  externalId: string;
}

/** Something that sends replies on one channel (a channel adapter, seen from the case engine). */
export interface ReplySender {
  readonly channel: Channel;
  /** The identity kind it sends to: `email`, `handle:x`, `phone`. */
  readonly addressKind?: string;
  send?(message: OutboundMessage): Promise<SendResult>;
}

/** The channels a running Rapport can reply on: the channel registry implements it. */
export interface ReplySenders {
  /** The sender on `channel`, if any. */
  senderFor(channel: Channel): ReplySender | undefined;
}

/**
 * Channels that cannot carry a written reply (a call, a form, a shop visit) are answered by
 * email: the form asked for the address, and a call's customer usually has one on file.
 */
export const REPLY_CHANNEL: Partial<Record<Channel, Channel>> = {
  phone: 'email',
  web_form: 'email',
  in_store: 'email',
  chat: 'email',
  web: 'email',
  app: 'email',
  order: 'email',
  survey: 'email',
  product: 'email',
  system: 'email',
};

/** The channel a reply to a case opened on `channel` goes out on. */
export function replyChannelOf(channel: Channel): Channel {
  return REPLY_CHANNEL[channel] ?? channel;
}
