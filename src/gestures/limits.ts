// Setting a staff member's empowerment limits per currency: the largest single gesture, the most on one
// case and the most in one day. Amounts come in the currency's units (50 USD) and are kept in minor units.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { commonErrors, invalidField } from '../shared/errors.ts';
import { gestureErrors } from './errors.ts';
import type { GestureLimits } from './model.ts';
import type { GestureLimitsSchema } from './responses.ts';
import { fromMinorUnits, isCurrency, toMinorUnits } from '../shared/money.ts';
import * as store from './store.ts';

/** Limits as the API shows them: in the currency's units; `perCase` and `perDay` say whether they are the defaults. */
export type GestureLimitsView = z.infer<typeof GestureLimitsSchema>;

export interface GestureLimitsInput {
  perGesture: number;
  /** Null or absent: the default, the per-gesture limit. */
  perCase?: number | null;
  /** Null or absent: the default, five times the per-gesture limit. */
  perDay?: number | null;
}

function toView(limits: GestureLimits): GestureLimitsView {
  const units = (minor: number) => fromMinorUnits(minor, limits.currency);
  return {
    currency: limits.currency,
    perGesture: units(limits.perGesture),
    perCase: units(limits.perCase),
    perDay: units(limits.perDay),
    perCaseIsDefault: limits.perCaseIsDefault,
    perDayIsDefault: limits.perDayIsDefault,
  };
}

function minor(field: string, amount: number, currency: string): number {
  const value = toMinorUnits(amount, currency);
  if (value === null) {
    throw commonErrors.error('invalid_input', `${currency} amounts have at most the currency's decimal places`, {
      errors: [{ field, reason: 'Too many decimals' }],
    });
  }
  return value;
}

async function requireStaff(db: Db, staffId: string): Promise<{ empowerment_currency: string }> {
  const row = await store.empowermentCurrencyOf(db, staffId);
  if (!row) throw gestureErrors.error('staff_not_found', `No staff member with id ${staffId}`);
  return row;
}

function requireCurrency(currency: string): void {
  if (!isCurrency(currency)) {
    throw invalidField('currency', 'Unknown currency', 'An ISO 4217 currency code such as USD');
  }
}

export async function listLimits(db: Db, staffId: string): Promise<GestureLimitsView[]> {
  await requireStaff(db, staffId);
  return (await store.listGestureLimits(db, staffId)).map(toView);
}

/** Sets every limit in one currency (a sum below the single-gesture limit would make no sense, so it is refused). */
export async function setLimits(
  db: Db,
  staffId: string,
  currency: string,
  input: GestureLimitsInput,
): Promise<GestureLimitsView> {
  requireCurrency(currency);
  return db.transaction(async (tx) => {
    const staff = await requireStaff(tx, staffId);
    const perGesture = minor('perGesture', input.perGesture, currency);
    const perCase = input.perCase == null ? null : minor('perCase', input.perCase, currency);
    const perDay = input.perDay == null ? null : minor('perDay', input.perDay, currency);
    for (const [field, value] of [
      ['perCase', perCase],
      ['perDay', perDay],
    ] as const) {
      if (value !== null && value < perGesture) {
        throw commonErrors.error('invalid_input', 'A total cannot be below the single-gesture limit', {
          errors: [{ field, reason: 'At least the per-gesture limit' }],
        });
      }
    }
    const now = Date.now();
    await store.setGestureLimits(tx, staffId, { currency, perGesture, perCase, perDay }, now);
    // The staff record's one figure (`empowermentLimit`) stays the single-gesture limit of its currency.
    if (staff.empowerment_currency === currency) {
      await store.setEmpowermentLimit(tx, staffId, perGesture);
    }
    return toView(await store.gestureLimitsOf(tx, staffId, currency));
  });
}

/** Back to no limit in that currency: every gesture in it waits for a manager. */
export async function removeLimits(db: Db, staffId: string, currency: string): Promise<void> {
  await db.transaction(async (tx) => {
    const staff = await requireStaff(tx, staffId);
    if (!(await store.deleteGestureLimits(tx, staffId, currency))) {
      throw gestureErrors.error('not_found', `No limits in ${currency} for this staff member`);
    }
    if (staff.empowerment_currency === currency) await store.setEmpowermentLimit(tx, staffId, 0);
  });
}

/** The staff form's single figure: the per-gesture limit in that currency, sums kept. */
export async function setPerGestureLimit(
  db: Db,
  staffId: string,
  limit: { limit: number; currency: string },
): Promise<void> {
  await store.setPerGestureLimit(db, staffId, limit.currency, limit.limit, Date.now());
}
