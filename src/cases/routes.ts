// HTTP routes for cases: the queues, one case, changes, replies, notes, gestures and mentions.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { publicOrigin } from '../http/public-origin.ts';
import { invalidField } from '../shared/errors.ts';
import type { RequestContext } from '../http/context.ts';
import { CHANNELS } from '../interactions/index.ts';
import { CASE_PRIORITIES, CASE_STATUSES } from './model.ts';
import * as cases from './service.ts';
import {
  addCaseNote,
  addCustomerNote,
  markCaseMentionsRead,
  markMentionRead,
  mentionsOf,
  replyToCase,
} from './replies.ts';
import { GESTURE_KINDS } from '../gestures/index.ts';
import { decideOnGesture, issueGesture, listPendingGestures } from '../gestures/index.ts';
import { templateErrors } from '../templates/index.ts';
import { renderTemplateForCase } from './template-replies.ts';
import { flushSoon, labelled, labelledOne } from './route-helpers.ts';
import { gestureCases } from './gesture-cases.ts';
import { listCases } from './listing.ts';
import { CASE_SORTS } from './list-store.ts';
import { commaList, commaListOf } from './list-query.ts';
import { deliveryRoutes } from './delivery-routes.ts';
import {
  CaseDetailSchema,
  CaseListSchema,
  CaseMessageSchema,
  CaseNoteSchema,
  CasePageSchema,
  CaseSummarySchema,
  CustomerNoteSchema,
  MentionListSchema,
  RenderedTemplateSchema,
} from './responses.ts';
import { noContent } from '../http/openapi.ts';
import { GestureSchema, PendingGestureListSchema } from '../gestures/index.ts';

const caseParams = z.object({ id: z.string().min(1).max(100) });
const text = z.string().trim().min(1, 'must not be empty').max(20_000);
const statusList = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const statuses = value.split(',').map((s) => s.trim());
    const unknown = statuses.filter((s) => !(CASE_STATUSES as readonly string[]).includes(s));
    if (unknown.length)
      ctx.addIssue({
        code: 'custom',
        message: `Unknown status ${unknown.join(', ')}; one of ${CASE_STATUSES.join(', ')}`,
      });
    return statuses as (typeof CASE_STATUSES)[number][];
  });

function writerOf(ctx: RequestContext) {
  const staff = ctx.staff!;
  return { id: staff.id, name: staff.name, department: staff.department, role: staff.role };
}

export const caseRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/cases',
    summary:
      'Cases, cursor-paged, with how many match (total); filter by customer, status, assignee, team, unassigned, channel, priority, reason or tag (comma lists), ' +
      'search by number, order id, words of the subject, messages, customer name or email (q, best match first), sort newest, oldest, priority, due (SLA) or updated',
    tags: ['cases'],
    response: CasePageSchema,
    auth: 'cases:read',
    query: z.object({
      customerId: z.string().min(1).max(100).optional(),
      status: statusList.optional(),
      assigneeId: z.string().min(1).max(100).optional(),
      teamId: z.string().min(1).max(100).optional(),
      unassigned: z.enum(['true', 'false']).optional(),
      channel: commaListOf(CHANNELS, 'channel').optional(),
      priority: commaListOf(CASE_PRIORITIES, 'priority').optional(),
      reason: commaList.optional(),
      tag: commaList.optional(),
      q: z.string().trim().min(1).max(200).optional(),
      sort: z.enum([...CASE_SORTS, 'relevance']).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
      cursor: z.string().max(500).optional(),
    }),
    handler: async ({ query, ctx }) => {
      const page = await listCases(ctx.db, {
        customerId: query.customerId,
        statuses: query.status,
        assigneeId: query.assigneeId === 'me' ? ctx.staff!.id : query.assigneeId,
        teamId: query.teamId,
        unassigned: query.unassigned === 'true',
        channels: query.channel,
        priorities: query.priority,
        reasons: query.reason,
        tags: query.tag,
        q: query.q,
        sort: query.sort,
        limit: query.limit,
        cursor: query.cursor,
      });
      // Viewers see masked labels: a search by address finds her cases but never shows the address.
      return { ...page, items: await labelled(ctx, page.items) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/breaching',
    summary:
      'Active cases whose next SLA clock runs out within the window (default 60 min) or already has, soonest first',
    tags: ['cases'],
    response: CaseListSchema,
    auth: 'cases:read',
    query: z.object({
      withinMinutes: z.coerce
        .number()
        .int()
        .min(0)
        .max(60 * 24 * 7)
        .default(60),
      teamId: z.string().min(1).max(100).optional(),
      assigneeId: z.string().min(1).max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ query, ctx }) => ({
      items: await labelled(
        ctx,
        await cases.listBreachingSoon(ctx.db, query.withinMinutes * 60_000, query.limit, {
          teamId: query.teamId,
          assigneeId: query.assigneeId === 'me' ? ctx.staff!.id : query.assigneeId,
        }),
      ),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id',
    summary: 'One case (by id or number): conversation, status, SLA due times and breaches, gestures, history',
    tags: ['cases'],
    response: CaseDetailSchema,
    auth: 'cases:read',
    params: caseParams,
    handler: async ({ params, ctx }) => {
      const detail = await labelledOne(ctx, await cases.getCase(ctx.db, params.id, ctx.actor));
      if (ctx.staff) await markCaseMentionsRead(ctx.db, ctx.staff.id, detail.id);
      if (ctx.can('customers:pii')) return detail;
      // Addresses in mail headers are personal data; the conversation itself is what a viewer needs.
      return { ...detail, messages: detail.messages.map((message) => ({ ...message, properties: {} })) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/cases/:id',
    summary: 'Change status, priority, reason, assignee, team or tags',
    tags: ['cases'],
    response: CaseSummarySchema,
    auth: 'cases:write',
    params: caseParams,
    body: z
      .object({
        status: z.enum(CASE_STATUSES).optional(),
        priority: z.enum(CASE_PRIORITIES).optional(),
        reason: z.string().trim().min(1).max(100).nullable().optional(),
        assigneeId: z.string().min(1).max(100).nullable().optional(),
        teamId: z.string().min(1).max(100).nullable().optional(),
        tags: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
      })
      .strict(),
    handler: async ({ params, body, ctx }) =>
      labelledOne(ctx, await cases.changeCase(ctx.db, params.id, body, ctx.actor)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/replies',
    summary:
      "Reply to the customer through the case's channel (text, or a template rendered for this case). Each " +
      '{{survey.link}} in it becomes a one-time link to the reply survey, minted for her about this case as it is ' +
      'sent (422 when no survey is active: nothing is sent)',
    tags: ['cases'],
    response: CaseMessageSchema,
    auth: 'cases:write',
    params: caseParams,
    status: 201,
    body: z
      .object({ text: text.optional(), templateId: z.string().min(1).max(100).optional() })
      .strict()
      .refine((body) => body.text !== undefined || body.templateId !== undefined, {
        message: 'Give text or templateId',
        path: ['text'],
      }),
    handler: async ({ params, body, ctx, request }) => {
      const writer = writerOf(ctx);
      let replyText = body.text;
      if (replyText === undefined) {
        replyText = await renderTemplateForCase(ctx.db, params.id, body.templateId!, writer, ctx.config.companyName);
        if (replyText === undefined)
          throw invalidField('templateId', 'Unknown template', `No template ${body.templateId}`);
      }
      const publicUrl = publicOrigin(ctx.config.publicUrl, request);
      const message = await replyToCase(ctx.db, params.id, replyText, writer, ctx.actor, (tx, about) =>
        ctx.mintSurveyLink(tx, { ...about, publicUrl }),
      );
      await flushSoon(ctx);
      const detail = await cases.getCase(ctx.db, params.id, ctx.actor);
      return detail.messages.find((m) => m.id === message.id) ?? message;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/templates/:templateId',
    summary: 'A reply template rendered for this case, for the reply box to show before sending',
    tags: ['cases', 'templates'],
    response: RenderedTemplateSchema,
    auth: 'cases:write',
    params: z.object({ id: z.string().min(1).max(100), templateId: z.string().min(1).max(100) }),
    handler: async ({ params, ctx }) => {
      const text = await renderTemplateForCase(
        ctx.db,
        params.id,
        params.templateId,
        writerOf(ctx),
        ctx.config.companyName,
      );
      if (text === undefined) throw templateErrors.error('not_found', `No template ${params.templateId}`);
      return { templateId: params.templateId, text };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/notes',
    summary: 'An internal note on the case; @name mentions notify colleagues in any department',
    tags: ['cases'],
    response: CaseNoteSchema,
    auth: 'notes:write',
    params: caseParams,
    status: 201,
    body: z.object({ text }).strict(),
    handler: async ({ params, body, ctx }) => addCaseNote(ctx.db, params.id, body.text, writerOf(ctx), ctx.actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/gestures',
    summary: 'A service-recovery gesture: 201 when within your limit, 202 with approval "pending" above it',
    tags: ['cases', 'gestures'],
    response: GestureSchema,
    responses: { 202: GestureSchema },
    auth: 'cases:write',
    params: caseParams,
    status: 201,
    body: z
      .object({
        kind: z.enum(GESTURE_KINDS),
        amount: z.number().min(0).max(1e9).default(0),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
          .default('USD'),
        reason: z.string().trim().min(1).max(500),
      })
      .strict(),
    handler: async ({ params, body, ctx, setStatus }) => {
      const current = await cases.requireCase(ctx.db, params.id);
      const gesture = await issueGesture(ctx.db, gestureCases, current.id, body, writerOf(ctx), ctx.actor);
      setStatus(gesture.status === 'pending' ? 202 : 201);
      return gesture;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/gestures',
    summary:
      "Gestures waiting for approval, oldest first, each with its case number and subject and the customer's label",
    tags: ['gestures'],
    response: PendingGestureListSchema,
    auth: 'gestures:approve',
    query: z.object({
      status: z.literal('pending').default('pending'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ query, ctx }) => ({
      items: await listPendingGestures(ctx.db, query.limit, ctx.can('customers:pii')),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/gestures/:id/approve',
    summary: "Approve a gesture above its issuer's limit (up to your own limit; admins without one)",
    tags: ['gestures'],
    response: GestureSchema,
    auth: 'gestures:approve',
    params: caseParams,
    body: z
      .object({ note: z.string().trim().max(500).optional() })
      .strict()
      .optional(),
    handler: async ({ params, body, ctx }) =>
      decideOnGesture(
        ctx.db,
        gestureCases,
        params.id,
        { approve: true, note: body?.note ?? null },
        writerOf(ctx),
        ctx.actor,
      ),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/gestures/:id/reject',
    summary: 'Reject a gesture waiting for approval, with the reason',
    tags: ['gestures'],
    response: GestureSchema,
    auth: 'gestures:approve',
    params: caseParams,
    body: z.object({ note: z.string().trim().min(1).max(500) }).strict(),
    handler: async ({ params, body, ctx }) =>
      decideOnGesture(ctx.db, gestureCases, params.id, { approve: false, note: body.note }, writerOf(ctx), ctx.actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/customers/:id/notes',
    summary: 'A note on the customer from any staff member (an in-store visit, a call to finance)',
    tags: ['customers', 'notes'],
    response: CustomerNoteSchema,
    auth: 'notes:write',
    params: caseParams,
    status: 201,
    body: z.object({ text, channel: z.enum(CHANNELS).default('in_store') }).strict(),
    handler: async ({ params, body, ctx }) => addCustomerNote(ctx.db, params.id, body, writerOf(ctx), ctx.actor),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/mentions',
    summary: 'Where colleagues mentioned you, newest first',
    tags: ['cases'],
    response: MentionListSchema,
    auth: 'signed-in',
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    handler: async ({ query, ctx }) => ({ items: await mentionsOf(ctx.db, ctx.staff!.id, query.limit) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/mentions/:id/read',
    summary: 'Mark a mention as read',
    tags: ['cases'],
    response: noContent,
    auth: 'signed-in',
    params: z.object({ id: z.coerce.number().int().min(1) }),
    handler: async ({ params, ctx }) => {
      await markMentionRead(ctx.db, ctx.staff!.id, params.id);
      return undefined;
    },
  }),
  // Where replies go, the "Failed to send" queue and retries (src/cases/delivery-routes.ts).
  ...deliveryRoutes,
];
