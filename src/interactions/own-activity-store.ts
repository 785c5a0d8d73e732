// The SQL of what the customer herself did, as the context card counts it: her inbound contacts and her own
// events, never staff notes, gestures, our replies or system events (a shipment notice is not her visit).
import type { Db } from '../store/db.ts';
import type { Channel, Direction } from './model.ts';

/** Hers: inbound, and not a system's notice about her. Both queries walk the timeline index newest first. */
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
export async function latestOwnContacts(db: Db, customerId: string, scan: number): Promise<OwnContact[]> {
  return db.all<OwnContact>(
    `SELECT department, channel, type, direction, occurred_at, text FROM interactions
     WHERE customer_id = ? AND ${HERS} AND department IS NOT NULL
     ORDER BY occurred_at DESC, id DESC LIMIT ?`,
    [customerId, scan],
  );
}

/** When she was last seen: her latest contact or event of her own, or null if she has none. */
export async function lastSeenByHer(db: Db, customerId: string): Promise<number | null> {
  const row = await db.get<{ occurred_at: number }>(
    `SELECT occurred_at FROM interactions WHERE customer_id = ? AND ${HERS} ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    [customerId],
  );
  return row?.occurred_at ?? null;
}
