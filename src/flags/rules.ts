// Flags derived by rules from what happened to a customer. Pure: the facts come in, the flags go out.
import { z } from 'zod';
import { DAY_MS } from '../shared/time.ts';

export const FLAG_RULE_PARAMS = {
  past_issues: z
    .object({
      cases: z.number().int().min(1).max(1000),
      gestures: z.number().int().min(1).max(1000),
      days: z.number().int().min(1).max(3650),
    })
    .strict(),
  needs_extra_support: z
    .object({
      reopens: z.number().int().min(1).max(1000),
      repeatContacts: z.number().int().min(1).max(1000),
      days: z.number().int().min(1).max(3650),
    })
    .strict(),
  vip: z
    .object({
      lifetimeValue: z.number().min(0).max(1e12),
      currency: z.string().regex(/^[A-Z]{3}$/),
    })
    .strict(),
  at_risk: z
    .object({
      /** A regular (at least minInteractions contacts from her) whose silence reached quietDays within the window… */
      quietDays: z.number().int().min(1).max(3650),
      minInteractions: z.number().int().min(1).max(100_000),
      /** …or whose cases breached their SLA this many times within the window (by when each clock ran out). */
      breaches: z.number().int().min(1).max(1000),
      days: z.number().int().min(1).max(3650),
    })
    .strict(),
} as const;

export type FlagName = keyof typeof FLAG_RULE_PARAMS;
export const FLAG_NAMES = Object.keys(FLAG_RULE_PARAMS) as FlagName[];

export type FlagRule = {
  [K in FlagName]: { flag: K; enabled: boolean; params: z.infer<(typeof FLAG_RULE_PARAMS)[K]> };
}[FlagName];

export interface CustomerFacts {
  /** Counts within each rule's own window are computed by the caller, per window length in days. */
  casesWithin(days: number): number;
  gesturesWithin(days: number): number;
  reopensWithin(days: number): number;
  repeatContactsWithin(days: number): number;
  lifetimeValue(currency: string): number;
  /** SLA breaches recorded on her cases within the last `days`. */
  breachesWithin(days: number): number;
  /** Her own (inbound) contacts, counted up to `atMost`, and when the latest was (null if none). */
  inboundContacts(atMost: number): { count: number; latestAt: number | null };
}

/** The flags a customer's facts earn, each with the reason a person reads on the card. */
export function derivedFlags(rules: readonly FlagRule[], facts: CustomerFacts, now: number): Map<FlagName, string> {
  const flags = new Map<FlagName, string>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.flag === 'past_issues') {
      const { cases, gestures, days } = rule.params;
      const caseCount = facts.casesWithin(days);
      const gestureCount = facts.gesturesWithin(days);
      if (caseCount >= cases) flags.set('past_issues', `${caseCount} cases in the last ${days} days`);
      else if (gestureCount >= gestures)
        flags.set('past_issues', `${gestureCount} service-recovery gesture(s) in the last ${days} days`);
    } else if (rule.flag === 'needs_extra_support') {
      const { reopens, repeatContacts, days } = rule.params;
      const reopenCount = facts.reopensWithin(days);
      const repeatCount = facts.repeatContactsWithin(days);
      if (reopenCount >= reopens)
        flags.set('needs_extra_support', `${reopenCount} reopened case(s) in the last ${days} days`);
      else if (repeatCount >= repeatContacts) {
        flags.set('needs_extra_support', `${repeatCount} repeat contact(s) in the last ${days} days`);
      }
    } else if (rule.flag === 'vip') {
      const { lifetimeValue, currency } = rule.params;
      const value = facts.lifetimeValue(currency);
      if (value >= lifetimeValue)
        flags.set('vip', `Lifetime value ${value.toFixed(2)} ${currency} (threshold ${lifetimeValue})`);
    } else {
      const reason = atRiskReason(rule.params, facts, now);
      if (reason) flags.set('at_risk', reason);
    }
  }
  return flags;
}

function atRiskReason(
  params: z.infer<typeof FLAG_RULE_PARAMS.at_risk>,
  facts: CustomerFacts,
  now: number,
): string | null {
  const breachCount = facts.breachesWithin(params.days);
  if (breachCount >= params.breaches)
    return `${breachCount} SLA breach(es) on her cases in the last ${params.days} days`;
  const { count, latestAt } = facts.inboundContacts(params.minInteractions);
  if (count < params.minInteractions || latestAt === null) return null;
  const quietFor = Math.floor((now - latestAt) / DAY_MS);
  // Her silence is news while it reached the threshold within the window, as a breach is: one that began
  // years ago (history imported or replayed today) tells of a customer long gone, not one at risk now.
  const atRisk = quietFor >= params.quietDays && quietFor <= params.quietDays + params.days;
  return atRisk ? `A regular who has not been in touch for ${quietFor} days` : null;
}
