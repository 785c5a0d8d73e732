// Applies the flag rules to one customer: gathers the facts, then adds, updates or removes the
// customer's rule flags. Flags a person set by hand are never touched by a rule.
import type { Db } from '../store/db.ts';
import { profilesOf } from '../customers/merge.ts';
import { canonicalCustomer } from '../customers/resolution.ts';
import { FLAG_NAMES, FLAG_RULE_PARAMS, derivedFlags, type FlagName, type FlagRule } from './rules.ts';
import { RapportError } from '../http/errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A settings row per rule changed since its customers were last re-decided: survives a restart. */
const REEVALUATE_KEY = 'flags.reevaluate.';
const REEVALUATE_CHUNK = 500;

export async function listFlagRules(db: Db): Promise<FlagRule[]> {
  const rows = await db.all<{ flag: string; enabled: number; params: string }>('SELECT flag, enabled, params FROM flag_rules ORDER BY flag');
  return rows
    .filter((row) => (FLAG_NAMES as string[]).includes(row.flag))
    .map((row) => ({ flag: row.flag, enabled: row.enabled === 1, params: JSON.parse(row.params) }) as FlagRule);
}

export async function updateFlagRule(db: Db, flag: string, change: { enabled?: boolean; params?: unknown }, staffId: string | null): Promise<FlagRule> {
  if (!(FLAG_NAMES as string[]).includes(flag)) throw new RapportError('not_found', `No flag rule ${flag}`, 404);
  const current = (await listFlagRules(db)).find((rule) => rule.flag === flag)!;
  let params: unknown = current.params;
  if (change.params !== undefined) {
    const parsed = FLAG_RULE_PARAMS[flag as FlagName].safeParse({ ...current.params, ...(change.params as object) });
    if (!parsed.success) {
      throw new RapportError(
        'invalid_input',
        'The rule parameters are not valid',
        400,
        parsed.error.issues.map((issue) => ({ field: `params.${issue.path.join('.')}`, reason: issue.message })),
      );
    }
    params = parsed.data;
  }
  // Every customer the rule may now flag or unflag is re-decided in the background (see below).
  await db.run(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [`${REEVALUATE_KEY}${flag}`, JSON.stringify(Date.now())],
  );
  await db.run('UPDATE flag_rules SET enabled = ?, params = ?, updated_by = ?, updated_at = ? WHERE flag = ?', [
    (change.enabled ?? current.enabled) ? 1 : 0,
    JSON.stringify(params),
    staffId,
    Date.now(),
    flag,
  ]);
  return (await listFlagRules(db)).find((rule) => rule.flag === flag)!;
}

/** The event whose value counts towards lifetime value (Segment's e-commerce spec name). */
const ORDER_EVENT = 'Order Completed';

/** Whether storing this event can change a value-based flag, so ingest knows whom to refresh. */
export const VALUE_FLAGS: readonly FlagName[] = ['vip'];

export function changesLifetimeValue(eventName: string | null): boolean {
  return eventName === ORDER_EVENT;
}

/** Numbers read from order events: the first of these properties that holds a number is the order's value. */
const ORDER_VALUE = `COALESCE(json_extract(properties, '$.revenue'), json_extract(properties, '$.total'),
                              json_extract(properties, '$.value'),
                              json_extract(properties, '$.price') * COALESCE(json_extract(properties, '$.quantity'), 1))`;

/** `only` narrows the work to the flags an event can change (an order changes only the value flags). */
export async function refreshRuleFlags(db: Db, customerId: string, now: number, only: readonly FlagName[] = FLAG_NAMES): Promise<void> {
  await refreshRuleFlagsOf(db, [customerId], now, only);
}

/** The same for many customers, reading the rules once: ingest batches, sweeps and re-evaluations. */
export async function refreshRuleFlagsOf(db: Db, customerIds: Iterable<string>, now: number, only: readonly FlagName[] = FLAG_NAMES): Promise<void> {
  const rules = (await listFlagRules(db)).filter((rule) => only.includes(rule.flag));
  for (const customerId of customerIds) await applyRules(db, customerId, now, rules, only);
}

async function applyRules(db: Db, customerId: string, now: number, rules: readonly FlagRule[], only: readonly FlagName[]): Promise<void> {
  const customer = await canonicalCustomer(db, customerId);
  if (!customer || customer.erased_at !== null) return;
  const profiles = await profilesOf(db, customer.id);
  const inList = profiles.map(() => '?').join(', ');
  const since = (days: number) => now - days * DAY_MS;
  const windows = new Set(rules.flatMap((rule) => ('days' in rule.params ? [rule.params.days] : [])));
  const counts = new Map<number, { cases: number; reopens: number; repeats: number; gestures: number }>();
  for (const days of windows) {
    const row = await db.get<{ cases: number; reopens: number | null; repeats: number }>(
      `SELECT COUNT(*) AS cases, SUM(reopen_count) AS reopens, COUNT(repeat_of) AS repeats
       FROM cases WHERE customer_id IN (${inList}) AND opened_at >= ?`,
      [...profiles, since(days)],
    );
    const gestures = await db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM gestures WHERE customer_id IN (${inList}) AND status = 'issued' AND created_at >= ?`,
      [...profiles, since(days)],
    );
    counts.set(days, { cases: row?.cases ?? 0, reopens: row?.reopens ?? 0, repeats: row?.repeats ?? 0, gestures: gestures?.n ?? 0 });
  }
  const values = new Map<string, number>();
  for (const rule of rules) {
    if (rule.flag !== 'vip' || !rule.enabled) continue;
    const row = await db.get<{ total: number | null }>(
      `SELECT SUM(${ORDER_VALUE}) AS total FROM interactions
       WHERE customer_id IN (${inList}) AND event = ?
         AND COALESCE(json_extract(properties, '$.currency'), ?) = ?`,
      [...profiles, ORDER_EVENT, rule.params.currency, rule.params.currency],
    );
    values.set(rule.params.currency, row?.total ?? 0);
  }
  const flags = derivedFlags(rules, {
    casesWithin: (days) => counts.get(days)?.cases ?? 0,
    gesturesWithin: (days) => counts.get(days)?.gestures ?? 0,
    reopensWithin: (days) => counts.get(days)?.reopens ?? 0,
    repeatContactsWithin: (days) => counts.get(days)?.repeats ?? 0,
    lifetimeValue: (currency) => values.get(currency) ?? 0,
  });
  for (const flag of only) {
    const reason = flags.get(flag);
    if (reason === undefined) {
      await db.run(`DELETE FROM customer_flags WHERE customer_id = ? AND flag = ? AND source = 'rule'`, [customer.id, flag]);
      continue;
    }
    await db.run(
      `INSERT INTO customer_flags (customer_id, flag, source, reason, set_by, set_at) VALUES (?, ?, 'rule', ?, NULL, ?)
       ON CONFLICT (customer_id, flag) DO UPDATE SET reason = excluded.reason
       WHERE customer_flags.source = 'rule' AND customer_flags.reason IS NOT excluded.reason`,
      [customer.id, flag, reason, now],
    );
  }
}

/** The rule flags earned within a window of days: they lapse when the window passes with nothing new. */
const WINDOWED_FLAGS: readonly FlagName[] = ['past_issues', 'needs_extra_support'];

/** Re-decides the windowed flags of every customer who holds one; returns how many lapsed. */
export async function sweepLapsedFlags(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const inList = WINDOWED_FLAGS.map(() => '?').join(', ');
    const flagged = `SELECT COUNT(*) AS n FROM customer_flags WHERE source = 'rule' AND flag IN (${inList})`;
    const before = (await tx.get<{ n: number }>(flagged, [...WINDOWED_FLAGS]))!.n;
    const holders = await tx.all<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM customer_flags WHERE source = 'rule' AND flag IN (${inList})`,
      [...WINDOWED_FLAGS],
    );
    await refreshRuleFlagsOf(tx, holders.map((row) => row.customer_id), now, WINDOWED_FLAGS);
    return before - (await tx.get<{ n: number }>(flagged, [...WINDOWED_FLAGS]))!.n;
  });
}

/** Who a rule could flag: those who hold it now, and those with the facts it counts. */
async function candidatesFor(db: Db, flag: FlagName): Promise<string[]> {
  const holders = `SELECT customer_id FROM customer_flags WHERE flag = ? AND source = 'rule'`;
  const withFacts =
    flag === 'vip'
      ? `SELECT DISTINCT customer_id FROM interactions WHERE event = '${ORDER_EVENT}'`
      : `SELECT DISTINCT customer_id FROM cases UNION SELECT DISTINCT customer_id FROM gestures WHERE customer_id IS NOT NULL`;
  const rows = await db.all<{ customer_id: string }>(`${holders} UNION ${withFacts}`, [flag]);
  return rows.map((row) => row.customer_id);
}

/**
 * Re-decides, for every customer it may concern, each rule a manager changed: lowering the VIP
 * threshold flags yesterday's big spenders without waiting for their next order. Runs in chunks so
 * ingest and the inbox are never held up for long; returns how many customers it looked at.
 */
export async function reevaluateChangedFlagRules(db: Db, now = Date.now()): Promise<number> {
  const pending = await db.all<{ key: string; value: string }>(`SELECT key, value FROM settings WHERE key LIKE '${REEVALUATE_KEY}%'`);
  let looked = 0;
  for (const { key, value } of pending) {
    const flag = key.slice(REEVALUATE_KEY.length) as FlagName;
    if (!FLAG_NAMES.includes(flag)) continue;
    const customers = await candidatesFor(db, flag);
    for (let start = 0; start < customers.length; start += REEVALUATE_CHUNK) {
      await db.transaction(async (tx) => {
        await refreshRuleFlagsOf(tx, customers.slice(start, start + REEVALUATE_CHUNK), now, [flag]);
      });
    }
    looked += customers.length;
    // Changed again meanwhile: the newer marker stays for the next run.
    await db.run('DELETE FROM settings WHERE key = ? AND value = ?', [key, value]);
  }
  return looked;
}
