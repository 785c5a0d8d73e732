// HTTP routes for SLA policies: every agent can read them, managers edit and archive them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { slaTargetsSchema } from './policy.ts';
import { archivePolicy, createPolicy, listPolicyViews, replacePolicy, restorePolicy } from './service.ts';
import { SlaPolicyListSchema, SlaPolicySchema } from './responses.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const archivedQuery = z.object({ include: z.enum(['archived']).optional() }).strict();

const policyBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    targets: slaTargetsSchema,
    businessHoursOnly: z.boolean().default(true),
  })
  .strict();

export const slaPolicyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/sla-policies',
    summary: 'SLA policies: first response, next response and resolution targets in minutes per priority',
    tags: ['sla'],
    response: SlaPolicyListSchema,
    auth: 'cases:read',
    query: archivedQuery,
    handler: async ({ query, ctx }) => ({
      items: await listPolicyViews(ctx.db, { includeArchived: query.include === 'archived' }),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sla-policies',
    summary: 'Create an SLA policy',
    tags: ['sla'],
    response: SlaPolicySchema,
    auth: 'settings:manage',
    audit: 'sla_policy.created',
    status: 201,
    body: policyBody,
    handler: async ({ body, ctx }) => createPolicy(ctx.db, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/sla-policies/:id',
    summary: 'Replace an SLA policy (cases opened from now on use the new targets)',
    tags: ['sla'],
    response: SlaPolicySchema,
    auth: 'settings:manage',
    audit: 'sla_policy.changed',
    params: idParams,
    body: policyBody,
    handler: async ({ params, body, ctx }) => replacePolicy(ctx.db, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sla-policies/:id/archive',
    summary: 'Archive an SLA policy: cases already on it keep their clocks; refused while a team uses it',
    tags: ['sla'],
    response: SlaPolicySchema,
    auth: 'settings:manage',
    audit: 'sla_policy.archived',
    params: idParams,
    handler: async ({ params, ctx }) => archivePolicy(ctx.db, params.id, Date.now()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sla-policies/:id/restore',
    summary: 'Bring an archived SLA policy back',
    tags: ['sla'],
    response: SlaPolicySchema,
    auth: 'settings:manage',
    audit: 'sla_policy.restored',
    params: idParams,
    handler: async ({ params, ctx }) => restorePolicy(ctx.db, params.id),
  }),
];
