// HTTP routes for sign-in, the signed-in staff member, staff accounts and personal tokens.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { RapportError } from '../http/errors.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { SESSION_COOKIE } from '../http/auth.ts';
import { ROLES, permissionsOf } from './model.ts';
import * as staffService from './service.ts';

const credentials = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});

// Ten failed sign-ins per address and email in 15 minutes, then a wait: slows password guessing.
const failedSignIns = createRateLimiter({ max: 10, windowMs: 15 * 60 * 1000 });

export const staffRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tags: ['auth'],
    auth: 'public',
    body: credentials,
    handler: async ({ body, ctx, reply, request }) => {
      const key = `${request.ip}|${body.email.trim().toLowerCase()}`;
      const wait = failedSignIns.retryAfter(key);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new RapportError('too_many_attempts', `Too many failed sign-ins; try again in ${wait} s`, 429);
      }
      const signedIn = await staffService.signIn(ctx.db, body.email, body.password).catch((error: unknown) => {
        failedSignIns.hit(key);
        throw error;
      });
      failedSignIns.reset(key);
      const { staff, sessionToken } = signedIn;
      reply.setCookie(SESSION_COOKIE, sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        maxAge: staffService.SESSION_LIFETIME_MS / 1000,
      });
      return { staff: { ...staff, permissions: permissionsOf(staff.role) } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Sign out: ends the session',
    tags: ['auth'],
    auth: 'public',
    handler: async ({ ctx, request, reply }) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session) await staffService.signOut(ctx.db, session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in staff member and what their role allows',
    tags: ['auth'],
    auth: 'signed-in',
    handler: async ({ ctx }) => ({ ...ctx.staff!, permissions: permissionsOf(ctx.staff!.role) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/staff',
    summary: 'List staff accounts',
    tags: ['staff'],
    auth: 'staff:manage',
    handler: async ({ ctx }) => ({ items: await staffService.listStaff(ctx.db) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/staff',
    summary: 'Create a staff account',
    tags: ['staff'],
    auth: 'staff:manage',
    audit: 'staff.created',
    status: 201,
    body: z.object({
      email: z.email().max(254),
      name: z.string().trim().min(1).max(200),
      role: z.enum(ROLES),
      department: z.string().trim().min(1).max(100).nullable().optional(),
      password: z.string().min(10, 'must be at least 10 characters').max(1024),
    }),
    handler: async ({ body, ctx }) => staffService.createStaff(ctx.db, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tokens',
    summary: 'Create a personal API token for the signed-in staff member (shown once)',
    tags: ['auth'],
    auth: 'signed-in',
    audit: 'api_token.created',
    status: 201,
    body: z.object({ name: z.string().trim().min(1).max(100) }),
    handler: async ({ body, ctx }) => {
      const { id, token } = await staffService.createApiToken(ctx.db, ctx.staff!.email, body.name);
      return { id, name: body.name, token };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/staff/:id',
    summary: 'Change a staff account: name, role, department, team, skills, empowerment limit, availability, password, or disable it',
    tags: ['staff'],
    auth: 'staff:manage',
    audit: 'staff.changed',
    params: z.object({ id: z.string().min(1).max(100) }),
    body: z
      .object({
        name: z.string().trim().min(1).max(200).optional(),
        role: z.enum(ROLES).optional(),
        department: z.string().trim().min(1).max(100).nullable().optional(),
        disabled: z.boolean().optional(),
        password: z.string().min(10, 'must be at least 10 characters').max(1024).optional(),
        teamId: z.string().min(1).max(100).nullable().optional(),
        skills: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(30).optional(),
        empowermentLimit: z
          .object({ amount: z.number().min(0).max(1e9), currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD') })
          .strict()
          .optional(),
        available: z.boolean().optional(),
      })
      .refine((body) => Object.keys(body).length > 0, 'Change at least one field'),
    handler: async ({ params, body, ctx }) => staffService.updateStaff(ctx.db, params.id, body),
  }),
];
