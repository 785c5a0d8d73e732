// What a route handler is given: the application's services, who is calling, and what they may do. The
// framework knows no capability: the application (src/app/context.ts) widens these interfaces with its own
// types, as a Fastify plugin widens FastifyRequest, and supplies the authenticator and the audit hook.
import type { Database, Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import type { Config } from '../shared/config.ts';
import type { Permission, Role } from '../shared/roles.ts';

/** `public`: anyone; `signed-in`: any staff; a permission: staff whose role grants it; `write-key`: an ingest source. */
export type AuthRule = 'public' | 'signed-in' | 'write-key' | Permission;
/** A route may accept either an ingest source's write key or staff with a permission (e.g. a telephony webhook). */
export type RouteAuth = AuthRule | readonly ['write-key', Permission];

/** A signed-in staff member, as far as the framework needs one; the application adds the rest. */
export interface CallerStaff {
  id: string;
  role: Role;
}

/** An ingest source's write key, as far as the framework needs one; the application adds the rest. */
export interface CallerWriteKey {
  id: string;
}

/** How the framework learns who a credential belongs to; the application answers from its stores. */
export interface Authenticator {
  /** The staff member a personal API token (Bearer) belongs to; nothing for an unknown or revoked one. */
  staffForApiToken(db: Database, token: string): Promise<CallerStaff | null | undefined>;
  /** The staff member a session cookie belongs to; nothing for an unknown or expired one. */
  staffForSession(db: Database, session: string): Promise<CallerStaff | null | undefined>;
  /** The active write key with this secret; nothing for an unknown or revoked one. */
  findWriteKey(db: Database, key: string): Promise<CallerWriteKey | null | undefined>;
}

/** Records an administrative change (a route declared with `audit`) in the same transaction as the change. */
export type AdministrativeAuditHook = (
  tx: Db,
  change: { action: string; ctx: RequestContext; params: unknown; body: unknown; result: unknown },
) => Promise<void>;

export interface AppDeps {
  db: Database;
  config: Config;
  /** Sends the replies waiting in the outbox now (it also runs on a timer). */
  flushOutbox(): Promise<void>;
  authenticator: Authenticator;
  recordAdministrativeChange: AdministrativeAuditHook;
}

export interface RequestContext extends AppDeps {
  actor: Actor;
  staff: CallerStaff | null;
  writeKey: CallerWriteKey | null;
  can(permission: Permission): boolean;
}
