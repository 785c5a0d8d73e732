// HTTP routes for a customer's data on request: the subject access export and the erasure.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { eraseCustomer, exportCustomer } from './service.ts';
import { CustomerExportSchema, ErasureSchema } from './responses.ts';

const customerParams = z.object({ id: z.string().min(1).max(100) });

export const privacyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/customers/:id/export',
    summary: 'Everything held about a customer, as one JSON document (subject access request)',
    tags: ['privacy'],
    response: CustomerExportSchema,
    auth: 'customers:export',
    params: customerParams,
    handler: async ({ params, ctx, reply }) => {
      const data = await exportCustomer(ctx.db, params.id, ctx.actor);
      reply.header('content-disposition', `attachment; filename="${data.customer.id}.json"`);
      return data;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/customers/:id',
    summary: 'Erase a customer and every profile merged into them (right to erasure)',
    tags: ['privacy'],
    response: ErasureSchema,
    auth: 'customers:erase',
    params: customerParams,
    handler: async ({ params, ctx }) =>
      eraseCustomer(ctx.db, params.id, ctx.actor, { eventLog: ctx.eventLog, projector: ctx.projector }),
  }),
];
