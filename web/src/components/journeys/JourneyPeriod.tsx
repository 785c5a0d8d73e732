// The journey map's period: the last 30 or 90 days at once, or days picked and applied. The page keeps the choice in
// the address; a refusal of the server shows beside its day.
import type { FieldMessages } from '../../forms.ts';
import { type PeriodChoices, REPORT_PERIODS, type ReportPeriodChoice } from '../../journeys/period.ts';
import { SegmentedChoice } from '../SegmentedChoice.tsx';
import { DayRangeFields } from '../DayRangeFields.tsx';
import { usePeriodChoice } from '../usePeriodChoice.ts';

const CHOICES: ReadonlyArray<{ value: ReportPeriodChoice; label: string }> = [
  ...REPORT_PERIODS.map((preset) => ({ value: preset.value, label: preset.label })),
  { value: 'custom', label: 'Custom' },
];

interface JourneyPeriodProps {
  applied: PeriodChoices;
  /** The days the report shown covers, for a custom period to start from. */
  shownDays: { from: string; to: string } | null;
  byField: FieldMessages;
  onApply: (choices: PeriodChoices) => void;
}

export function JourneyPeriod({ applied, shownDays, byField, onApply }: JourneyPeriodProps) {
  const { custom, chosen, days, setDays, errors, choosePeriod, applyDays } = usePeriodChoice({
    applied,
    shownDays,
    byField,
    onApplyPeriod: onApply,
  });
  return (
    <form
      className="journey-period"
      aria-label="Choose the period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        applyDays();
      }}
    >
      <SegmentedChoice
        legend="Episodes that started in"
        name="journey-period"
        options={CHOICES}
        chosen={chosen}
        onChoose={choosePeriod}
      />
      {custom && (
        <DayRangeFields idPrefix="journey" className="journey-days" days={days} errors={errors} onChange={setDays} />
      )}
    </form>
  );
}
