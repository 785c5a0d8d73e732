// The SQL of flags: the rules table, the rule flags on customer_flags, and the facts the rules count
// (cases, gestures, orders, SLA breaches, contacts) read from the tables of the capabilities that keep them.
import type { Db } from '../store/db.ts';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

export interface FlagRuleRow {
  flag: string;
  enabled: number;
  params: string;
}

export async function listFlagRuleRows(db: Db): Promise<FlagRuleRow[]> {
  return db.all<FlagRuleRow>('SELECT flag, enabled, params FROM flag_rules ORDER BY flag');
}

export async function updateFlagRuleRow(
  db: Db,
  flag: string,
  rule: { enabled: boolean; params: unknown; updatedBy: string | null; updatedAt: number },
): Promise<void> {
  await db.run('UPDATE flag_rules SET enabled = ?, params = ?, updated_by = ?, updated_at = ? WHERE flag = ?', [
    rule.enabled ? 1 : 0,
    JSON.stringify(rule.params),
    rule.updatedBy,
    rule.updatedAt,
    flag,
  ]);
}

/** Of these customers (one IN list: the caller chunks), those who hold one of these flags by rule. */
export async function ruleFlagHoldersIn(db: Db, flags: readonly string[], customerIds: readonly string[]) {
  const rows = await db.all<{ customer_id: string }>(
    `SELECT DISTINCT customer_id FROM customer_flags
       WHERE source = 'rule' AND flag IN (${placeholders(flags)}) AND customer_id IN (${placeholders(customerIds)})`,
    [...flags, ...customerIds],
  );
  return rows.map((row) => row.customer_id);
}

/** Every customer who holds one of these flags by rule. */
export async function ruleFlagHolders(db: Db, flags: readonly string[]): Promise<string[]> {
  const rows = await db.all<{ customer_id: string }>(
    `SELECT DISTINCT customer_id FROM customer_flags WHERE source = 'rule' AND flag IN (${placeholders(flags)})`,
    [...flags],
  );
  return rows.map((row) => row.customer_id);
}

/** How many of these flags are held by rule, across every customer. */
export async function countRuleFlags(db: Db, flags: readonly string[]): Promise<number> {
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM customer_flags WHERE source = 'rule' AND flag IN (${placeholders(flags)})`,
    [...flags],
  );
  return row!.n;
}

/** Cases of these profiles opened since a moment: how many, their reopens, and how many repeat an earlier one. */
export async function caseCountsSince(db: Db, profiles: readonly string[], since: number) {
  const row = await db.get<{ cases: number; reopens: number | null; repeats: number }>(
    `SELECT COUNT(*) AS cases, SUM(reopen_count) AS reopens, COUNT(repeat_of) AS repeats
       FROM cases WHERE customer_id IN (${placeholders(profiles)}) AND opened_at >= ?`,
    [...profiles, since],
  );
  return { cases: row?.cases ?? 0, reopens: row?.reopens ?? 0, repeats: row?.repeats ?? 0 };
}

/** Gestures issued to these profiles since a moment. */
export async function issuedGesturesSince(db: Db, profiles: readonly string[], since: number): Promise<number> {
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM gestures WHERE customer_id IN (${placeholders(profiles)}) AND status = 'issued' AND created_at >= ?`,
    [...profiles, since],
  );
  return row?.n ?? 0;
}

/** The customer an interaction `i` belongs to: whoever owns its profile now (profile_owners, kept by merges). */
const OWNERS_OF_I = 'LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id';
const OWNER_OF_I = 'COALESCE(owner.customer_id, i.profile_id)';

/** Numbers read from order events: the first of these properties that holds a number is the order's value. */
const ORDER_VALUE = `COALESCE(json_extract(properties, '$.revenue'), json_extract(properties, '$.total'),
                              json_extract(properties, '$.value'),
                              json_extract(properties, '$.price') * COALESCE(json_extract(properties, '$.quantity'), 1))`;

/** The sum of these profiles' orders in one currency (an order naming no currency counts as this one). */
export async function orderValueOf(
  db: Db,
  profiles: readonly string[],
  orderEvent: string,
  currency: string,
): Promise<number> {
  const row = await db.get<{ total: number | null }>(
    `SELECT SUM(${ORDER_VALUE}) AS total FROM interactions
       WHERE profile_id IN (${placeholders(profiles)}) AND event = ?
         AND COALESCE(json_extract(properties, '$.currency'), ?) = ?`,
    [...profiles, orderEvent, currency, currency],
  );
  return row?.total ?? 0;
}

/** SLA clocks of these profiles' cases that ran out since a moment (by when they ran out, not when noticed). */
export async function slaBreachesSince(db: Db, profiles: readonly string[], since: number): Promise<number> {
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM sla_breaches b JOIN cases c ON c.id = b.case_id WHERE c.customer_id IN (${placeholders(profiles)}) AND b.due_at >= ?`,
    [...profiles, since],
  );
  return row?.n ?? 0;
}

export async function removeRuleFlag(db: Db, customerId: string, flag: string): Promise<void> {
  await db.run(`DELETE FROM customer_flags WHERE customer_id = ? AND flag = ? AND source = 'rule'`, [customerId, flag]);
}

/** Sets a rule flag, or updates its reason; a flag a person set by hand is left alone. */
export async function setRuleFlag(db: Db, customerId: string, flag: string, reason: string, at: number): Promise<void> {
  await db.run(
    `INSERT INTO customer_flags (customer_id, flag, source, reason, set_by, set_at) VALUES (?, ?, 'rule', ?, NULL, ?)
       ON CONFLICT (customer_id, flag) DO UPDATE SET reason = excluded.reason
       WHERE customer_flags.source = 'rule' AND customer_flags.reason IS NOT excluded.reason`,
    [customerId, flag, reason, at],
  );
}

/** Customers with a contact in (from, until]: through the index on interaction time, each by whoever owns its profile. */
export async function customersContactedBetween(db: Db, from: number, until: number): Promise<string[]> {
  const rows = await db.all<{ customer_id: string }>(
    `SELECT DISTINCT ${OWNER_OF_I} AS customer_id FROM interactions i ${OWNERS_OF_I}
     WHERE i.occurred_at > ? AND i.occurred_at <= ?`,
    [from, until],
  );
  return rows.map((row) => row.customer_id);
}

/** Who a rule could flag: those who hold it now, and those with the facts it counts. */
export async function ruleCandidates(db: Db, flag: string, orderEvent: string): Promise<string[]> {
  const holders = `SELECT customer_id FROM customer_flags WHERE flag = ? AND source = 'rule'`;
  const withFacts =
    flag === 'vip'
      ? `SELECT DISTINCT ${OWNER_OF_I} AS customer_id FROM interactions i ${OWNERS_OF_I} WHERE i.event = '${orderEvent}'`
      : flag === 'at_risk'
        ? // Anyone with a contact may have gone quiet; the customers table is smaller than the interactions.
          `SELECT id AS customer_id FROM customers WHERE merged_into IS NULL AND erased_at IS NULL`
        : `SELECT DISTINCT customer_id FROM cases UNION SELECT DISTINCT customer_id FROM gestures WHERE customer_id IS NOT NULL`;
  const rows = await db.all<{ customer_id: string }>(`${holders} UNION ${withFacts}`, [flag]);
  return rows.map((row) => row.customer_id);
}

/** Customers holding a flag (a board's members by flag, a survey's segment), by id after `after`. */
export async function holdersOf(db: Db, flag: string, limit: number, after = ''): Promise<string[]> {
  const rows = await db.all<{ customer_id: string }>(
    'SELECT customer_id FROM customer_flags WHERE flag = ? AND customer_id > ? ORDER BY customer_id LIMIT ?',
    [flag, after, limit],
  );
  return rows.map((row) => row.customer_id);
}
