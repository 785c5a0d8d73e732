// HTTP routes for empowerment limits per staff member and currency (the gestures themselves are case routes).
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { listLimits, removeLimits, setLimits } from './limits.ts';
import { GestureLimitsListSchema, GestureLimitsSchema } from './responses.ts';
import { noContent } from '../http/openapi.ts';

const params = z.object({ id: z.string().min(1).max(100) });
const currencyParams = params.extend({ currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD') });
const amount = z.number().min(0).max(1e9);

export const gestureLimitRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/staff/:id/gesture-limits',
    summary: "A staff member's empowerment limits per currency: per gesture, per case and per day",
    tags: ['staff', 'gestures'],
    response: GestureLimitsListSchema,
    auth: 'staff:manage',
    params,
    handler: async ({ params, ctx }) => ({ items: await listLimits(ctx.db, params.id) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/staff/:id/gesture-limits/:currency',
    summary: 'Set empowerment limits in one currency; perCase defaults to perGesture, perDay to 5 × perGesture',
    tags: ['staff', 'gestures'],
    response: GestureLimitsSchema,
    auth: 'staff:manage',
    audit: 'gesture_limits.changed',
    params: currencyParams,
    body: z
      .object({ perGesture: amount, perCase: amount.nullable().optional(), perDay: amount.nullable().optional() })
      .strict(),
    handler: async ({ params, body, ctx }) => setLimits(ctx.db, params.id, params.currency, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/staff/:id/gesture-limits/:currency',
    summary: 'Remove the limits in one currency: every gesture in it then waits for a manager',
    tags: ['staff', 'gestures'],
    response: noContent,
    auth: 'staff:manage',
    audit: 'gesture_limits.removed',
    params: currencyParams,
    handler: async ({ params, ctx }) => removeLimits(ctx.db, params.id, params.currency),
  }),
];
