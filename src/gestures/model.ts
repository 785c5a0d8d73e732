// Service recovery: what an agent may give a customer to put a bad experience right.

export const GESTURE_KINDS = ['credit', 'refund', 'replacement', 'gift', 'note'] as const;
export type GestureKind = (typeof GESTURE_KINDS)[number];

export type GestureStatus = 'issued' | 'pending' | 'rejected';

export interface Empowerment {
  /** Minor units of `currency`. */
  limit: number;
  currency: string;
}

/**
 * Within the limit when the currency is the limit's own and the amount is not above it. A gesture
 * in another currency always goes to a manager: we hold no exchange rates to compare it.
 */
export function isWithinLimit(amount: number, currency: string, empowerment: Empowerment): boolean {
  return amount === 0 || (currency === empowerment.currency && amount <= empowerment.limit);
}
