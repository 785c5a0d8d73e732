// Authentication at the edge: session cookie or Bearer token for staff, Basic write key for ingest. Who a
// credential belongs to is the application's answer (AppDeps.authenticator); the rules are the framework's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { commonErrors } from '../shared/errors.ts';
import { roleAllows } from '../shared/roles.ts';
import { httpErrors } from './errors.ts';
import type { AppDeps, AuthRule, CallerStaff, CallerWriteKey, RequestContext, RouteAuth } from './context.ts';

export const SESSION_COOKIE = 'rapport_session';

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

/** Segment clients send the write key as the Basic user name with an empty password, or in the body. */
function writeKeyOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString();
    const user = decoded.split(':')[0];
    if (user) return user;
  }
  const body = request.body as { writeKey?: unknown } | undefined;
  return typeof body?.writeKey === 'string' ? body.writeKey : null;
}

async function staffOf(deps: AppDeps, request: FastifyRequest): Promise<CallerStaff | null> {
  const token = bearerToken(request);
  if (token) {
    const staff = await deps.authenticator.staffForApiToken(deps.db, token);
    if (!staff) throw httpErrors.error('invalid_token', 'The Bearer token is unknown or revoked');
    return staff;
  }
  const session = request.cookies[SESSION_COOKIE];
  return (session && (await deps.authenticator.staffForSession(deps.db, session))) || null;
}

export async function authenticate(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  auth: RouteAuth,
): Promise<RequestContext> {
  // Either kind of caller: a Basic write key (a telephony system) or staff with the permission.
  const rule: AuthRule =
    typeof auth === 'string' ? auth : request.headers.authorization?.startsWith('Basic ') ? auth[0] : auth[1];
  const base = { ip: request.ip, requestId: request.id };
  let staff: CallerStaff | null = null;
  let writeKey: CallerWriteKey | null = null;
  if (rule === 'write-key') {
    const key = writeKeyOf(request);
    writeKey = key ? ((await deps.authenticator.findWriteKey(deps.db, key)) ?? null) : null;
    if (!writeKey) {
      reply.header('WWW-Authenticate', 'Basic realm="rapport-ingest"');
      throw httpErrors.error('invalid_write_key', 'Send a valid write key as the Basic auth user name');
    }
  } else if (rule !== 'public') {
    staff = await staffOf(deps, request);
    if (!staff) throw httpErrors.error('not_signed_in', 'Sign in, or send Authorization: Bearer <token>');
    if (rule !== 'signed-in' && !roleAllows(staff.role, rule)) {
      throw commonErrors.error('forbidden', `Your role (${staff.role}) may not do this: it needs ${rule}`);
    }
  }
  const actor = staff
    ? { kind: 'staff' as const, id: staff.id, ...base }
    : writeKey
      ? { kind: 'write_key' as const, id: writeKey.id, ...base }
      : { kind: 'system' as const, id: null, ...base };
  return {
    ...deps,
    actor,
    staff,
    writeKey,
    can: (permission) => (staff ? roleAllows(staff.role, permission) : false),
  };
}
