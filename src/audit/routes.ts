// HTTP route for reading the audit trail (who saw and changed customer data).
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { listAuditEntries } from './store.ts';
import { AuditEntryListSchema } from './responses.ts';
import { viewsRecorded } from './views.ts';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: 'Audit entries, newest first; filter by customer, by staff member, or by action (`team.archived`)',
    tags: ['audit'],
    response: AuditEntryListSchema,
    auth: 'audit:read',
    query: z.object({
      customerId: z.string().max(100).optional(),
      actorId: z.string().max(100).optional(),
      action: z
        .string()
        .regex(/^[a-z_]+\.[a-z_]+$/, 'an action such as team.archived')
        .optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().positive().optional(),
    }),
    handler: async ({ query, ctx }) => {
      // Views reach the trail through the event log: what was seen before this request is listed too.
      await viewsRecorded(ctx.db);
      const rows = await listAuditEntries(ctx.db, {
        customerId: query.customerId,
        actorId: query.actorId,
        action: query.action,
        beforeId: query.before,
        limit: query.limit,
      });
      return {
        items: rows.map((row) => ({
          id: row.id,
          at: new Date(row.at).toISOString(),
          actorKind: row.actor_kind,
          actorId: row.actor_id,
          action: row.action,
          customerId: row.customer_id,
          detail: row.detail ? JSON.parse(row.detail) : null,
          ip: row.ip,
          requestId: row.request_id,
        })),
      };
    },
  }),
];
