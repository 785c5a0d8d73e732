// What to call a customer in a list (a queue, the approvals): read for a page of them at once.
import type { Db } from '../store/db.ts';
import { maskIdentityValue } from './identity.ts';
import { listContactRows } from './store.ts';

/** What a customer can be called in a list: their name, or the identities we reach them by. */
export interface CustomerLabelFacts {
  name: string | null;
  email: string | null;
  /** A social handle with its @, e.g. `@mariag`. */
  handle: string | null;
  phone: string | null;
  /** An id in another system, e.g. `shopify 123`: the only name a customer the tracking API sent us may have. */
  externalId: string | null;
}

/**
 * Name, else email, else `@handle`, else phone, else an id in another system: so a customer who only ever posted,
 * called or was sent by a shop's tracking is still told apart in a queue. Email and phone are masked for roles without `customers:pii`, as on the
 * context card; handles are public, so they never are.
 */
export function customerLabel(facts: CustomerLabelFacts, canSeePii: boolean): string | null {
  const name = facts.name?.trim();
  if (name) return name;
  if (facts.email) return canSeePii ? facts.email : maskIdentityValue('email', facts.email);
  if (facts.handle) return facts.handle;
  if (facts.phone) return canSeePii ? facts.phone : maskIdentityValue('phone', facts.phone);
  return facts.externalId;
}

/**
 * The label facts of each customer, read in one query for a whole page of cases. A profile merged
 * away answers with the name and identities of the profile that absorbed it (identities move there).
 */
export async function customerLabelFactsOf(
  db: Db,
  customerIds: readonly string[],
): Promise<Map<string, CustomerLabelFacts>> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return new Map();
  const rows = await listContactRows(db, ids);
  return new Map(rows.map(({ id, external_id, ...facts }) => [id, { ...facts, externalId: external_id }]));
}
