// The social adapter for recorded feeds: a reply is "posted" by appending it to an outbox file in
// the same layout as the feed, so a test, a demo or a bridge to the real network can read it.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChannelAdapter, OutboundMessage } from '../model.ts';

export function createRecordedSocialAdapter(options: {
  network: string;
  outboxFile: string;
  brandHandle: string;
}): ChannelAdapter {
  return {
    channel: 'social',
    name: `recorded-${options.network}`,
    addressKind: `handle:${options.network}`,
    async send(message: OutboundMessage) {
      const postId = `r${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
      // A public answer names her; a direct message goes to her alone and needs no @.
      const mention = message.to.kind.startsWith('handle:') && !message.privately ? `@${message.to.value} ` : '';
      const row = {
        tweet_id: postId,
        author_id: options.brandHandle,
        inbound: false,
        created_at: new Date().toISOString(),
        text: `${mention}${message.text}`,
        response_tweet_id: null,
        in_response_to_tweet_id: message.inReplyTo[0] ?? null,
        direct_message: message.privately,
        case_number: message.caseNumber,
        staff: message.from.name,
      };
      await mkdir(dirname(options.outboxFile), { recursive: true });
      await appendFile(options.outboxFile, `${JSON.stringify(row)}\n`);
      return { externalId: postId };
    },
  };
}
