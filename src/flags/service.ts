// Applies the flag rules to one customer: gathers the facts, then adds, updates or removes the
// customer's rule flags. Flags a person set by hand are never touched by a rule.
import type { Db } from '../store/db.ts';
import { profilesOf } from '../customers/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { FLAG_NAMES, FLAG_RULE_PARAMS, derivedFlags, type FlagName, type FlagRule } from './rules.ts';
import { commonErrors } from '../shared/errors.ts';
import { flagErrors } from './errors.ts';
import { DAY_MS } from '../shared/time.ts';
import { deleteSetting, readSetting, readSettings, writeSetting } from '../store/settings.ts';

/** A settings row per rule changed since its customers were last re-decided: survives a restart. */
const REEVALUATE_KEY = 'flags.reevaluate.';
// Customers per transaction (and per IN list) when many are re-decided at once.
const CHUNK = 500;

export async function listFlagRules(db: Db): Promise<FlagRule[]> {
  const rows = await db.all<{ flag: string; enabled: number; params: string }>(
    'SELECT flag, enabled, params FROM flag_rules ORDER BY flag',
  );
  return rows
    .filter((row) => (FLAG_NAMES as string[]).includes(row.flag))
    .map((row) => ({ flag: row.flag, enabled: row.enabled === 1, params: JSON.parse(row.params) }) as FlagRule);
}

export async function updateFlagRule(
  db: Db,
  flag: string,
  change: { enabled?: boolean; params?: unknown },
  staffId: string | null,
): Promise<FlagRule> {
  if (!(FLAG_NAMES as string[]).includes(flag)) throw flagErrors.error('flag_rule_not_found', `No flag rule ${flag}`);
  const current = (await listFlagRules(db)).find((rule) => rule.flag === flag)!;
  let params: unknown = current.params;
  if (change.params !== undefined) {
    const parsed = FLAG_RULE_PARAMS[flag as FlagName].safeParse({ ...current.params, ...(change.params as object) });
    if (!parsed.success) {
      throw commonErrors.error('invalid_input', 'The rule parameters are not valid', {
        errors: parsed.error.issues.map((issue) => ({
          field: `params.${issue.path.join('.')}`,
          reason: issue.message,
        })),
      });
    }
    params = parsed.data;
  }
  // Every customer the rule may now flag or unflag is re-decided in the background (see below); a new
  // silence threshold starts the quiet sweep afresh from there.
  if (flag === 'at_risk') await deleteSetting(db, QUIET_SWEPT_KEY);
  await writeSetting(db, `${REEVALUATE_KEY}${flag}`, Date.now());
  await db.run('UPDATE flag_rules SET enabled = ?, params = ?, updated_by = ?, updated_at = ? WHERE flag = ?', [
    (change.enabled ?? current.enabled) ? 1 : 0,
    JSON.stringify(params),
    staffId,
    Date.now(),
    flag,
  ]);
  return (await listFlagRules(db)).find((rule) => rule.flag === flag)!;
}

/** Whether storing an event from her can change a flag: at-risk ends when a regular gone quiet writes again. */
export const CONTACT_FLAGS: readonly FlagName[] = ['at_risk'];

/** Of these customers, those who hold one of these flags by rule (asked in chunks, for any batch size). */
export async function ruleFlagHoldersAmong(
  db: Db,
  customerIds: Iterable<string>,
  flags: readonly FlagName[],
): Promise<string[]> {
  const ids = [...new Set(customerIds)];
  const holders: string[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = await db.all<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM customer_flags
       WHERE source = 'rule' AND flag IN (${flags.map(() => '?').join(', ')}) AND customer_id IN (${chunk.map(() => '?').join(', ')})`,
      [...flags, ...chunk],
    );
    holders.push(...rows.map((row) => row.customer_id));
  }
  return holders;
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
export async function refreshRuleFlags(
  db: Db,
  customerId: string,
  now: number,
  only: readonly FlagName[] = FLAG_NAMES,
): Promise<void> {
  await refreshRuleFlagsOf(db, [customerId], now, only);
}

/** The same for many customers, reading the rules once: ingest batches, sweeps and re-evaluations. */
export async function refreshRuleFlagsOf(
  db: Db,
  customerIds: Iterable<string>,
  now: number,
  only: readonly FlagName[] = FLAG_NAMES,
): Promise<void> {
  const rules = (await listFlagRules(db)).filter((rule) => only.includes(rule.flag));
  for (const customerId of customerIds) await applyRules(db, customerId, now, rules, only);
}

async function applyRules(
  db: Db,
  customerId: string,
  now: number,
  rules: readonly FlagRule[],
  only: readonly FlagName[],
): Promise<void> {
  const customer = await canonicalCustomer(db, customerId);
  if (!customer || customer.erased_at !== null) return;
  const profiles = await profilesOf(db, customer.id);
  const inList = profiles.map(() => '?').join(', ');
  const since = (days: number) => now - days * DAY_MS;
  const windows = new Set(
    rules.flatMap((rule) =>
      rule.flag === 'past_issues' || rule.flag === 'needs_extra_support' ? [rule.params.days] : [],
    ),
  );
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
    counts.set(days, {
      cases: row?.cases ?? 0,
      reopens: row?.reopens ?? 0,
      repeats: row?.repeats ?? 0,
      gestures: gestures?.n ?? 0,
    });
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
  const breaches = new Map<number, number>();
  let contacts = { count: 0, latestAt: null as number | null };
  for (const rule of rules) {
    if (rule.flag !== 'at_risk' || !rule.enabled) continue;
    // By when each clock ran out, not when it was noticed: a breach of 2017 found by today's sweep is history.
    const breached = await db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM sla_breaches b JOIN cases c ON c.id = b.case_id WHERE c.customer_id IN (${inList}) AND b.due_at >= ?`,
      [...profiles, since(rule.params.days)],
    );
    breaches.set(rule.params.days, breached?.n ?? 0);
    // Her latest contacts only, newest first along the timeline index: enough to tell a regular gone quiet.
    // A merge moves interactions to the surviving profile, so hers all sit under its id.
    const recent = await db.get<{ n: number; latest: number | null }>(
      `SELECT COUNT(*) AS n, MAX(occurred_at) AS latest FROM (
         SELECT occurred_at FROM interactions WHERE customer_id = ? AND direction = 'inbound' ORDER BY occurred_at DESC LIMIT ?)`,
      [customer.id, rule.params.minInteractions],
    );
    contacts = { count: recent?.n ?? 0, latestAt: recent?.latest ?? null };
  }
  const flags = derivedFlags(
    rules,
    {
      casesWithin: (days) => counts.get(days)?.cases ?? 0,
      gesturesWithin: (days) => counts.get(days)?.gestures ?? 0,
      reopensWithin: (days) => counts.get(days)?.reopens ?? 0,
      repeatContactsWithin: (days) => counts.get(days)?.repeats ?? 0,
      lifetimeValue: (currency) => values.get(currency) ?? 0,
      breachesWithin: (days) => breaches.get(days) ?? 0,
      inboundContacts: () => contacts,
    },
    now,
  );
  for (const flag of only) {
    const reason = flags.get(flag);
    if (reason === undefined) {
      await db.run(`DELETE FROM customer_flags WHERE customer_id = ? AND flag = ? AND source = 'rule'`, [
        customer.id,
        flag,
      ]);
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

/**
 * The rule flags that time alone can change: earned within a window of days (they lapse when the window
 * passes with nothing new), or, for at-risk, also earned by a silence growing past its threshold.
 */
const WINDOWED_FLAGS: readonly FlagName[] = ['past_issues', 'needs_extra_support', 'at_risk'];

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
    await refreshRuleFlagsOf(
      tx,
      holders.map((row) => row.customer_id),
      now,
      WINDOWED_FLAGS,
    );
    return before - (await tx.get<{ n: number }>(flagged, [...WINDOWED_FLAGS]))!.n;
  });
}

/** How far the quiet sweep has looked: customers whose contacts up to this moment have been considered. */
const QUIET_SWEPT_KEY = 'flags.at_risk.quietSweptUntil';
// Without a marker (a new install, or the rule just changed) the full re-evaluation covers everyone
// before this: the sweep need only look a little way back.
const QUIET_FIRST_LOOK_MS = 2 * 60 * 60 * 1000;

/**
 * Time alone makes a regular customer quiet: finds those whose contacts fell `quietDays` ago since the
 * last sweep (through the index on interaction time) and decides their at-risk flag. Returns how many
 * customers it looked at.
 */
export async function sweepNewlyQuiet(db: Db, now = Date.now()): Promise<number> {
  const rule = (await listFlagRules(db)).find((candidate) => candidate.flag === 'at_risk');
  if (!rule || rule.flag !== 'at_risk' || !rule.enabled) return 0;
  const until = now - rule.params.quietDays * DAY_MS;
  const marker = await readSetting(db, QUIET_SWEPT_KEY);
  const from = typeof marker === 'number' ? marker : until - QUIET_FIRST_LOOK_MS;
  if (from >= until) return 0;
  const rows = await db.all<{ customer_id: string }>(
    'SELECT DISTINCT customer_id FROM interactions WHERE occurred_at > ? AND occurred_at <= ?',
    [from, until],
  );
  const customers = rows.map((row) => row.customer_id);
  await refreshInChunks(db, customers, now, ['at_risk']);
  await writeSetting(db, QUIET_SWEPT_KEY, until);
  return customers.length;
}

/** Re-decides these flags of many customers, a transaction per chunk, so ingest and the inbox are never held up for long. */
async function refreshInChunks(
  db: Db,
  customerIds: readonly string[],
  now: number,
  flags: readonly FlagName[],
): Promise<void> {
  for (let start = 0; start < customerIds.length; start += CHUNK) {
    await db.transaction((tx) => refreshRuleFlagsOf(tx, customerIds.slice(start, start + CHUNK), now, flags));
  }
}

/** Who a rule could flag: those who hold it now, and those with the facts it counts. */
async function candidatesFor(db: Db, flag: FlagName): Promise<string[]> {
  const holders = `SELECT customer_id FROM customer_flags WHERE flag = ? AND source = 'rule'`;
  const withFacts =
    flag === 'vip'
      ? `SELECT DISTINCT customer_id FROM interactions WHERE event = '${ORDER_EVENT}'`
      : flag === 'at_risk'
        ? // Anyone with a contact may have gone quiet; the customers table is smaller than the interactions.
          `SELECT id AS customer_id FROM customers WHERE merged_into IS NULL AND erased_at IS NULL`
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
  // A long re-evaluation (every customer, for at-risk) must not be started again by the next tick.
  if (reevaluating.has(db.root)) return 0;
  reevaluating.add(db.root);
  try {
    return await reevaluatePending(db, now);
  } finally {
    reevaluating.delete(db.root);
  }
}

const reevaluating = new WeakSet<object>();

async function reevaluatePending(db: Db, now: number): Promise<number> {
  let looked = 0;
  for (const [key, value] of await readSettings(db, REEVALUATE_KEY)) {
    const flag = key.slice(REEVALUATE_KEY.length) as FlagName;
    if (!FLAG_NAMES.includes(flag)) continue;
    const customers = await candidatesFor(db, flag);
    await refreshInChunks(db, customers, now, [flag]);
    looked += customers.length;
    // Changed again meanwhile: the newer marker stays for the next run.
    await deleteSetting(db, key, value);
  }
  return looked;
}
