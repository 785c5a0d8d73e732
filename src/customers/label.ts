// What to call a customer in a list (a queue, the approvals): read for a page of them at once.
import type { Db } from '../store/db.ts';
import { maskIdentityValue } from './identity.ts';

/** What a customer can be called in a list: their name, or the identities we reach them by. */
export interface CustomerLabelFacts {
  name: string | null;
  email: string | null;
  /** A social handle without its @, e.g. `mariag`. */
  handle: string | null;
  phone: string | null;
}

/**
 * Name, else email, else `@handle`, else phone: so a customer who only ever posted or called is still
 * told apart in a queue. Email and phone are masked for roles without `customers:pii`, as on the
 * context card; handles are public, so they never are.
 */
export function customerLabel(facts: CustomerLabelFacts, canSeePii: boolean): string | null {
  const name = facts.name?.trim();
  if (name) return name;
  if (facts.email) return canSeePii ? facts.email : maskIdentityValue('email', facts.email);
  if (facts.handle) return `@${facts.handle}`;
  if (facts.phone) return canSeePii ? facts.phone : maskIdentityValue('phone', facts.phone);
  return null;
}

/**
 * The label facts of each customer, read in one query for a whole page of cases. A profile merged
 * away answers with the name and identities of the profile that absorbed it (identities move there).
 */
export async function customerLabelFactsOf(db: Db, customerIds: readonly string[]): Promise<Map<string, CustomerLabelFacts>> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return new Map();
  const first = (kind: string) =>
    `(SELECT value FROM identities WHERE customer_id = COALESCE(c.merged_into, c.id) AND ${kind} ORDER BY created_at LIMIT 1)`;
  const rows = await db.all<{ id: string } & CustomerLabelFacts>(
    `SELECT c.id, COALESCE(c.name, (SELECT name FROM customers s WHERE s.id = c.merged_into)) AS name, ${first("kind = 'email'")} AS email, ${first("kind LIKE 'handle:%'")} AS handle, ${first("kind = 'phone'")} AS phone
     FROM customers c WHERE c.id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}
