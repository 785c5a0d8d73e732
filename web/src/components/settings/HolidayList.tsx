// The dates a team is closed all day (public holidays, a company day off), picked one at a time.
import { useState } from 'react';
import { formatHoliday, withHoliday } from '../../settings/business-hours.ts';
import { Field } from '../Field.tsx';

interface HolidayListProps {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  error?: string;
}

export function HolidayList({ holidays, onChange, error }: HolidayListProps) {
  const [date, setDate] = useState('');
  const add = () => {
    if (!date) return;
    onChange(withHoliday(holidays, date));
    setDate('');
  };
  return (
    <Field
      id="team-holiday"
      label="Holidays"
      error={error}
      hint="Closed all day on these dates, in the team’s time zone."
    >
      <div className="inline-add">
        <input
          id="team-holiday"
          type="date"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'team-holiday-error' : undefined}
          value={date}
          onChange={(event) => setDate(event.target.value)}
          // Enter adds the date here rather than submitting the whole team.
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="small" onClick={add} disabled={!date}>
          Add holiday
        </button>
      </div>
      {holidays.length > 0 && (
        <ul className="holiday-list" aria-label="Holiday dates">
          {holidays.map((holiday) => (
            <li key={holiday} data-testid="holiday">
              <time dateTime={holiday}>{formatHoliday(holiday)}</time>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove holiday ${formatHoliday(holiday)}`}
                onClick={() => onChange(holidays.filter((existing) => existing !== holiday))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}
