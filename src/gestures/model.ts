// Service recovery: what an agent may give a customer to put a bad experience right, and the
// empowerment limits that say how much of it they may give without a manager.
import { DateTime } from 'luxon';
import { z } from 'zod';

export const GESTURE_KINDS = ['credit', 'refund', 'replacement', 'gift', 'note'] as const;
export type GestureKind = (typeof GESTURE_KINDS)[number];

export const GESTURE_STATUSES = ['issued', 'pending', 'rejected'] as const;
export type GestureStatus = (typeof GESTURE_STATUSES)[number];

/**
 * Every limit a staff member has in one currency, defaults filled in: in minor units here, in the currency's units
 * as the API shows them (limits.ts). One shape for both, so the schema sits here rather than in responses.ts,
 * which imports this file.
 */
export const gestureLimitsSchema = z.strictObject({
  currency: z.string(),
  perGesture: z.number(),
  perCase: z.number(),
  perDay: z.number(),
  perCaseIsDefault: z.boolean(),
  perDayIsDefault: z.boolean(),
});
export type GestureLimits = z.infer<typeof gestureLimitsSchema>;

/** A day's total defaults to this many of the largest single gesture. */
export const DAY_LIMIT_MULTIPLE = 5;

/** Fills in the defaults: a case may get one full gesture, a day five. None set means 0: every gesture with an amount waits. */
export function resolveLimits(
  currency: string,
  set: { perGesture: number; perCase: number | null; perDay: number | null } | null,
): GestureLimits {
  const perGesture = set?.perGesture ?? 0;
  return {
    currency,
    perGesture,
    perCase: set?.perCase ?? perGesture,
    perDay: set?.perDay ?? perGesture * DAY_LIMIT_MULTIPLE,
    perCaseIsDefault: set?.perCase == null,
    perDayIsDefault: set?.perDay == null,
  };
}

/** Why a gesture waits for a manager. */
export const PENDING_REASONS = ['gesture_limit', 'case_limit', 'day_limit'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

/** Already issued (and approved) in the gesture's currency: pending and rejected gestures do not count. */
export interface IssuedTotals {
  onCase: number;
  /** By the issuer, on their current day; undefined when the check does not consider the day (approvals). */
  today?: number;
}

/**
 * Null when the whole gesture fits every limit; otherwise the first limit it breaks. The gesture is never
 * split: the part above a limit would leave the customer with two half-decided credits, so the whole
 * gesture waits for a manager. A zero amount (a hand-written note) needs no approval.
 */
export function limitBroken(amount: number, limits: GestureLimits, issued: IssuedTotals): PendingReason | null {
  if (amount === 0) return null;
  if (amount > limits.perGesture) return 'gesture_limit';
  if (issued.onCase + amount > limits.perCase) return 'case_limit';
  if (issued.today !== undefined && issued.today + amount > limits.perDay) return 'day_limit';
  return null;
}

/** The local day holding `at` in `zone`, as [start, end) epoch ms: "per day" is the agent's team's day. */
export function dayAround(at: number, zone: string): [number, number] {
  const start = DateTime.fromMillis(at, { zone }).startOf('day');
  return [start.toMillis(), start.plus({ days: 1 }).toMillis()];
}
