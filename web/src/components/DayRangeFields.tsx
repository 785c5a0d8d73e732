// The first and last day of a chosen period, with each field's problem beside it and the button that applies them:
// the custom choice of every report's period picker (trends, dashboard, journeys, retention).
import { describedBy } from '../forms.ts';
import { Field } from './Field.tsx';

export interface DayRange {
  from: string;
  to: string;
}

const ENDS = [
  { end: 'from', label: 'First day' },
  { end: 'to', label: 'Last day' },
] as const;

export function DayRangeFields({
  idPrefix,
  className,
  days,
  errors,
  onChange,
}: {
  /** Makes the inputs' ids (`<prefix>-from`, `<prefix>-to`) unique on the page. */
  idPrefix: string;
  className: string;
  days: DayRange;
  errors: { from?: string; to?: string };
  onChange(days: DayRange): void;
}) {
  return (
    <div className={className}>
      {ENDS.map(({ end, label }) => (
        <Field key={end} id={`${idPrefix}-${end}`} label={label} error={errors[end]}>
          <input
            {...describedBy(`${idPrefix}-${end}`, errors[end])}
            type="date"
            value={days[end]}
            onChange={(event) => onChange({ ...days, [end]: event.target.value })}
          />
        </Field>
      ))}
      <button type="submit" className="primary">
        Apply
      </button>
    </div>
  );
}
