// HTTP routes for reply delivery: where a reply to a case would go, the "Failed to send" queue, and
// trying a reply that did not go out again.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { listUndelivered, replyTargetOf, retryReply } from './delivery.ts';
import { getCase, requireCase, summarise } from './service.ts';
import { flushSoon, labelled } from './route-helpers.ts';
import { CaseMessageSchema, ReplyTargetSchema, UndeliveredCasePageSchema } from './responses.ts';

export const deliveryRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/cases/undelivered',
    summary:
      'Failed to send: cases with a reply that has not reached the customer after a try, latest first, with the reason',
    tags: ['cases'],
    response: UndeliveredCasePageSchema,
    auth: 'cases:read',
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(25) }),
    handler: async ({ query, ctx }) => {
      const found = await listUndelivered(ctx.db, query.limit);
      const items = await Promise.all(
        found.map(async ({ record, undelivered }) => ({ ...(await summarise(ctx.db, record)), undelivered })),
      );
      return { items: await labelled(ctx, items), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/reply-target',
    summary: 'Where a reply to this case would go now (her address and the channel), or plainly why it cannot go',
    tags: ['cases'],
    response: ReplyTargetSchema,
    auth: 'cases:write',
    params: z.object({ id: z.string().min(1).max(100) }),
    handler: async ({ params, ctx }) => replyTargetOf(ctx.db, await requireCase(ctx.db, params.id), ctx.channels),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/replies/:messageId/retry',
    summary: 'Try a reply that was not delivered again, now, with a fresh round of tries',
    tags: ['cases'],
    response: CaseMessageSchema,
    auth: 'cases:write',
    params: z.object({ id: z.string().min(1).max(100), messageId: z.coerce.number().int().min(1) }),
    handler: async ({ params, ctx }) => {
      await retryReply(ctx.db, params.id, params.messageId, ctx.actor);
      await flushSoon(ctx);
      const detail = await getCase(ctx.db, params.id, ctx.actor);
      return detail.messages.find((message) => message.id === params.messageId)!;
    },
  }),
];
