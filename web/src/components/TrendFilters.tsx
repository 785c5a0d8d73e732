// The Trends page's choices: the period (a preset, or days picked with Apply), reasons or sentiment, day or
// week, and the channel. Every choice but typed days applies at once; the page keeps them in the address.
import type { FieldMessages } from '../forms.ts';
import { humanize } from '../labels.ts';
import { TEXT_CHANNELS } from '../choices.ts';
import { PERIOD_PRESETS, type PeriodChoice, type TextChannel, type TrendChoices } from '../insights/trend-choices.ts';
import { SegmentedChoice } from './SegmentedChoice.tsx';
import { DayRangeFields } from './DayRangeFields.tsx';
import { usePeriodChoice } from './usePeriodChoice.ts';

interface TrendFiltersProps {
  /** What the page shows now (from the address). */
  applied: TrendChoices;
  /** The days of the period shown now, for a custom period to start from. */
  shownDays: { from: string; to: string } | null;
  /** The server's refusal, beside its field. */
  byField: FieldMessages;
  onApply: (choices: TrendChoices) => void;
}

const PERIODS: ReadonlyArray<{ value: PeriodChoice; label: string }> = [
  ...PERIOD_PRESETS.map((preset) => ({ value: preset.value, label: preset.label })),
  { value: 'custom', label: 'Custom' },
];

export function TrendFilters({ applied, shownDays, byField, onApply }: TrendFiltersProps) {
  const apply = (change: Partial<TrendChoices>) => onApply({ ...applied, ...change });
  const { custom, chosen, days, setDays, errors, choosePeriod, applyDays } = usePeriodChoice<PeriodChoice>({
    applied,
    shownDays,
    byField,
    onApplyPeriod: apply,
  });

  return (
    <form
      className="trend-filters"
      aria-label="Choose what the trends show"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        applyDays();
      }}
    >
      <SegmentedChoice legend="Period" name="trend-period" options={PERIODS} chosen={chosen} onChoose={choosePeriod} />
      {custom && (
        <DayRangeFields idPrefix="trend" className="trend-days" days={days} errors={errors} onChange={setDays} />
      )}
      <SegmentedChoice
        legend="Show"
        name="trend-by"
        options={[
          { value: 'reason', label: 'Contact reasons' },
          { value: 'sentiment', label: 'Sentiment' },
        ]}
        chosen={applied.by}
        onChoose={(by) => apply({ by })}
      />
      <SegmentedChoice
        legend="Per"
        name="trend-interval"
        options={[
          { value: '', label: 'Auto' },
          { value: 'day', label: 'Day' },
          { value: 'week', label: 'Week' },
        ]}
        chosen={applied.interval}
        onChoose={(interval) => apply({ interval })}
      />
      <div className="field trend-channel">
        <label htmlFor="trend-channel">Channel</label>
        <select
          id="trend-channel"
          value={applied.channel}
          onChange={(event) => apply({ channel: event.target.value as TextChannel | '' })}
        >
          <option value="">All channels</option>
          {TEXT_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {humanize(channel)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
