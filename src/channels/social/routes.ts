// Social posts pushed by a bridge to a network (or a test): the same layout as a recorded feed.
import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { RapportError } from '../../http/errors.ts';
import { normaliseNetwork } from '../../customers/index.ts';
import { parseFeedRecord, type FeedPost } from './feed.ts';
import { replayPosts } from './replay.ts';
import { SocialReplayReportSchema } from '../responses.ts';

export const socialRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/channels/social/posts',
    summary:
      'Mentions, direct messages and brand replies from a social network (recorded-feed layout); Bearer token or write key',
    tags: ['channels'],
    response: SocialReplayReportSchema,
    auth: ['write-key', 'interactions:write'],
    status: 201,
    bodyLimit: 1024 * 1024,
    body: z.object({
      network: z.string().min(1).max(32).default('x'),
      posts: z.array(z.record(z.string(), z.unknown())).min(1).max(500),
    }),
    handler: async ({ body, ctx }) => {
      const network = normaliseNetwork(body.network);
      if (!network)
        throw new RapportError('invalid_input', 'network must be a network name such as x', 400, [
          { field: 'network', reason: 'Unknown network name' },
        ]);
      const posts: FeedPost[] = [];
      const errors: Array<{ field: string; reason: string }> = [];
      body.posts.forEach((record, index) => {
        const post = parseFeedRecord(record);
        if (typeof post === 'string')
          errors.push({ field: `posts.${index}.${post.split(':')[0]}`, reason: post.split(': ').slice(1).join(': ') });
        else posts.push(post);
      });
      // All or nothing, as every HTTP ingest edge: fix the bad post and send the batch again.
      if (errors.length)
        throw new RapportError('invalid_input', `Invalid body: ${errors[0]!.field}: ${errors[0]!.reason}`, 400, errors);
      posts.sort((a, b) => a.createdAt - b.createdAt);
      const report = await replayPosts(ctx.db, posts, { network, speed: 0 }, ctx.actor);
      return report;
    },
  }),
];
