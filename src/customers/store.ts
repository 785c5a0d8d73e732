// SQL for customers, their identities and search terms. Column names map to camelCase only here.
import type { Db } from '../store/db.ts';
import type { Identity } from './identity.ts';
import type { Lifecycle } from './profile.ts';
import { now } from '../shared/clock.ts';

export interface CustomerRow {
  id: string;
  name: string | null;
  traits: string;
  created_at: number;
  first_seen_at: number;
  last_seen_at: number;
  acquisition_source: string | null;
  lifecycle: Lifecycle;
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

/**
 * The profiles of the customer `customer` names, in SQL: her own record and every profile merged into her
 * (profile_owners, kept by merges; her events stay under the profile they were stored for).
 */
const profilesSql = (customer: string) =>
  `SELECT own.id FROM customers own WHERE own.id = ${customer}
   UNION ALL SELECT merged.profile_id FROM profile_owners merged WHERE merged.customer_id = ${customer}`;

/**
 * An aggregate of the interactions of the customer `c` names (or `otherwise`, for a record merged away: what
 * was hers is the survivor's). One with no profile merged into her (nearly all) reads her own profile's part of
 * the timeline index, as MIN and MAX read its ends; a merged one, each of her profiles'.
 */
const ofHerInteractions = (aggregate: string, otherwise: string) =>
  `CASE WHEN c.merged_into IS NOT NULL THEN ${otherwise}
     WHEN EXISTS (SELECT 1 FROM profile_owners merged WHERE merged.customer_id = c.id)
     THEN (SELECT ${aggregate} FROM interactions WHERE profile_id IN (${profilesSql('c.id')}))
     ELSE (SELECT ${aggregate} FROM interactions WHERE profile_id = c.id) END`;

/**
 * Activity (first and last seen, how many interactions) is read from the timeline index instead of
 * being kept on the customer row: updating the row for every ingest batch dirtied two random pages
 * per customer (see migration 0002). The row's own first/last seen only answer for a profile that
 * has no interactions (yet), or was merged away.
 */
const RECORD_COLUMNS =
  'c.id, c.name, c.traits, c.created_at, c.acquisition_source, c.lifecycle, c.merged_into, c.erased_at';
const CUSTOMER_COLUMNS = `${RECORD_COLUMNS},
  COALESCE(${ofHerInteractions('MIN(occurred_at)', 'NULL')}, c.first_seen_at) AS first_seen_at,
  COALESCE(${ofHerInteractions('MAX(occurred_at)', 'NULL')}, c.last_seen_at) AS last_seen_at,
  ${ofHerInteractions('COUNT(*)', '0')} AS interaction_count`;

export async function findCustomerRow(db: Db, id: string): Promise<CustomerRow | undefined> {
  return db.get<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.id = ?`, [id]);
}

/** The customer row without its activity, for merges: they change who owns what, so they never need it. */
export type CustomerRecord = Omit<CustomerRow, 'first_seen_at' | 'last_seen_at' | 'interaction_count'>;

export async function findCustomerRecord(db: Db, id: string): Promise<CustomerRecord | undefined> {
  return db.get<CustomerRecord>(`SELECT ${RECORD_COLUMNS} FROM customers c WHERE c.id = ?`, [id]);
}

/** Only what an identify changes: the ingest path reads this, so it skips the activity columns. */
export async function findCustomerProfile(
  db: Db,
  id: string,
): Promise<Pick<CustomerRow, 'name' | 'traits'> | undefined> {
  return db.get('SELECT name, traits FROM customers WHERE id = ?', [id]);
}

export async function insertCustomer(
  db: Db,
  customer: { id: string; name: string | null; traits: string; seenAt: number; acquisitionSource: string | null },
): Promise<void> {
  await db.run(
    `INSERT INTO customers (id, name, traits, created_at, first_seen_at, last_seen_at, acquisition_source)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [customer.id, customer.name, customer.traits, now(), customer.seenAt, customer.seenAt, customer.acquisitionSource],
  );
}

export async function updateCustomerProfile(db: Db, id: string, name: string | null, traits: string): Promise<void> {
  await db.run('UPDATE customers SET name = ?, traits = ? WHERE id = ?', [name, traits, id]);
}

export async function setMergedInto(db: Db, id: string, survivorId: string | null): Promise<void> {
  await db.run('UPDATE customers SET merged_into = ? WHERE id = ?', [survivorId, id]);
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

export async function moveIdentitiesOfProfile(
  db: Db,
  fromCustomerId: string,
  profileId: string,
  toCustomerId: string,
): Promise<void> {
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
  /** The first social handle, `@value`: for customers we know only from a network. */
  handle: string | null;
  /** The first id in another system, `shopify 123`: for customers a system sends us (the tracking API's userId). */
  external_id: string | null;
}

/**
 * The first email, phone, social handle (`@value`) and id in another system (`shopify 123`) of the profile `owner`
 * names: how lists tell customers apart.
 */
const contactColumns = (owner: string) => `
  (SELECT value FROM identities WHERE customer_id = ${owner} AND kind = 'email' ORDER BY created_at LIMIT 1) AS email,
  (SELECT value FROM identities WHERE customer_id = ${owner} AND kind = 'phone' ORDER BY created_at LIMIT 1) AS phone,
  (SELECT '@' || value FROM identities WHERE customer_id = ${owner} AND kind LIKE 'handle:%' ORDER BY created_at LIMIT 1) AS handle,
  (SELECT substr(kind, 10) || ' ' || value FROM identities WHERE customer_id = ${owner} AND kind LIKE 'external:%'
    ORDER BY created_at LIMIT 1) AS external_id`;

const LIST_COLUMNS = `${CUSTOMER_COLUMNS},${contactColumns('c.id')}`;

export interface ContactRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  handle: string | null;
  external_id: string | null;
}

/** Name and first contacts of each profile; a profile merged away answers with the one that absorbed it. */
export async function listContactRows(db: Db, ids: readonly string[]): Promise<ContactRow[]> {
  return db.all<ContactRow>(
    `SELECT c.id, COALESCE(c.name, (SELECT name FROM customers s WHERE s.id = c.merged_into)) AS name,${contactColumns('COALESCE(c.merged_into, c.id)')}
     FROM customers c WHERE c.id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
}

export interface RecentCustomerRow extends CustomerListRow {
  /** The customer's latest interaction: with last_seen_at, the position a next page starts after. */
  latest_interaction_id: number;
}

/**
 * Most recently seen customers first, walking the interaction stream newest first and keeping each
 * customer's latest interaction only (an event belongs to whoever owns its profile now). The cursor is the
 * (occurred_at, id) of the previous page's last one.
 */
export async function listRecentCustomers(
  db: Db,
  limit: number,
  after?: { lastSeenAt: number; interactionId: number },
): Promise<RecentCustomerRow[]> {
  const ownerOfI = 'COALESCE(owner.customer_id, i.profile_id)';
  return db.all<RecentCustomerRow>(
    `SELECT ${LIST_COLUMNS}, latest.id AS latest_interaction_id
     FROM (
       SELECT i.id, i.occurred_at, ${ownerOfI} AS customer_id FROM interactions i
       LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
       WHERE (i.occurred_at, i.id) < (?, ?)
         AND NOT EXISTS (SELECT 1 FROM interactions later
                         WHERE later.profile_id IN (${profilesSql(ownerOfI)})
                           AND (later.occurred_at, later.id) > (i.occurred_at, i.id))
         AND NOT EXISTS (SELECT 1 FROM customers gone
                         WHERE gone.id = ${ownerOfI} AND (gone.merged_into IS NOT NULL OR gone.erased_at IS NOT NULL))
       ORDER BY i.occurred_at DESC, i.id DESC
       LIMIT ?
     ) latest
     JOIN customers c ON c.id = latest.customer_id
     ORDER BY latest.occurred_at DESC, latest.id DESC`,
    [after?.lastSeenAt ?? Number.MAX_SAFE_INTEGER, after?.interactionId ?? Number.MAX_SAFE_INTEGER, limit],
  );
}

/** Customers whose name has a word starting with every given term, or who own one of the identities. */
/**
 * Ids of the customers a search matches, latest contact first (ties by id, so the order is stable for
 * paging), merged-away and erased profiles left out. Only the order is worked out here: the page's
 * rows come from listCustomerListRows, so a wide match costs one index probe per candidate.
 */
export async function searchCustomerIds(
  db: Db,
  terms: readonly string[],
  identities: readonly Identity[],
  identityPrefix: string | null,
  limit: number,
): Promise<string[]> {
  // `limit` bounds each source and the whole list: the caller pages within it.
  const ids = new Set<string>();
  for (const identity of identities) {
    const row = await findIdentity(db, identity);
    if (row) ids.add(row.customer_id);
  }
  if (identityPrefix) {
    const rows = await db.all<{ customer_id: string }>(
      `SELECT customer_id FROM identities WHERE kind IN ('email', 'phone') AND value >= ? AND value < ? LIMIT ?`,
      [identityPrefix, `${identityPrefix}\uffff`, limit],
    );
    for (const row of rows) ids.add(row.customer_id);
  }
  if (terms.length > 0) {
    // Each term is a prefix of some word of the name; the first term drives the index range scan.
    const conditions = terms
      .slice(1)
      .map(
        () =>
          'AND EXISTS (SELECT 1 FROM customer_search_terms t2 WHERE t2.customer_id = t.customer_id AND t2.term >= ? AND t2.term < ?)',
      )
      .join(' ');
    const params = [
      terms[0]!,
      `${terms[0]!}\uffff`,
      ...terms.slice(1).flatMap((term) => [term, `${term}\uffff`]),
      limit,
    ];
    const rows = await db.all<{ customer_id: string }>(
      `SELECT DISTINCT t.customer_id FROM customer_search_terms t WHERE t.term >= ? AND t.term < ? ${conditions} LIMIT ?`,
      params,
    );
    for (const row of rows) ids.add(row.customer_id);
  }
  const list = [...ids].slice(0, limit);
  const seen: Array<{ id: string; last_seen_at: number }> = [];
  // In chunks: SQLite caps the number of parameters of one statement.
  for (let start = 0; start < list.length; start += 500) {
    const chunk = list.slice(start, start + 500);
    seen.push(
      ...(await db.all<{ id: string; last_seen_at: number }>(
        `SELECT c.id, COALESCE(${ofHerInteractions('MAX(occurred_at)', 'NULL')}, c.last_seen_at) AS last_seen_at
         FROM customers c WHERE c.id IN (${chunk.map(() => '?').join(', ')}) AND c.merged_into IS NULL AND c.erased_at IS NULL`,
        chunk,
      )),
    );
  }
  return seen
    .sort((a, b) => b.last_seen_at - a.last_seen_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((row) => row.id);
}

/** List rows of these customers, in the order given. */
export async function listCustomerListRows(db: Db, ids: readonly string[]): Promise<CustomerListRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<CustomerListRow>(
    `SELECT ${LIST_COLUMNS} FROM customers c WHERE c.id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Removes every identity of a customer (erasure on request). */
export async function deleteIdentitiesOf(db: Db, customerId: string): Promise<void> {
  await db.run('DELETE FROM identities WHERE customer_id = ?', [customerId]);
}

/**
 * Erases what these profiles hold of a person: preferences, behaviour, flags and search terms go, and each
 * customers row keeps only its id and dates, as the tombstone that answers 410 for an erased id.
 */
export async function eraseProfiles(db: Db, profiles: readonly string[], erasedAt: number): Promise<void> {
  if (profiles.length === 0) return;
  const placeholders = profiles.map(() => '?').join(', ');
  for (const table of ['preferences', 'behaviour_tallies', 'customer_flags', 'customer_search_terms']) {
    await db.run(`DELETE FROM ${table} WHERE customer_id IN (${placeholders})`, profiles);
  }
  await db.run(
    `UPDATE customers SET name = NULL, traits = '{}', acquisition_source = NULL, interaction_count = 0, erased_at = ?
     WHERE id IN (${placeholders})`,
    [erasedAt, ...profiles],
  );
}

/** The identities' cache epoch: bumped by every change of who owns an identity, so each process's cache knows when to drop. */
export async function readIdentityEpoch(db: Db): Promise<number> {
  const row = await db.get<{ value: number }>(`SELECT value FROM cache_epochs WHERE name = 'identities'`);
  return row?.value ?? 0;
}

/** Moves the identities' cache epoch on by one and answers the new value. */
export async function bumpIdentityEpoch(db: Db): Promise<number> {
  const row = await db.get<{ value: number }>(
    `UPDATE cache_epochs SET value = value + 1 WHERE name = 'identities' RETURNING value`,
  );
  return row?.value ?? 0;
}

/** Customers with an email address, by id after `after` (a survey round walks them a page at a time). */
export async function customersWithEmailAfter(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db.all<{ customer_id: string }>(
    `SELECT DISTINCT customer_id FROM identities INDEXED BY identities_customer
     WHERE customer_id > ? AND kind = 'email' ORDER BY customer_id LIMIT ?`,
    [after, limit],
  );
  return rows.map((row) => row.customer_id);
}
