// The Trends page's choices: the period (a preset, or days picked with Apply), reasons or sentiment, day or
// week, and the channel. Every choice but typed days applies at once; the page keeps them in the address.
import { useEffect, useState } from 'react';
import type { FieldMessages } from '../forms.ts';
import { humanize } from '../labels.ts';
import { TEXT_CHANNELS } from '../choices.ts';
import {
  customPeriodProblem,
  PERIOD_PRESETS,
  type PeriodChoice,
  type TextChannel,
  type TrendChoices,
} from '../insights/trend-choices.ts';
import { SegmentedChoice } from './SegmentedChoice.tsx';
import { DayRangeFields } from './DayRangeFields.tsx';

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
  const [custom, setCustom] = useState(applied.period === 'custom');
  const [days, setDays] = useState({ from: applied.from, to: applied.to });
  const [problem, setProblem] = useState<FieldMessages>({});
  // Back, Forward or a shared link changed the choices under us: the boxes show what the page shows.
  useEffect(() => {
    setCustom(applied.period === 'custom');
    setDays({ from: applied.from, to: applied.to });
    setProblem({});
  }, [applied.period, applied.from, applied.to]);
  const apply = (change: Partial<TrendChoices>) => onApply({ ...applied, ...change });
  const choosePeriod = (period: PeriodChoice) => {
    if (period !== 'custom') {
      setCustom(false);
      apply({ period, from: '', to: '' });
      return;
    }
    setCustom(true);
    if (!days.from && !days.to && shownDays) setDays(shownDays);
  };
  const applyDays = () => {
    const wrong = customPeriodProblem(days.from, days.to);
    setProblem(wrong ? { [wrong.field]: wrong.reason } : {});
    if (!wrong) apply({ period: 'custom', from: days.from, to: days.to });
  };
  const errors = { ...byField, ...problem };

  return (
    <form
      className="trend-filters"
      aria-label="Choose what the trends show"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (custom) applyDays();
      }}
    >
      <SegmentedChoice
        legend="Period"
        name="trend-period"
        options={PERIODS}
        chosen={custom ? 'custom' : applied.period}
        onChoose={choosePeriod}
      />
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
