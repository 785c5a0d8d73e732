// What every report's period picker (trends, dashboard, journeys, retention) does with its period: a preset applies
// at once; "Custom" opens two day fields, seeded with the days shown now, that apply only when checked; and when
// Back, Forward or a shared link changes the period under the page, the fields follow what the page shows.
import { useEffect, useState } from 'react';
import type { FieldMessages } from '../forms.ts';
import { customPeriodProblem } from '../insights/trend-choices.ts';
import type { DayRange } from './DayRangeFields.tsx';

export interface PeriodSelection<P extends string> {
  period: P | 'custom';
  from: string;
  to: string;
}

export function usePeriodChoice<P extends string>({
  applied,
  shownDays,
  byField,
  onApplyPeriod,
}: {
  /** The period the page shows now (from its address). */
  applied: PeriodSelection<P>;
  /** The first and last day shown now, for a custom period to start from. */
  shownDays: DayRange | null;
  /** The server's refusal of a period, beside its field. */
  byField: FieldMessages;
  onApplyPeriod(selection: PeriodSelection<P>): void;
}) {
  const [custom, setCustom] = useState(applied.period === 'custom');
  const [days, setDays] = useState<DayRange>({ from: applied.from, to: applied.to });
  const [problem, setProblem] = useState<FieldMessages>({});
  useEffect(() => {
    setCustom(applied.period === 'custom');
    setDays({ from: applied.from, to: applied.to });
    setProblem({});
  }, [applied.period, applied.from, applied.to]);

  const choosePeriod = (period: P | 'custom') => {
    if (period !== 'custom') {
      setCustom(false);
      onApplyPeriod({ period, from: '', to: '' });
      return;
    }
    setCustom(true);
    if (!days.from && !days.to && shownDays) setDays(shownDays);
  };
  /** The custom days, checked here first (the server checks them again). */
  const applyDays = () => {
    if (!custom) return;
    const wrong = customPeriodProblem(days.from, days.to);
    setProblem(wrong ? { [wrong.field]: wrong.reason } : {});
    if (!wrong) onApplyPeriod({ period: 'custom', from: days.from, to: days.to });
  };

  return {
    custom,
    chosen: custom ? ('custom' as const) : applied.period,
    days,
    setDays,
    errors: { ...byField, ...problem },
    choosePeriod,
    applyDays,
  };
}
