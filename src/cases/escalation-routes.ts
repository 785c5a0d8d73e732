// HTTP routes for escalation rules: which negative, urgent words open a case or raise its priority. Every agent can
// read them (a case raised by one says which), managers write them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { noContent } from '../http/openapi.ts';
import { ESCALATION_PRIORITIES, escalationConditionsSchema } from './escalation.ts';
import { addEscalation, changeEscalation, listEscalations, removeEscalation } from './escalation-rules.ts';
import { EscalationRuleListSchema, EscalationRuleSchema } from './responses.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });

const ruleFields = z.object({
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(10_000).optional(),
  enabled: z.boolean(),
  conditions: escalationConditionsSchema,
  priority: z.enum(ESCALATION_PRIORITIES),
  opensCase: z.boolean(),
});

export const escalationRuleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/escalation-rules',
    summary: 'Escalation rules in the order they are tried',
    tags: ['settings'],
    response: EscalationRuleListSchema,
    auth: 'cases:read',
    handler: async ({ ctx }) => ({ items: await listEscalations(ctx.db) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/escalation-rules',
    summary:
      'Add an escalation rule: a customer’s words that read negative (score at most sentimentAtMost) and urgent ' +
      '(urgency at least urgencyAtLeast), on the channels and with the reasons named (empty: any), open a case ' +
      'or raise the priority of the one they join; the first enabled rule that matches applies',
    tags: ['settings'],
    response: EscalationRuleSchema,
    auth: 'settings:manage',
    audit: 'escalation_rule.created',
    status: 201,
    body: ruleFields
      .extend({
        enabled: ruleFields.shape.enabled.default(true),
        opensCase: ruleFields.shape.opensCase.default(true),
        conditions: escalationConditionsSchema.partial().transform((given) => ({
          channels: given.channels ?? [],
          reasons: given.reasons ?? [],
          sentimentAtMost: given.sentimentAtMost ?? -0.3,
          urgencyAtLeast: given.urgencyAtLeast ?? 0.5,
        })),
      })
      .strict(),
    handler: async ({ body, ctx }) => addEscalation(ctx.db, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/escalation-rules/:id',
    summary: 'Change an escalation rule (name, order, on or off, conditions, priority, whether it opens cases)',
    tags: ['settings'],
    response: EscalationRuleSchema,
    auth: 'settings:manage',
    audit: 'escalation_rule.changed',
    params: idParams,
    body: ruleFields
      .partial()
      .strict()
      .refine((body) => Object.keys(body).length > 0, 'Change at least one field'),
    handler: async ({ params, body, ctx }) => changeEscalation(ctx.db, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/escalation-rules/:id',
    summary: 'Remove an escalation rule',
    tags: ['settings'],
    response: noContent,
    auth: 'settings:manage',
    audit: 'escalation_rule.deleted',
    params: idParams,
    handler: async ({ params, ctx }) => removeEscalation(ctx.db, params.id),
  }),
];
