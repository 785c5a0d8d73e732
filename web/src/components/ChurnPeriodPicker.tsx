// The churn page's period: a preset applies at once; custom days apply with Apply (checked here first, then by the
// server, whose refusal shows beside its field).
import { useEffect, useState } from 'react';
import type { FieldMessages } from '../forms.ts';
import { customPeriodProblem } from '../insights/trend-choices.ts';
import { CHURN_PERIODS, type ChurnChoices, type ChurnPeriod } from '../retention/choices.ts';
import { SegmentedChoice } from './SegmentedChoice.tsx';
import { DayRangeFields } from './DayRangeFields.tsx';

interface ChurnPeriodPickerProps {
  applied: ChurnChoices;
  /** The days shown now, for a custom period to start from. */
  shownDays: { from: string; to: string } | null;
  byField: FieldMessages;
  onApply: (choices: ChurnChoices) => void;
}

const PERIODS: ReadonlyArray<{ value: ChurnPeriod; label: string }> = [
  ...CHURN_PERIODS.map((preset) => ({ value: preset.value, label: preset.label })),
  { value: 'custom', label: 'Custom' },
];

export function ChurnPeriodPicker({ applied, shownDays, byField, onApply }: ChurnPeriodPickerProps) {
  const [custom, setCustom] = useState(applied.period === 'custom');
  const [days, setDays] = useState({ from: applied.from, to: applied.to });
  const [problem, setProblem] = useState<FieldMessages>({});
  useEffect(() => {
    setCustom(applied.period === 'custom');
    setDays({ from: applied.from, to: applied.to });
    setProblem({});
  }, [applied.period, applied.from, applied.to]);
  const choose = (period: ChurnPeriod) => {
    if (period !== 'custom') {
      setCustom(false);
      onApply({ ...applied, period, from: '', to: '' });
      return;
    }
    setCustom(true);
    if (!days.from && !days.to && shownDays) setDays(shownDays);
  };
  const applyDays = () => {
    const wrong = customPeriodProblem(days.from, days.to);
    setProblem(wrong ? { [wrong.field]: wrong.reason } : {});
    if (!wrong) onApply({ ...applied, period: 'custom', from: days.from, to: days.to });
  };
  const errors = { ...byField, ...problem };
  return (
    <form
      className="trend-filters churn-filters"
      aria-label="Choose the period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (custom) applyDays();
      }}
    >
      <SegmentedChoice
        legend="Period"
        name="churn-period"
        options={PERIODS}
        chosen={custom ? 'custom' : applied.period}
        onChoose={choose}
      />
      {custom && (
        <DayRangeFields idPrefix="churn" className="trend-days" days={days} errors={errors} onChange={setDays} />
      )}
    </form>
  );
}
