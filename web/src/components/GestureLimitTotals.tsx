// The sums a staff member's gestures may reach without approval, beside their single-gesture limit in the
// staff form: the most on one case and the most in one day, in the limit's currency. Left empty, the
// server's defaults apply (per case: one full gesture; per day: five).
import { useEffect, useState } from 'react';
import { request } from '../api.ts';
import { describedBy, type FieldMessages } from '../forms.ts';
import { Field } from './Field.tsx';

export const GESTURE_TOTAL_FIELDS = ['perCase', 'perDay'] as const;

interface LimitsView {
  currency: string;
  perGesture: number;
  perCase: number;
  perDay: number;
  perCaseIsDefault: boolean;
  perDayIsDefault: boolean;
}

const limitsPath = (staffId: string) => `/api/staff/${encodeURIComponent(staffId)}/gesture-limits`;

export interface GestureTotals {
  perCase: string;
  perDay: string;
  setPerCase: (value: string) => void;
  setPerDay: (value: string) => void;
  /** Saves every limit in `currency`; call after the staff member's single-gesture limit is saved. */
  save: (currency: string, perGesture: number) => Promise<void>;
}

/** Loads the member's set totals once; an empty field means "the default". */
export function useGestureTotals(staffId: string, currency: string): GestureTotals {
  const [items, setItems] = useState<LimitsView[]>([]);
  const [perCase, setPerCase] = useState('');
  const [perDay, setPerDay] = useState('');
  useEffect(() => {
    let current = true;
    request<{ items: LimitsView[] }>(limitsPath(staffId)).then(
      (loaded) => current && setItems(loaded.items),
      () => undefined, // Without them the fields start empty: the defaults, which is what most people have.
    );
    return () => {
      current = false;
    };
  }, [staffId]);
  const code = currency.trim().toUpperCase();
  useEffect(() => {
    const limits = items.find((item) => item.currency === code);
    setPerCase(limits && !limits.perCaseIsDefault ? String(limits.perCase) : '');
    setPerDay(limits && !limits.perDayIsDefault ? String(limits.perDay) : '');
  }, [items, code]);
  const amount = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    perCase,
    perDay,
    setPerCase,
    setPerDay,
    save: async (saveCurrency, perGesture) => {
      await request(`${limitsPath(staffId)}/${encodeURIComponent(saveCurrency.trim().toUpperCase())}`, {
        method: 'PUT',
        body: { perGesture, perCase: amount(perCase), perDay: amount(perDay) },
      });
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
