// HTTP routes for personal API tokens: list your own (admins: anyone's) and revoke one at once.
// Creating a token is in routes.ts beside sign-in.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import * as tokens from './token-service.ts';
import { ApiTokenListSchema, ApiTokenSchema } from './responses.ts';

export const tokenRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/tokens',
    summary: 'Personal API tokens of the signed-in staff member (admins: of anyone, with staffId), with their last use',
    tags: ['auth'],
    response: ApiTokenListSchema,
    auth: 'signed-in',
    query: z.object({ staffId: z.string().min(1).max(100).optional() }),
    handler: async ({ query, ctx }) => ({ items: await tokens.listApiTokens(ctx.db, ctx.staff!, query.staffId) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/tokens/:id',
    summary: 'Revoke a personal API token (your own; admins: anyone’s); it stops working at once',
    tags: ['auth'],
    response: ApiTokenSchema,
    auth: 'signed-in',
    audit: 'api_token.revoked',
    params: z.object({ id: z.string().min(1).max(100) }),
    handler: async ({ params, ctx }) => tokens.revokeApiToken(ctx.db, ctx.staff!, params.id),
  }),
];
