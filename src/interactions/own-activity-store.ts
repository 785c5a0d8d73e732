// The SQL of what the customer herself did, as the context card counts it: her inbound contacts and her own
// events, never staff notes, gestures, our replies or system events (a shipment notice is not her visit).
import type { Db } from '../store/db.ts';
import type { Channel, Direction } from './model.ts';
import { newestOfProfiles } from './store.ts';

/** Hers: inbound, and not a system's notice about her. Each query walks the timeline index newest first. */
const HERS = `direction = 'inbound' AND channel <> 'system'`;

export interface OwnContact {
  department: string;
  channel: Channel;
  type: string;
  direction: Direction;
  occurred_at: number;
  text: string | null;
}

/** Her latest contacts with a department (up to `scan`), newest first: each department's latest is the card's "Last contact". */
export async function latestOwnContacts(db: Db, profiles: readonly string[], scan: number): Promise<OwnContact[]> {
  const query = newestOfProfiles(
    profiles,
    'department, channel, type, direction, occurred_at, text',
    `${HERS} AND department IS NOT NULL`,
    [],
    scan,
  );
  return db.all<OwnContact>(query.sql, query.params);
}

/** When she was last seen: her latest contact or event of her own, or null if she has none. */
export async function lastSeenByHer(db: Db, profiles: readonly string[]): Promise<number | null> {
  const query = newestOfProfiles(profiles, 'occurred_at', HERS, [], 1);
  const row = await db.get<{ occurred_at: number }>(query.sql, query.params);
  return row?.occurred_at ?? null;
}
