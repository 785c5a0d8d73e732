// The journey map's period: the last 30 or 90 days at once, or days picked and applied. The page keeps the choice in
// the address; a refusal of the server shows beside its day.
import { useEffect, useState } from 'react';
import type { FieldMessages } from '../../forms.ts';
import { customPeriodProblem } from '../../insights/trend-choices.ts';
import { type PeriodChoices, REPORT_PERIODS, type ReportPeriodChoice } from '../../journeys/period.ts';
import { SegmentedChoice } from '../SegmentedChoice.tsx';
import { DayRangeFields } from '../DayRangeFields.tsx';

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
  const [custom, setCustom] = useState(applied.period === 'custom');
  const [days, setDays] = useState({ from: applied.from, to: applied.to });
  const [problem, setProblem] = useState<FieldMessages>({});
  // Back, Forward or a shared link changed the period under us: the boxes show what the page shows.
  useEffect(() => {
    setCustom(applied.period === 'custom');
    setDays({ from: applied.from, to: applied.to });
    setProblem({});
  }, [applied.period, applied.from, applied.to]);
  const choose = (period: ReportPeriodChoice) => {
    if (period !== 'custom') {
      setCustom(false);
      onApply({ period, from: '', to: '' });
      return;
    }
    setCustom(true);
    if (!days.from && !days.to && shownDays) setDays(shownDays);
  };
  const errors = { ...byField, ...problem };
  return (
    <form
      className="journey-period"
      aria-label="Choose the period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const wrong = customPeriodProblem(days.from, days.to);
        setProblem(wrong ? { [wrong.field]: wrong.reason } : {});
        if (!wrong) onApply({ period: 'custom', from: days.from, to: days.to });
      }}
    >
      <SegmentedChoice
        legend="Episodes that started in"
        name="journey-period"
        options={CHOICES}
        chosen={custom ? 'custom' : applied.period}
        onChoose={choose}
      />
      {custom && (
        <DayRangeFields idPrefix="journey" className="journey-days" days={days} errors={errors} onChange={setDays} />
      )}
    </form>
  );
}
