// HTTP routes for sign-in, the signed-in staff member, staff accounts and personal tokens.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../http/auth.ts';
import { recordAudit } from '../audit/index.ts';
import { administrativeAuditEntry } from '../audit/index.ts';
import type { Config } from '../shared/config.ts';
import { ROLES, permissionsOf } from './model.ts';
import { staffErrors } from './errors.ts';
import { newPassword } from './password-policy.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { tokenRoutes } from './token-routes.ts';
import * as staffService from './service.ts';
import {
  NewApiTokenSchema,
  PasswordChangedSchema,
  SignedInStaffSchema,
  SignInSchema,
  StaffAccountSchema,
  StaffListSchema,
  StaffMemberSchema,
} from './responses.ts';
import { noContent } from '../http/openapi.ts';
import { perServer } from '../http/per-server.ts';

const credentials = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});

const throttleOf = perServer(createSignInThrottle);

function setSessionCookie(reply: FastifyReply, config: Config, sessionToken: string): void {
  reply.setCookie(SESSION_COOKIE, sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: staffService.SESSION_LIFETIME_MS / 1000,
  });
}

export const staffRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tags: ['auth'],
    response: SignInSchema,
    auth: 'public',
    body: credentials,
    handler: async ({ body, ctx, reply, request }) => {
      const throttle = throttleOf(ctx.db);
      const wait = throttle.wait(request.ip, body.email);
      if (wait) {
        throw staffErrors.error(
          'too_many_attempts',
          `Too many failed sign-ins ${wait.reason}; try again in ${wait.seconds} s`,
          { retryAfterSeconds: wait.seconds },
        );
      }
      const signedIn = await staffService.signIn(ctx.db, body.email, body.password).catch((error: unknown) => {
        if (staffErrors.is(error, 'invalid_credentials')) throttle.failed(request.ip, body.email);
        throw error;
      });
      throttle.succeeded(request.ip, body.email);
      const { staff, sessionToken } = signedIn;
      setSessionCookie(reply, ctx.config, sessionToken);
      return { staff: { ...staff, permissions: permissionsOf(staff.role) } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Sign out: ends the session',
    tags: ['auth'],
    response: noContent,
    auth: 'public',
    handler: async ({ ctx, request, reply }) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session) await staffService.signOut(ctx.db, session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/password',
    summary: 'Change your own password: every session and token of yours ends, and this browser gets a new session',
    tags: ['auth'],
    response: PasswordChangedSchema,
    auth: 'signed-in',
    // Audited by the service, in its transaction: the hashing happens before it, outside the writer's lock.
    body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword }),
    handler: async ({ body, ctx, reply }) => {
      const me = ctx.staff!.id;
      const changed = await staffService.changeOwnPassword(ctx.db, me, body.currentPassword, body.newPassword, {
        inSameTransaction: (tx) =>
          recordAudit(tx, administrativeAuditEntry('staff.password_changed', ctx, { id: me }, body, undefined)),
      });
      setSessionCookie(reply, ctx.config, changed.sessionToken);
      return { id: changed.staff.id };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in staff member and what their role allows',
    tags: ['auth'],
    response: SignedInStaffSchema,
    auth: 'signed-in',
    handler: async ({ ctx }) => ({ ...ctx.staff!, permissions: permissionsOf(ctx.staff!.role) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/staff',
    summary: 'List staff accounts',
    tags: ['staff'],
    response: StaffListSchema,
    auth: 'staff:manage',
    handler: async ({ ctx }) => ({ items: await staffService.listStaff(ctx.db) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/staff',
    summary: 'Create a staff account',
    tags: ['staff'],
    response: StaffMemberSchema,
    auth: 'staff:manage',
    audit: 'staff.created',
    status: 201,
    body: z.object({
      email: z.email().max(254),
      name: z.string().trim().min(1).max(200),
      role: z.enum(ROLES),
      department: z.string().trim().min(1).max(100).nullable().optional(),
      password: newPassword,
    }),
    handler: async ({ body, ctx }) => staffService.createStaff(ctx.db, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tokens',
    summary: 'Create a personal API token for the signed-in staff member (shown once)',
    tags: ['auth'],
    response: NewApiTokenSchema,
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
    summary:
      'Change a staff account: name, role, department, team, skills, empowerment limit, availability, password, or disable it',
    tags: ['staff'],
    response: StaffAccountSchema,
    auth: 'staff:manage',
    // Audited as staff.changed by the service's transaction, after a new password is hashed (not `audit:`,
    // whose transaction would hold the database's writer through scrypt and the hash queue).
    params: z.object({ id: z.string().min(1).max(100) }),
    body: z
      .object({
        name: z.string().trim().min(1).max(200).optional(),
        role: z.enum(ROLES).optional(),
        department: z.string().trim().min(1).max(100).nullable().optional(),
        disabled: z.boolean().optional(),
        password: newPassword.optional(),
        teamId: z.string().min(1).max(100).nullable().optional(),
        skills: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(30).optional(),
        empowermentLimit: z
          .object({
            amount: z.number().min(0).max(1e9),
            currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
          })
          .strict()
          .optional(),
        available: z.boolean().optional(),
      })
      .refine((body) => Object.keys(body).length > 0, 'Change at least one field'),
    handler: async ({ params, body, ctx }) =>
      staffService.updateStaff(ctx.db, params.id, body, {
        onEmpowermentLimitChanged: ctx.onEmpowermentLimitChanged,
        inSameTransaction: (tx, updated) =>
          recordAudit(tx, administrativeAuditEntry('staff.changed', ctx, params, body, updated)),
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/staff/:id/password',
    summary:
      'Reset a staff member’s password to one you give them: their sessions and tokens end, the old password stops working',
    tags: ['staff'],
    response: StaffAccountSchema,
    auth: 'staff:manage',
    // Audited as staff.password_reset by the service's transaction, after the hashing (see /api/auth/password).
    params: z.object({ id: z.string().min(1).max(100) }),
    body: z.object({ password: newPassword }),
    handler: async ({ params, body, ctx }) =>
      staffService.updateStaff(
        ctx.db,
        params.id,
        { password: body.password },
        {
          inSameTransaction: (tx) =>
            recordAudit(tx, administrativeAuditEntry('staff.password_reset', ctx, params, body, undefined)),
        },
      ),
  }),
  ...tokenRoutes,
];
