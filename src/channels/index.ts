// The front door of channels: what other capabilities may use. Everything else in this folder is its own business.
export type { ChannelAdapter, InboundMessage } from './model.ts';
export { type ChannelRegistry, createChannelRegistry, replyChannelOf } from './registry.ts';
export { adaptersFromConfig } from './setup.ts';
export { loadFeed, replayPosts } from './social/replay.ts';
