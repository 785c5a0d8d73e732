// HTTP routes for the rules that derive customer flags: readers of customers see them, managers tune them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { listFlagRules, updateFlagRule } from './index.ts';
import { FlagRuleListSchema, FlagRuleSchema } from './responses.ts';

export const flagRuleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/flag-rules',
    summary: 'The rules that derive customer flags (past issues, needs extra support, VIP)',
    tags: ['flags'],
    response: FlagRuleListSchema,
    auth: 'customers:read',
    handler: async ({ ctx }) => ({ items: await listFlagRules(ctx.db) }),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/flag-rules/:flag',
    summary: 'Turn a flag rule on or off, or change its parameters',
    tags: ['flags'],
    response: FlagRuleSchema,
    auth: 'settings:manage',
    audit: 'flag_rule.changed',
    params: z.object({ flag: z.string().min(1).max(50) }),
    body: z.object({ enabled: z.boolean().optional(), params: z.record(z.string(), z.unknown()).optional() }).strict(),
    handler: async ({ params, body, ctx }) => updateFlagRule(ctx.db, params.flag, body, ctx.staff!.id),
  }),
];
