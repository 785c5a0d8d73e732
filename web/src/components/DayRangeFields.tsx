// The first and last day of a chosen period, with each field's problem beside it and the button that applies them:
// the custom choice of every report's period picker (trends, dashboard, journeys, retention).
import { describedBy } from '../forms.ts';
import { Field } from './Field.tsx';

export interface DayRange {
  from: string;
  to: string;
}

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
      <Field id={`${idPrefix}-from`} label="First day" error={errors.from}>
        <input
          {...describedBy(`${idPrefix}-from`, errors.from)}
          type="date"
          value={days.from}
          onChange={(event) => onChange({ ...days, from: event.target.value })}
        />
      </Field>
      <Field id={`${idPrefix}-to`} label="Last day" error={errors.to}>
        <input
          {...describedBy(`${idPrefix}-to`, errors.to)}
          type="date"
          value={days.to}
          onChange={(event) => onChange({ ...days, to: event.target.value })}
        />
      </Field>
      <button type="submit" className="primary">
        Apply
      </button>
    </div>
  );
}
