// HTTP routes for the feedback feed (newest first, for everyone who reads customers) and each staff member's own
// digest subscription (daily, weekly, or none).
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { recordView } from '../audit/index.ts';
import { auditActor } from '../shared/actor.ts';
import { feedbackFeed } from './digest-service.ts';
import { subscribe, subscriptionOf, unsubscribe } from './feed-store.ts';

const FeedSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        kind: z.enum(['survey_answer', 'idea_request', 'board_input']),
        at: z.string(),
        customerId: z.string().nullable(),
        customerLabel: z.string().nullable(),
        text: z.string().nullable(),
        score: z.number().nullable(),
        surveyKind: z.string().nullable(),
        sourceId: z.string().meta({ description: 'The survey’s, idea’s or board’s id' }),
        sourceName: z.string(),
        ideaNumber: z.number().nullable(),
      }),
    ),
    nextBefore: z.string().nullable().meta({ description: 'Pass as `before` for the next page; null at the end' }),
  })
  .meta({ id: 'FeedbackFeed' });

const SubscriptionSchema = z
  .strictObject({ frequency: z.enum(['daily', 'weekly']).nullable() })
  .meta({ id: 'DigestSubscription' });

export const digestRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/feedback/feed',
    summary: 'Feedback of every kind (survey answers, idea requests, advisory board input), newest first',
    tags: ['feedback'],
    response: FeedSchema,
    auth: 'customers:read',
    query: z.object({
      before: z.iso.datetime({ offset: true }).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(30),
    }),
    handler: async ({ query, ctx }) => {
      const before = query.before ? Date.parse(query.before) : Date.now() + 1;
      const { items, nextBefore } = await feedbackFeed(ctx.db, before, query.limit, ctx.can('customers:pii'));
      for (const customerId of new Set(items.flatMap((item) => (item.customerId ? [item.customerId] : [])))) {
        await recordView(ctx.db, { ...auditActor(ctx.actor), action: 'feedback.feed_viewed', customerId });
      }
      return {
        items: items.map((item) => ({ ...item, at: new Date(item.at).toISOString() })),
        nextBefore: nextBefore === null ? null : new Date(nextBefore).toISOString(),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/feedback/digest',
    summary: 'Your feedback digest: daily, weekly, or none (null)',
    tags: ['feedback'],
    response: SubscriptionSchema,
    auth: 'customers:read',
    handler: async ({ ctx }) => ({ frequency: (await subscriptionOf(ctx.db, ctx.staff!.id))?.frequency ?? null }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/feedback/digest',
    summary: 'Subscribe to the feedback digest by email (daily or weekly), or stop it (null)',
    tags: ['feedback'],
    response: SubscriptionSchema,
    auth: 'customers:read',
    body: SubscriptionSchema,
    handler: async ({ body, ctx }) => {
      if (body.frequency === null) await unsubscribe(ctx.db, ctx.staff!.id);
      else await subscribe(ctx.db, ctx.staff!.id, body.frequency, Date.now());
      return { frequency: body.frequency };
    },
  }),
];
