// One interface for every channel: an adapter turns what arrives (a mail, a post, a call, a form)
// into an InboundMessage for the case engine, and sends replies in the channel's own terms.
import type { Identity } from '../customers/index.ts';
import type { Channel } from '../interactions/index.ts';
import type { CasePriority } from '../shared/priority.ts';

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

/** Hands an inbound message to the case engine; resolves when it is stored. */
export type DeliverInbound = (message: InboundMessage) => Promise<void>;

export interface ChannelAdapter {
  /** The channel this adapter sends on; inbound-only adapters may have no `send`. */
  readonly channel: Channel;
  readonly name: string;
  /** The identity kind it sends to: `email`, `handle:x`, `phone`. */
  readonly addressKind?: string;
  send?(message: OutboundMessage): Promise<SendResult>;
  /** Starts listening or polling; every message goes to `deliver`. */
  start?(deliver: DeliverInbound): Promise<void>;
  stop?(): Promise<void>;
}
