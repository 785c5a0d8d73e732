// The dashboard's period: a preset (last 7, 28 or 90 days, this month, last month) applied at once, or two days
// picked and applied; whether to compare with the period of the same length just before (on by default); and
// whether response and resolution times count only each team's business hours.
import type { FieldMessages } from '../../forms.ts';
import { type DashboardChoices, PERIOD_CHOICES } from '../../dashboard/dashboard-choices.ts';
import { Checkbox } from '../Checkbox.tsx';
import { SegmentedChoice } from '../SegmentedChoice.tsx';
import { DayRangeFields } from '../DayRangeFields.tsx';
import { usePeriodChoice } from '../usePeriodChoice.ts';

interface PeriodPickerProps {
  applied: DashboardChoices;
  /** The days shown now (first and last), for a custom period to start from. */
  shownDays: { from: string; to: string };
  /** The server's refusal of a period, beside its field. */
  byField: FieldMessages;
  onApply: (choices: DashboardChoices) => void;
}

export function PeriodPicker({ applied, shownDays, byField, onApply }: PeriodPickerProps) {
  const { custom, chosen, days, setDays, errors, choosePeriod, applyDays } = usePeriodChoice({
    applied,
    shownDays,
    byField,
    onApplyPeriod: (period) => onApply({ ...applied, ...period }),
  });

  return (
    <form
      className="dashboard-filters"
      aria-label="Choose the period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        applyDays();
      }}
    >
      <SegmentedChoice
        legend="Period"
        name="dashboard-period"
        options={PERIOD_CHOICES}
        chosen={chosen}
        onChoose={choosePeriod}
      />
      <Checkbox
        id="dashboard-compare"
        label="Compare with the previous period"
        checked={applied.compare}
        onChange={(compare) => onApply({ ...applied, compare })}
      />
      <Checkbox
        id="dashboard-hours"
        label="Times in business hours"
        checked={applied.hours === 'business'}
        onChange={(business) => onApply({ ...applied, hours: business ? 'business' : 'clock' })}
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
