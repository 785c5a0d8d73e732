// Applies the flag rules to one customer: gathers the facts, then adds, updates or removes the
// customer's rule flags. Flags a person set by hand are never touched by a rule.
import type { Db } from '../store/db.ts';
import { profilesOf } from '../customers/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { latestInboundTimes } from '../interactions/index.ts';
import { FLAG_NAMES, FLAG_RULE_PARAMS, derivedFlags, type FlagName, type FlagRule } from './rules.ts';
import { commonErrors } from '../shared/errors.ts';
import { flagErrors } from './errors.ts';
import { DAY_MS } from '../shared/time.ts';
import { deleteSetting, readSetting, readSettings, writeSetting } from '../store/settings.ts';
import * as store from './store.ts';

/** A settings row per rule changed since its customers were last re-decided: survives a restart. */
const REEVALUATE_KEY = 'flags.reevaluate.';
// Customers per transaction (and per IN list) when many are re-decided at once.
const CHUNK = 500;

export async function listFlagRules(db: Db): Promise<FlagRule[]> {
  const rows = await store.listFlagRuleRows(db);
  return rows
    .filter((row) => (FLAG_NAMES as string[]).includes(row.flag))
    .map((row) => ({ flag: row.flag, enabled: row.enabled === 1, params: JSON.parse(row.params) }) as FlagRule);
}

/** The currency lifetime values are counted in: the VIP rule's (USD by default). */
export async function lifetimeValueCurrency(db: Db): Promise<string> {
  const vip = (await listFlagRules(db)).find((rule) => rule.flag === 'vip');
  return vip?.flag === 'vip' ? vip.params.currency : 'USD';
}

/**
 * A customer's lifetime value: her completed orders, in the currency the VIP rule counts in (USD by default).
 * @example const { amount, currency } = await lifetimeValueOf(db, customerId);
 */
export async function lifetimeValueOf(
  db: Db,
  customerId: string,
  // Callers valuing many customers read the currency once and pass it.
  currency?: string,
): Promise<{ amount: number; currency: string }> {
  currency ??= await lifetimeValueCurrency(db);
  const amount = await store.orderValueOf(db, await profilesOf(db, customerId), ORDER_EVENT, currency);
  return { amount, currency };
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
  await store.updateFlagRuleRow(db, flag, {
    enabled: change.enabled ?? current.enabled,
    params,
    updatedBy: staffId,
    updatedAt: Date.now(),
  });
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
    holders.push(...(await store.ruleFlagHoldersIn(db, flags, ids.slice(start, start + CHUNK))));
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
  const since = (days: number) => now - days * DAY_MS;
  const windows = new Set(
    rules.flatMap((rule) =>
      rule.flag === 'past_issues' || rule.flag === 'needs_extra_support' ? [rule.params.days] : [],
    ),
  );
  const counts = new Map<number, { cases: number; reopens: number; repeats: number; gestures: number }>();
  for (const days of windows) {
    const caseCounts = await store.caseCountsSince(db, profiles, since(days));
    const gestures = await store.issuedGesturesSince(db, profiles, since(days));
    counts.set(days, { ...caseCounts, gestures });
  }
  const values = new Map<string, number>();
  for (const rule of rules) {
    if (rule.flag !== 'vip' || !rule.enabled) continue;
    values.set(rule.params.currency, await store.orderValueOf(db, profiles, ORDER_EVENT, rule.params.currency));
  }
  const breaches = new Map<number, number>();
  let contacts = { count: 0, latestAt: null as number | null };
  for (const rule of rules) {
    if (rule.flag !== 'at_risk' || !rule.enabled) continue;
    // By when each clock ran out, not when it was noticed: a breach of 2017 found by today's sweep is history.
    breaches.set(rule.params.days, await store.slaBreachesSince(db, profiles, since(rule.params.days)));
    // Her latest contacts only, newest first along the timeline index of each of her profiles: enough to tell a
    // regular gone quiet.
    const times = await latestInboundTimes(db, profiles, rule.params.minInteractions);
    contacts = { count: times.length, latestAt: times[0] ?? null };
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
      await store.removeRuleFlag(db, customer.id, flag);
      continue;
    }
    await store.setRuleFlag(db, customer.id, flag, reason, now);
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
    const before = await store.countRuleFlags(tx, WINDOWED_FLAGS);
    await refreshRuleFlagsOf(tx, await store.ruleFlagHolders(tx, WINDOWED_FLAGS), now, WINDOWED_FLAGS);
    return before - (await store.countRuleFlags(tx, WINDOWED_FLAGS));
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
  if (rule?.flag !== 'at_risk' || !rule.enabled) return 0;
  const until = now - rule.params.quietDays * DAY_MS;
  const marker = await readSetting(db, QUIET_SWEPT_KEY);
  const from = typeof marker === 'number' ? marker : until - QUIET_FIRST_LOOK_MS;
  if (from >= until) return 0;
  const customers = await store.customersContactedBetween(db, from, until);
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
    const customers = await store.ruleCandidates(db, flag, ORDER_EVENT);
    await refreshInChunks(db, customers, now, [flag]);
    looked += customers.length;
    // Changed again meanwhile: the newer marker stays for the next run.
    await deleteSetting(db, key, value);
  }
  return looked;
}
