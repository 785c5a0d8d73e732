// The sums a staff member's gestures may reach without approval, beside their single-gesture limit in the
// staff form: the most on one case and the most in one day, in the limit's currency. Left empty, the
// server's defaults apply (per case: one full gesture; per day: five).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { describedBy, type FieldMessages } from '../forms.ts';
import { queryKeys } from '../queries.ts';
import { staffAccountsApi } from '../staff-api.ts';
import { Field } from './Field.tsx';

export const GESTURE_TOTAL_FIELDS = ['perCase', 'perDay'] as const;

export interface GestureTotals {
  perCase: string;
  perDay: string;
  setPerCase: (value: string) => void;
  setPerDay: (value: string) => void;
  /** Saves every limit in `currency`; call after the staff member's single-gesture limit is saved. */
  save: (currency: string, perGesture: number) => Promise<void>;
}

/** Loads the member's set totals; an empty field means "the default". */
export function useGestureTotals(staffId: string, currency: string): GestureTotals {
  const queryClient = useQueryClient();
  // Without them the fields start empty: the defaults, which is what most people have.
  const limits = useQuery({
    queryKey: queryKeys.gestureLimits(staffId),
    queryFn: () => staffAccountsApi.gestureLimits(staffId),
  });
  const items = limits.data?.items;
  const [perCase, setPerCase] = useState('');
  const [perDay, setPerDay] = useState('');
  const code = currency.trim().toUpperCase();
  useEffect(() => {
    const inCurrency = items?.find((item) => item.currency === code);
    setPerCase(inCurrency && !inCurrency.perCaseIsDefault ? String(inCurrency.perCase) : '');
    setPerDay(inCurrency && !inCurrency.perDayIsDefault ? String(inCurrency.perDay) : '');
  }, [items, code]);
  const amount = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    perCase,
    perDay,
    setPerCase,
    setPerDay,
    save: async (saveCurrency, perGesture) => {
      await staffAccountsApi.setGestureLimits(staffId, saveCurrency.trim().toUpperCase(), {
        perGesture,
        perCase: amount(perCase),
        perDay: amount(perDay),
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.gestureLimits(staffId) });
    },
  };
}

export function GestureLimitTotals({
  totals,
  errors,
  perGesture,
}: {
  totals: GestureTotals;
  errors: FieldMessages;
  perGesture: string;
}) {
  const gesture = Number(perGesture) || 0;
  return (
    <>
      <Field
        id="staff-edit-per-case"
        label="Per case"
        error={errors.perCase}
        hint={`Gestures on one case in all; empty: ${gesture}.`}
      >
        <input
          {...describedBy('staff-edit-per-case', errors.perCase)}
          type="number"
          min={0}
          step="0.01"
          placeholder={String(gesture)}
          value={totals.perCase}
          onChange={(event) => totals.setPerCase(event.target.value)}
        />
      </Field>
      <Field
        id="staff-edit-per-day"
        label="Per day"
        error={errors.perDay}
        hint={`Their gestures in one day; empty: ${gesture * 5}.`}
      >
        <input
          {...describedBy('staff-edit-per-day', errors.perDay)}
          type="number"
          min={0}
          step="0.01"
          placeholder={String(gesture * 5)}
          value={totals.perDay}
          onChange={(event) => totals.setPerDay(event.target.value)}
        />
      </Field>
    </>
  );
}
