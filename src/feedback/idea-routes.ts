// HTTP routes for ideas: agents turn a customer's words into an idea or add her to one, merge duplicates, set
// statuses with reasons, choose which show on the public board, and answer each requester personally; everyone who
// reads customers reads them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { publicOrigin } from '../http/public-origin.ts';
import { IDEA_STATUSES, requesterSchema } from './idea-model.ts';
import {
  addRequester,
  changeIdeaStatus,
  changeIdeaVisibility,
  createIdea,
  getIdea,
  type IdeaView,
  mergeIdea,
  rankedIdeas,
  replyToRequester,
} from './idea-service.ts';
import type { IdeaRecord } from './idea-store.ts';
import { IdeaListSchema, IdeaReplySchema, IdeaSchema } from './idea-responses.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const iso = (ms: number) => new Date(ms).toISOString();

const ideaFields = (idea: IdeaRecord) => ({
  id: idea.id,
  number: idea.number,
  title: idea.title,
  body: idea.body,
  status: idea.status,
  statusReason: idea.statusReason,
  mergedInto: idea.mergedInto,
  public: idea.public,
  createdAt: iso(idea.createdAt),
  updatedAt: iso(idea.updatedAt),
});

const toView = (view: IdeaView) => ({
  ...ideaFields(view.idea),
  requesters: view.requesters.map((requester) => ({
    ...requester,
    addedAt: iso(requester.addedAt),
    answeredAt: requester.answeredAt === null ? null : iso(requester.answeredAt),
  })),
  demand: view.demand,
  history: view.history.map((entry) => ({ ...entry, at: iso(entry.at) })),
});

export const ideaRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/ideas',
    summary: 'Ideas still standing (merged duplicates left out), ranked by demand (requesters) or by value',
    tags: ['feedback'],
    response: IdeaListSchema,
    auth: 'customers:read',
    query: z.object({
      status: z.enum(IDEA_STATUSES).optional(),
      sort: z.enum(['demand', 'value']).default('demand'),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
    handler: async ({ query, ctx }) => ({
      items: (await rankedIdeas(ctx.db, query)).map((idea) => ({
        ...ideaFields(idea),
        requesters: idea.requesters,
        value: idea.value,
      })),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ideas/:id',
    summary: 'One idea (by id or number): every requester with her words, answeredAt and value; demand; history',
    tags: ['feedback'],
    response: IdeaSchema,
    auth: 'customers:read',
    params: idParams,
    handler: async ({ params, ctx }) => toView(await getIdea(ctx.db, params.id, ctx.actor, ctx.can('customers:pii'))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ideas',
    summary:
      'Create an idea, optionally from a customer’s words (requester: customerId, interactionId of the message, ' +
      'text; her words are taken from the interaction when no text is given)',
    tags: ['feedback'],
    response: IdeaSchema,
    auth: 'cases:write',
    audit: 'idea.created',
    status: 201,
    body: z.strictObject({
      title: z.string().trim().min(1).max(200),
      body: z.string().trim().max(10_000).optional(),
      requester: requesterSchema.optional(),
    }),
    handler: async ({ body, ctx }) => {
      const idea = await createIdea(ctx.db, body, ctx.actor);
      return toView(await getIdea(ctx.db, idea.id, ctx.actor, ctx.can('customers:pii')));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ideas/:id/requesters',
    summary: 'Another customer asks for it: added with her words (asked before: her new words join her earlier ones)',
    tags: ['feedback'],
    response: IdeaSchema,
    auth: 'cases:write',
    audit: 'idea.requester_added',
    params: idParams,
    body: requesterSchema,
    handler: async ({ params, body, ctx }) => {
      const idea = await addRequester(ctx.db, params.id, body, ctx.actor);
      return toView(await getIdea(ctx.db, idea.id, ctx.actor, ctx.can('customers:pii')));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ideas/:id/merge',
    summary: 'Merge a duplicate into another idea: every requester, her words and replies move there',
    tags: ['feedback'],
    response: IdeaSchema,
    auth: 'cases:write',
    audit: 'idea.merged',
    params: idParams,
    body: z.strictObject({ intoId: z.string().min(1).max(100) }),
    handler: async ({ params, body, ctx }) => {
      const survivor = await mergeIdea(ctx.db, params.id, body.intoId, ctx.actor);
      return toView(await getIdea(ctx.db, survivor.id, ctx.actor, ctx.can('customers:pii')));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ideas/:id/status',
    summary:
      'Set the status (under_review, planned, in_progress, shipped, declined with the reason, already_possible ' +
      'with how to do it today); the answer lists who still waits for a personal reply',
    tags: ['feedback'],
    response: IdeaSchema,
    auth: 'cases:write',
    audit: 'idea.status_changed',
    params: idParams,
    body: z.strictObject({
      status: z.enum(IDEA_STATUSES),
      reason: z.string().trim().max(5000).nullable().optional(),
    }),
    handler: async ({ params, body, ctx }) => {
      const idea = await changeIdeaStatus(
        ctx.db,
        params.id,
        { status: body.status, reason: body.reason ?? null },
        ctx.actor,
      );
      return toView(await getIdea(ctx.db, idea.id, ctx.actor, ctx.can('customers:pii')));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ideas/:id/visibility',
    summary:
      'Show the idea on the public ideas board, or take it off (a merged duplicate: its survivor); customers see ' +
      'it only while the board is switched on',
    tags: ['feedback'],
    response: IdeaSchema,
    auth: 'cases:write',
    audit: 'idea.visibility_changed',
    params: idParams,
    body: z.strictObject({ public: z.boolean() }),
    handler: async ({ params, body, ctx }) => {
      const idea = await changeIdeaVisibility(ctx.db, params.id, body.public, ctx.actor);
      return toView(await getIdea(ctx.db, idea.id, ctx.actor, ctx.can('customers:pii')));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ideas/:id/replies',
    summary:
      'A personal reply to one requester: on her case while it is open (its channel), else by email, else ' +
      'recorded as answered by hand; it joins her timeline',
    tags: ['feedback'],
    response: IdeaReplySchema,
    auth: 'cases:write',
    status: 201,
    params: idParams,
    body: z.strictObject({
      customerId: z.string().min(1).max(100),
      text: z.string().trim().min(1).max(10_000),
    }),
    handler: async ({ params, body, ctx, request }) => {
      const staff = ctx.staff!;
      const writer = { id: staff.id, name: staff.name, department: staff.department };
      const sent = await replyToRequester(
        ctx.db,
        params.id,
        body,
        writer,
        ctx.actor,
        ctx.channels.mailer(),
        ctx.config.companyName,
        publicOrigin(ctx.config.publicUrl, request),
      );
      await Promise.race([ctx.flushOutbox(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      return sent;
    },
  }),
];
