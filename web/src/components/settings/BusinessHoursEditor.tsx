// A team's week: always open, or per day closed or open in one or more intervals (a split shift).
// Times are typed as HH:MM (a text box, because closing at 24:00 must be possible) and tidied on leaving the box.
import {
  MAX_INTERVALS,
  OFFICE_HOURS,
  WEEKDAYS,
  WEEKDAY_NAMES,
  copyMondayToWorkdays,
  intervalAfter,
  normaliseClock,
  type Interval,
  type WeekDraft,
  type Weekday,
} from '../../settings/business-hours.ts';

interface BusinessHoursEditorProps {
  week: WeekDraft;
  onChange: (week: WeekDraft) => void;
  /** A message about the whole week (every day closed), under the table. */
  error?: string;
  dayErrors: Partial<Record<Weekday, string>>;
}

export function BusinessHoursEditor({ week, onChange, error, dayErrors }: BusinessHoursEditorProps) {
  const setDay = (day: Weekday, intervals: Interval[]) =>
    onChange({ ...week, days: { ...week.days, [day]: intervals } });
  return (
    <fieldset
      className={error ? 'week-editor invalid' : 'week-editor'}
      aria-describedby={error ? 'team-hours-error' : undefined}
    >
      <legend>Business hours</legend>
      <div className="segmented" role="radiogroup" aria-label="When the team works">
        <label className={week.alwaysOpen ? undefined : 'chosen'}>
          <input
            type="radio"
            name="team-hours-mode"
            checked={!week.alwaysOpen}
            onChange={() => onChange({ ...week, alwaysOpen: false })}
          />
          Set weekly hours
        </label>
        <label className={week.alwaysOpen ? 'chosen' : undefined}>
          <input
            type="radio"
            name="team-hours-mode"
            checked={week.alwaysOpen}
            onChange={() => onChange({ ...week, alwaysOpen: true })}
          />
          Always open (24/7)
        </label>
      </div>
      {week.alwaysOpen ? (
        <p className="field-hint">SLA clocks run around the clock, every day of the year.</p>
      ) : (
        <>
          <table className="week-table">
            <tbody>
              {WEEKDAYS.map((day) => (
                <DayRow
                  key={day}
                  day={day}
                  intervals={week.days[day]}
                  error={dayErrors[day]}
                  onChange={(intervals) => setDay(day, intervals)}
                />
              ))}
            </tbody>
          </table>
          <div className="week-tools">
            <button type="button" className="small" onClick={() => onChange(copyMondayToWorkdays(week))}>
              Copy Monday’s hours to Tuesday–Friday
            </button>
            <span className="field-hint">
              In the team’s time zone. SLA clocks stand still while the team is closed.
            </span>
          </div>
        </>
      )}
      {error && (
        <p className="field-error" id="team-hours-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface DayRowProps {
  day: Weekday;
  intervals: Interval[];
  error?: string;
  onChange: (intervals: Interval[]) => void;
}

function DayRow({ day, intervals, error, onChange }: DayRowProps) {
  const name = WEEKDAY_NAMES[day];
  const open = intervals.length > 0;
  const errorId = `team-hours-${day}-error`;
  const setTime = (index: number, end: 0 | 1, value: string) =>
    onChange(
      intervals.map((interval, at) =>
        at === index ? (end === 0 ? [value, interval[1]] : [interval[0], value]) : interval,
      ),
    );
  const addInterval = () => onChange([...intervals, intervalAfter(intervals.at(-1))]);
  const ordinal = (index: number) => (index === 0 ? '' : ` (${index + 1})`);
  return (
    <tr className={open ? 'day-open' : 'day-closed'} data-testid="hours-day" data-day={day}>
      <th scope="row">{name}</th>
      <td className="day-switch">
        <label className="check">
          <input
            type="checkbox"
            aria-label={`Open on ${name}`}
            checked={open}
            onChange={(event) => onChange(event.target.checked ? [[...OFFICE_HOURS]] : [])}
          />
          <span aria-hidden="true">{open ? 'Open' : 'Closed'}</span>
        </label>
      </td>
      <td>
        <div className="intervals">
          {intervals.map(([from, until], index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an interval has no identity but its place in the day; two may hold the same times while typed.
            <span className="interval" key={index}>
              <input
                className="time-input"
                aria-label={`${name} opens at${ordinal(index)}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                inputMode="numeric"
                placeholder="09:00"
                value={from}
                onChange={(event) => setTime(index, 0, event.target.value)}
                onBlur={(event) => setTime(index, 0, normaliseClock(event.target.value))}
              />
              <span aria-hidden="true">–</span>
              <input
                className="time-input"
                aria-label={`${name} closes at${ordinal(index)}`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                inputMode="numeric"
                placeholder="17:00"
                value={until}
                onChange={(event) => setTime(index, 1, event.target.value)}
                onBlur={(event) => setTime(index, 1, normaliseClock(event.target.value))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${name} hours ${from}–${until}`}
                title="Remove these hours"
                onClick={() => onChange(intervals.filter((_, at) => at !== index))}
              >
                ×
              </button>
            </span>
          ))}
          {open && intervals.length < MAX_INTERVALS && (
            <button type="button" className="link-button" aria-label={`Add hours on ${name}`} onClick={addInterval}>
              + Add hours
            </button>
          )}
        </div>
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
