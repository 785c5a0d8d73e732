// One interface for every channel: an adapter turns what arrives (a mail, a post, a call, a form)
// into an InboundMessage for the case engine, and sends replies in the channel's own terms.
import type { PlainMail } from '../shared/mail.ts';
import type { InboundMessage, OutboundMessage, SendResult } from '../cases/index.ts';
import type { Channel } from '../interactions/index.ts';

export type { InboundMessage, OutboundMessage, SendResult };

/** Hands an inbound message to the case engine; resolves when it is stored. */
export type DeliverInbound = (message: InboundMessage) => Promise<void>;

export interface ChannelAdapter {
  /** The channel this adapter sends on; inbound-only adapters may have no `send`. */
  readonly channel: Channel;
  readonly name: string;
  /** The identity kind it sends to: `email`, `handle:x`, `phone`. */
  readonly addressKind?: string;
  send?(message: OutboundMessage): Promise<SendResult>;
  /** Sends mail that belongs to no case (a survey invitation): only the email adapter does. */
  sendMail?(mail: PlainMail): Promise<SendResult>;
  /** Starts listening or polling; every message goes to `deliver`. */
  start?(deliver: DeliverInbound): Promise<void>;
  stop?(): Promise<void>;
}
