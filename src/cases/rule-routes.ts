// HTTP routes for assignment rules: which team (and skill) a new case goes to. Every agent can read them,
// managers write them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { ruleConditionsSchema } from './assignment.ts';
import { addRule, changeRule, listRules, removeRule } from './assignment-rules.ts';
import { AssignmentRuleListSchema, AssignmentRuleSchema } from './responses.ts';
import { noContent } from '../http/openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });

const ruleFields = z.object({
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(10_000).optional(),
  conditions: ruleConditionsSchema,
  teamId: z.string().min(1).max(100),
  skill: z.string().trim().toLowerCase().min(1).max(50).nullable(),
});

export const assignmentRuleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/assignment-rules',
    summary: 'Assignment rules in the order they are tried',
    tags: ['teams'],
    response: AssignmentRuleListSchema,
    auth: 'cases:read',
    handler: async ({ ctx }) => ({ items: await listRules(ctx.db) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/assignment-rules',
    summary: 'Add an assignment rule: matching cases go to the team, to a member with the skill',
    tags: ['teams'],
    response: AssignmentRuleSchema,
    auth: 'settings:manage',
    audit: 'assignment_rule.created',
    status: 201,
    body: ruleFields
      .extend({
        conditions: ruleConditionsSchema.default({}),
        skill: ruleFields.shape.skill.default(null),
      })
      .strict(),
    handler: async ({ body, ctx }) => addRule(ctx.db, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/assignment-rules/:id',
    summary: 'Change an assignment rule (its name, place in the order, conditions, team or skill); it keeps its id',
    tags: ['teams'],
    response: AssignmentRuleSchema,
    auth: 'settings:manage',
    audit: 'assignment_rule.changed',
    params: idParams,
    body: ruleFields
      .partial()
      .strict()
      .refine((body) => Object.keys(body).length > 0, 'Change at least one field'),
    handler: async ({ params, body, ctx }) => changeRule(ctx.db, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/assignment-rules/:id',
    summary: 'Remove an assignment rule',
    tags: ['teams'],
    response: noContent,
    auth: 'settings:manage',
    audit: 'assignment_rule.deleted',
    params: idParams,
    handler: async ({ params, ctx }) => removeRule(ctx.db, params.id),
  }),
];
