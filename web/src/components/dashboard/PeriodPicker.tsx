// The dashboard's period: a preset (last 7, 28 or 90 days, this month, last month) applied at once, or two days
// picked and applied; and whether to compare with the period of the same length just before (on by default).
import { useEffect, useState } from 'react';
import type { FieldMessages } from '../../forms.ts';
import { customPeriodProblem } from '../../insights/trend-choices.ts';
import { type DashboardChoices, PERIOD_CHOICES, type PeriodChoice } from '../../dashboard/dashboard-choices.ts';
import { Checkbox } from '../Checkbox.tsx';
import { SegmentedChoice } from '../SegmentedChoice.tsx';
import { DayRangeFields } from '../DayRangeFields.tsx';

interface PeriodPickerProps {
  applied: DashboardChoices;
  /** The days shown now (first and last), for a custom period to start from. */
  shownDays: { from: string; to: string };
  /** The server's refusal of a period, beside its field. */
  byField: FieldMessages;
  onApply: (choices: DashboardChoices) => void;
}

export function PeriodPicker({ applied, shownDays, byField, onApply }: PeriodPickerProps) {
  const [custom, setCustom] = useState(applied.period === 'custom');
  const [days, setDays] = useState({ from: applied.from, to: applied.to });
  const [problem, setProblem] = useState<FieldMessages>({});
  // Back, Forward or a shared link changed the choices: the boxes show what the page shows.
  useEffect(() => {
    setCustom(applied.period === 'custom');
    setDays({ from: applied.from, to: applied.to });
    setProblem({});
  }, [applied.period, applied.from, applied.to]);
  const choosePeriod = (period: PeriodChoice) => {
    if (period !== 'custom') {
      setCustom(false);
      onApply({ ...applied, period, from: '', to: '' });
      return;
    }
    setCustom(true);
    if (!days.from && !days.to) setDays(shownDays);
  };
  const applyDays = () => {
    const wrong = customPeriodProblem(days.from, days.to);
    setProblem(wrong ? { [wrong.field]: wrong.reason } : {});
    if (!wrong) onApply({ ...applied, period: 'custom', from: days.from, to: days.to });
  };
  const errors = { ...byField, ...problem };

  return (
    <form
      className="dashboard-filters"
      aria-label="Choose the period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (custom) applyDays();
      }}
    >
      <SegmentedChoice
        legend="Period"
        name="dashboard-period"
        options={PERIOD_CHOICES}
        chosen={custom ? 'custom' : applied.period}
        onChoose={choosePeriod}
      />
      <Checkbox
        id="dashboard-compare"
        label="Compare with the previous period"
        checked={applied.compare}
        onChange={(compare) => onApply({ ...applied, compare })}
      />
      {custom && (
        <DayRangeFields
          idPrefix="dashboard"
          className="dashboard-days"
          days={days}
          errors={errors}
          onChange={setDays}
        />
      )}
    </form>
  );
}
