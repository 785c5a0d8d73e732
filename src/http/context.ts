// What a route handler is given: the database, who is calling, and what they may do.
import type { Database } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import type { Permission } from '../staff/index.ts';
import type { StaffMember } from '../staff/index.ts';
import type { WriteKey } from '../ingest/index.ts';
import type { Config } from '../config.ts';
import type { ChannelRegistry } from '../channels/index.ts';

export interface AppDeps {
  db: Database;
  config: Config;
  channels: ChannelRegistry;
  /** Sends the replies waiting in the outbox now (it also runs on a timer). */
  flushOutbox(): Promise<void>;
}

export interface RequestContext extends AppDeps {
  actor: Actor;
  staff: StaffMember | null;
  writeKey: WriteKey | null;
  can(permission: Permission): boolean;
}
