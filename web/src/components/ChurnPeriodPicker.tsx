// The churn page's period: a preset applies at once; custom days apply with Apply (checked here first, then by the
// server, whose refusal shows beside its field).
import type { FieldMessages } from '../forms.ts';
import { CHURN_PERIODS, type ChurnChoices, type ChurnPeriod } from '../retention/choices.ts';
import { SegmentedChoice } from './SegmentedChoice.tsx';
import { DayRangeFields } from './DayRangeFields.tsx';
import { usePeriodChoice } from './usePeriodChoice.ts';

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
  const { custom, chosen, days, setDays, errors, choosePeriod, applyDays } = usePeriodChoice({
    applied,
    shownDays,
    byField,
    onApplyPeriod: (period) => onApply({ ...applied, ...period }),
  });
  return (
    <form
      className="trend-filters churn-filters"
      aria-label="Choose the period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        applyDays();
      }}
    >
      <SegmentedChoice legend="Period" name="churn-period" options={PERIODS} chosen={chosen} onChoose={choosePeriod} />
      {custom && (
        <DayRangeFields idPrefix="churn" className="trend-days" days={days} errors={errors} onChange={setDays} />
      )}
    </form>
  );
}
