// SQL for customers, their identities and search terms. Column names map to camelCase only here.
import type { Db } from '../store/db.ts';
import type { Identity } from './identity.ts';

export interface CustomerRow {
  id: string;
  name: string | null;
  traits: string;
  created_at: number;
  first_seen_at: number;
  last_seen_at: number;
  acquisition_source: string | null;
  lifecycle: string;
  interaction_count: number;
  merged_into: string | null;
  erased_at: number | null;
}

export interface IdentityRow {
  kind: string;
  value: string;
  customer_id: string;
  profile_id: string;
  source: string | null;
  created_at: number;
}

export async function findCustomerRow(db: Db, id: string): Promise<CustomerRow | undefined> {
  return db.get<CustomerRow>('SELECT * FROM customers WHERE id = ?', [id]);
}

export async function insertCustomer(
  db: Db,
  customer: { id: string; name: string | null; traits: string; seenAt: number; acquisitionSource: string | null },
): Promise<void> {
  await db.run(
    `INSERT INTO customers (id, name, traits, created_at, first_seen_at, last_seen_at, acquisition_source)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [customer.id, customer.name, customer.traits, Date.now(), customer.seenAt, customer.seenAt, customer.acquisitionSource],
  );
}

export async function updateCustomerProfile(db: Db, id: string, name: string | null, traits: string): Promise<void> {
  await db.run('UPDATE customers SET name = ?, traits = ? WHERE id = ?', [name, traits, id]);
}

/** Folds a batch's activity into the customer row once, instead of once per event. */
export async function recordActivity(db: Db, id: string, firstAt: number, lastAt: number, count: number): Promise<void> {
  await db.run(
    `UPDATE customers
     SET first_seen_at = MIN(first_seen_at, ?), last_seen_at = MAX(last_seen_at, ?),
         interaction_count = interaction_count + ?
     WHERE id = ?`,
    [firstAt, lastAt, count, id],
  );
}

export async function setMergedInto(db: Db, id: string, survivorId: string | null): Promise<void> {
  await db.run('UPDATE customers SET merged_into = ? WHERE id = ?', [survivorId, id]);
}

/** Recounts activity from the interaction stream (after a merge is undone). */
export async function recountActivity(db: Db, id: string): Promise<void> {
  await db.run(
    `UPDATE customers SET
       interaction_count = (SELECT COUNT(*) FROM interactions WHERE customer_id = ?),
       first_seen_at = COALESCE((SELECT MIN(occurred_at) FROM interactions WHERE customer_id = ?), first_seen_at),
       last_seen_at = COALESCE((SELECT MAX(occurred_at) FROM interactions WHERE customer_id = ?), last_seen_at)
     WHERE id = ?`,
    [id, id, id, id],
  );
}

export async function findIdentity(db: Db, identity: Identity): Promise<IdentityRow | undefined> {
  return db.get<IdentityRow>('SELECT * FROM identities WHERE kind = ? AND value = ?', [identity.kind, identity.value]);
}

export async function insertIdentity(
  db: Db,
  identity: Identity,
  customerId: string,
  profileId: string,
  source: string | null,
  at: number,
): Promise<void> {
  await db.run(
    `INSERT INTO identities (kind, value, customer_id, profile_id, source, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [identity.kind, identity.value, customerId, profileId, source, at],
  );
}

export async function listIdentities(db: Db, customerId: string): Promise<IdentityRow[]> {
  return db.all<IdentityRow>('SELECT * FROM identities WHERE customer_id = ? ORDER BY created_at, kind', [customerId]);
}

export async function moveIdentities(db: Db, fromCustomerId: string, toCustomerId: string): Promise<void> {
  await db.run('UPDATE identities SET customer_id = ? WHERE customer_id = ?', [toCustomerId, fromCustomerId]);
}

export async function moveIdentitiesOfProfile(db: Db, fromCustomerId: string, profileId: string, toCustomerId: string): Promise<void> {
  await db.run('UPDATE identities SET customer_id = ? WHERE customer_id = ? AND profile_id = ?', [
    toCustomerId,
    fromCustomerId,
    profileId,
  ]);
}

export async function replaceSearchTerms(db: Db, customerId: string, terms: readonly string[]): Promise<void> {
  await db.run('DELETE FROM customer_search_terms WHERE customer_id = ?', [customerId]);
  for (const term of terms) {
    await db.run('INSERT OR IGNORE INTO customer_search_terms (term, customer_id) VALUES (?, ?)', [term, customerId]);
  }
}

export interface CustomerListRow extends CustomerRow {
  email: string | null;
  phone: string | null;
}

const LIST_COLUMNS = `c.*,
  (SELECT value FROM identities WHERE customer_id = c.id AND kind = 'email' ORDER BY created_at LIMIT 1) AS email,
  (SELECT value FROM identities WHERE customer_id = c.id AND kind = 'phone' ORDER BY created_at LIMIT 1) AS phone`;

export async function findCustomerListRow(db: Db, id: string): Promise<CustomerListRow | undefined> {
  return db.get<CustomerListRow>(`SELECT ${LIST_COLUMNS} FROM customers c WHERE c.id = ?`, [id]);
}

/** Most recently seen customers first; the cursor is the (last_seen_at, id) of the previous page's last row. */
export async function listRecentCustomers(db: Db, limit: number, after?: { lastSeenAt: number; id: string }): Promise<CustomerListRow[]> {
  if (!after) {
    return db.all<CustomerListRow>(
      `SELECT ${LIST_COLUMNS} FROM customers c WHERE c.merged_into IS NULL AND c.erased_at IS NULL
       ORDER BY c.last_seen_at DESC, c.id DESC LIMIT ?`,
      [limit],
    );
  }
  return db.all<CustomerListRow>(
    `SELECT ${LIST_COLUMNS} FROM customers c
     WHERE c.merged_into IS NULL AND c.erased_at IS NULL AND (c.last_seen_at < ? OR (c.last_seen_at = ? AND c.id < ?))
     ORDER BY c.last_seen_at DESC, c.id DESC LIMIT ?`,
    [after.lastSeenAt, after.lastSeenAt, after.id, limit],
  );
}

/** Customers whose name has a word starting with every given term, or who own one of the identities. */
export async function searchCustomers(
  db: Db,
  terms: readonly string[],
  identities: readonly Identity[],
  identityPrefix: string | null,
  limit: number,
): Promise<CustomerListRow[]> {
  const ids = new Set<string>();
  for (const identity of identities) {
    const row = await findIdentity(db, identity);
    if (row) ids.add(row.customer_id);
  }
  if (identityPrefix) {
    const rows = await db.all<{ customer_id: string }>(
      `SELECT customer_id FROM identities WHERE kind IN ('email', 'phone') AND value >= ? AND value < ? LIMIT ?`,
      [identityPrefix, identityPrefix + '\uffff', limit],
    );
    for (const row of rows) ids.add(row.customer_id);
  }
  if (terms.length > 0) {
    // Each term is a prefix of some word of the name; the first term drives the index range scan.
    const conditions = terms
      .slice(1)
      .map(() => 'AND EXISTS (SELECT 1 FROM customer_search_terms t2 WHERE t2.customer_id = t.customer_id AND t2.term >= ? AND t2.term < ?)')
      .join(' ');
    const params = [terms[0]!, terms[0]! + '\uffff', ...terms.slice(1).flatMap((term) => [term, term + '\uffff']), limit];
    const rows = await db.all<{ customer_id: string }>(
      `SELECT DISTINCT t.customer_id FROM customer_search_terms t WHERE t.term >= ? AND t.term < ? ${conditions} LIMIT ?`,
      params,
    );
    for (const row of rows) ids.add(row.customer_id);
  }
  if (ids.size === 0) return [];
  const list = [...ids].slice(0, 200);
  const rows = await db.all<CustomerListRow>(
    `SELECT ${LIST_COLUMNS} FROM customers c WHERE c.id IN (${list.map(() => '?').join(', ')})`,
    list,
  );
  // Merged-away profiles answer through the profile that absorbed them.
  return rows.filter((row) => row.merged_into === null && row.erased_at === null).sort((a, b) => b.last_seen_at - a.last_seen_at).slice(0, limit);
}
