// The adapters a running Rapport has, and which one carries a reply on each channel.
import type { ChannelAdapter } from './model.ts';
import type { Channel } from '../interactions/index.ts';

export interface ChannelRegistry {
  readonly adapters: readonly ChannelAdapter[];
  /** The adapter that sends on `channel`, if any. */
  senderFor(channel: Channel): ChannelAdapter | undefined;
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
  system: 'email',
};

export function replyChannelOf(channel: Channel): Channel {
  return REPLY_CHANNEL[channel] ?? channel;
}

export function createChannelRegistry(adapters: readonly ChannelAdapter[]): ChannelRegistry {
  return {
    adapters,
    senderFor: (channel) => adapters.find((adapter) => adapter.channel === channel && adapter.send),
  };
}

export const NO_CHANNELS: ChannelRegistry = createChannelRegistry([]);
