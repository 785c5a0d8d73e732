// The adapters a running Rapport has, and which one carries a reply on each channel.
import { REPLY_CHANNEL, type ReplySenders, replyChannelOf } from '../cases/index.ts';
import type { Channel } from '../interactions/index.ts';
import type { ChannelAdapter } from './model.ts';
import type { Mailer } from '../shared/mail.ts';

// Which channel carries a reply is the case engine's rule; it is here too for the adapters' sake.
export { REPLY_CHANNEL, replyChannelOf };

export interface ChannelRegistry extends ReplySenders {
  readonly adapters: readonly ChannelAdapter[];
  /** The adapter that sends on `channel`, if any. */
  senderFor(channel: Channel): ChannelAdapter | undefined;
  /** The adapter that sends mail belonging to no case, if a mail server is configured. */
  mailer(): Mailer | undefined;
}

export function createChannelRegistry(adapters: readonly ChannelAdapter[]): ChannelRegistry {
  return {
    adapters,
    senderFor: (channel) => adapters.find((adapter) => adapter.channel === channel && adapter.send),
    mailer: () => {
      const adapter = adapters.find((candidate) => candidate.sendMail);
      return adapter?.sendMail ? { sendMail: (mail) => adapter.sendMail!(mail) } : undefined;
    },
  };
}

export const NO_CHANNELS: ChannelRegistry = createChannelRegistry([]);
