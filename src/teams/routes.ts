// HTTP routes for teams, their hours and members: every agent can read them, managers edit and archive them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { businessHoursSchema, holidaysSchema, timezoneSchema } from '../sla/index.ts';
import { archiveTeam, createTeam, listTeamViews, replaceTeam, restoreTeam } from './service.ts';
import { ArchivedTeamSchema, TeamListSchema, TeamSchema } from './responses.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const archivedQuery = z.object({ include: z.enum(['archived']).optional() }).strict();

const teamBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    department: z.string().trim().min(1).max(100).nullable().default(null),
    timezone: timezoneSchema.default('UTC'),
    businessHours: businessHoursSchema.default({}),
    holidays: holidaysSchema.default([]),
    slaPolicyId: z.string().min(1).max(100).nullable().default(null),
    autoAssign: z.boolean().default(true),
    isDefault: z.boolean().default(false),
  })
  .strict();

export const teamRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/teams',
    summary:
      'Teams with their hours, SLA policy and members (with their live case load); ?include=archived lists archived ones too',
    tags: ['teams'],
    response: TeamListSchema,
    auth: 'cases:read',
    query: archivedQuery,
    handler: async ({ query, ctx }) => ({
      items: await listTeamViews(ctx.db, { includeArchived: query.include === 'archived' }),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/teams',
    summary: 'Create a team',
    tags: ['teams'],
    response: TeamSchema,
    auth: 'settings:manage',
    audit: 'team.created',
    status: 201,
    body: teamBody,
    handler: async ({ body, ctx }) => createTeam(ctx.db, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/teams/:id',
    summary: "Replace a team's settings",
    tags: ['teams'],
    response: TeamSchema,
    auth: 'settings:manage',
    audit: 'team.changed',
    params: idParams,
    body: teamBody,
    handler: async ({ params, body, ctx }) => replaceTeam(ctx.db, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/teams/:id/archive',
    summary:
      'Archive a team: its members move to the default team; refused while it has cases being worked on or assignment rules',
    tags: ['teams'],
    response: ArchivedTeamSchema,
    auth: 'settings:manage',
    audit: 'team.archived',
    params: idParams,
    handler: async ({ params, ctx }) => archiveTeam(ctx.db, params.id, Date.now()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/teams/:id/restore',
    summary: 'Bring an archived team back (without members: add them again)',
    tags: ['teams'],
    response: TeamSchema,
    auth: 'settings:manage',
    audit: 'team.restored',
    params: idParams,
    handler: async ({ params, ctx }) => restoreTeam(ctx.db, params.id),
  }),
];
