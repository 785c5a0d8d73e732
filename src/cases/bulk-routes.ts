// HTTP routes for working many cases at once: "Take it", bulk actions on a queue's selection, and
// merging duplicate cases of one customer (and undoing it).
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { CASE_PRIORITIES, CASE_STATUSES } from './model.ts';
import { applyBulkAction, takeCase, BULK_MAX_CASES, type BulkAction } from './bulk.ts';
import { mergeCase, undoCaseMerge } from './case-merge.ts';
import { labelled, labelledOne } from './route-helpers.ts';
import { BulkReportSchema, CaseMergeSchema, CaseSummarySchema } from './responses.ts';

const caseRef = z.string().min(1).max(100);
const tag = z.string().trim().min(1).max(50);

const bulkAction = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('assign'),
      assigneeId: caseRef.nullable().describe('A staff id, "me", or null to unassign'),
    })
    .strict(),
  z.object({ type: z.literal('assignTeam'), teamId: caseRef }).strict(),
  z.object({ type: z.literal('setStatus'), status: z.enum(CASE_STATUSES) }).strict(),
  z.object({ type: z.literal('setPriority'), priority: z.enum(CASE_PRIORITIES) }).strict(),
  z.object({ type: z.literal('addTag'), tag }).strict(),
  z.object({ type: z.literal('removeTag'), tag }).strict(),
  z.object({ type: z.literal('close') }).strict(),
]);

export const bulkCaseRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/take',
    summary: 'Take it: assign the case (by id or number) to yourself; it moves to your team, as any reassignment does',
    tags: ['cases'],
    response: CaseSummarySchema,
    auth: 'cases:write',
    params: z.object({ id: caseRef }),
    handler: async ({ params, ctx }) => labelledOne(ctx, await takeCase(ctx.db, params.id, ctx.actor)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/bulk',
    summary: `One action on up to ${BULK_MAX_CASES} cases (assign, team, status, priority, tag, close), case by case with the rules of a single change; answers per case`,
    tags: ['cases'],
    response: BulkReportSchema,
    auth: 'cases:write',
    body: z
      .object({
        ids: z
          .array(caseRef)
          .min(1)
          .max(BULK_MAX_CASES, `at most ${BULK_MAX_CASES} cases at once`)
          .refine((ids) => new Set(ids).size === ids.length, 'each case once'),
        action: bulkAction,
      })
      .strict(),
    handler: async ({ body, ctx }) => {
      const action: BulkAction =
        body.action.type === 'assign' && body.action.assigneeId === 'me'
          ? { type: 'assign', assigneeId: ctx.staff!.id }
          : body.action;
      const report = await applyBulkAction(ctx.db, body.ids, action, ctx.actor);
      const changed = await labelled(
        ctx,
        report.results.flatMap((result) => (result.ok ? [result.case] : [])),
      );
      const byId = new Map(changed.map((item) => [item.id, item]));
      return {
        ...report,
        results: report.results.map((result) => (result.ok ? { ...result, case: byId.get(result.case.id)! } : result)),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/merge',
    summary:
      'Merge this case into another open case of the same customer: its conversation and history move there, and it is closed pointing to it',
    tags: ['cases'],
    response: CaseMergeSchema,
    auth: 'cases:write',
    params: z.object({ id: caseRef }),
    status: 201,
    body: z.object({ intoCaseId: caseRef.describe('The surviving case, by id or number') }).strict(),
    handler: async ({ params, body, ctx }) => mergeCase(ctx.db, params.id, body.intoCaseId, ctx.actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/case-merges/:id/undo',
    summary:
      "Undo a case merge (managers, or whoever merged): both cases as they were, with what arrived by the merged case's thread since",
    tags: ['cases'],
    response: CaseMergeSchema,
    auth: 'cases:write',
    params: z.object({ id: caseRef }),
    handler: async ({ params, ctx }) => undoCaseMerge(ctx.db, params.id, ctx.actor, ctx.can('customers:merge')),
  }),
];
