// A team's week as the editor holds it (every day present, closed = no intervals) and as the API
// stores it (closed days left out, `{}` = always open), with the words the team list shows.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const SHORT_NAMES: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** Opening and closing time of day, `HH:MM`; closing may be `24:00`. */
export type Interval = [string, string];
export type BusinessHours = Partial<Record<Weekday, Interval[]>>;

export interface WeekDraft {
  alwaysOpen: boolean;
  days: Record<Weekday, Interval[]>;
}

export const OFFICE_HOURS: Interval = ['09:00', '17:00'];
/** The API allows six intervals a day (a split shift, lunch breaks…). */
export const MAX_INTERVALS = 6;
const WORKDAYS: readonly Weekday[] = ['tue', 'wed', 'thu', 'fri'];

export function weekDraftOf(hours: BusinessHours): WeekDraft {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => [day, (hours[day] ?? []).map(([open, close]) => [open, close] as Interval)]),
  );
  return { alwaysOpen: Object.keys(hours).length === 0, days: days as Record<Weekday, Interval[]> };
}

/** A new team starts on weekday office hours, as most help desks do. */
export function officeWeek(): WeekDraft {
  const draft = weekDraftOf({});
  for (const day of ['mon', ...WORKDAYS] as Weekday[]) draft.days[day] = [[...OFFICE_HOURS]];
  return { ...draft, alwaysOpen: false };
}

export function businessHoursOf(draft: WeekDraft): BusinessHours {
  if (draft.alwaysOpen) return {};
  const hours: BusinessHours = {};
  for (const day of WEEKDAYS) {
    const intervals = draft.days[day].map(([open, close]) => [normaliseClock(open), normaliseClock(close)] as Interval);
    if (intervals.length > 0) hours[day] = intervals;
  }
  return hours;
}

/**
 * Checked here rather than by the server: a week with every day closed would be saved as `{}`,
 * which the API reads as always open, the opposite of what was meant.
 */
export function weekProblem(draft: WeekDraft): string | null {
  if (draft.alwaysOpen) return null;
  return WEEKDAYS.some((day) => draft.days[day].length > 0) ? null : 'Open at least one day, or choose “Always open”.';
}

export function copyMondayToWorkdays(draft: WeekDraft): WeekDraft {
  const days = { ...draft.days };
  for (const day of WORKDAYS) days[day] = draft.days.mon.map(([open, close]) => [open, close] as Interval);
  return { ...draft, days };
}

function minutesOf(clock: string): number {
  const parts = /^(\d{2}):(\d{2})$/.exec(clock);
  return parts ? Number(parts[1]) * 60 + Number(parts[2]) : Number.NaN;
}

function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A first guess for one more interval on a day: an hour after the last one closes, for two hours. */
export function intervalAfter(last: Interval | undefined): Interval {
  const closed = last ? minutesOf(last[1]) : Number.NaN;
  if (Number.isNaN(closed)) return [...OFFICE_HOURS];
  const from = Math.min(closed + 60, 23 * 60);
  return [clockOf(from), clockOf(Math.min(from + 120, 24 * 60))];
}

/** `9` → `09:00`, `930` → `09:30`, `9.30` → `09:30`; anything else is left for the server to judge. */
export function normaliseClock(raw: string): string {
  const text = raw.trim();
  const parts = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(text);
  if (!parts) return text;
  return `${parts[1]!.padStart(2, '0')}:${parts[2] ?? '00'}`;
}

/** `Mon–Fri 09:00–17:00 · Sat 10:00–14:00`, `Always open`, or `Closed every day`. */
export function describeWeek(hours: BusinessHours): string {
  if (Object.keys(hours).length === 0) return 'Always open';
  const runs: Array<{ from: Weekday; to: Weekday; text: string }> = [];
  for (const day of WEEKDAYS) {
    const intervals = hours[day];
    if (!intervals?.length) continue;
    const text = intervals.map(([open, close]) => `${open}–${close}`).join(', ');
    const last = runs.at(-1);
    const follows = last && WEEKDAYS.indexOf(day) === WEEKDAYS.indexOf(last.to) + 1;
    if (last && follows && last.text === text) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  if (runs.length === 0) return 'Closed every day';
  return runs
    .map(
      ({ from, to, text }) => `${from === to ? SHORT_NAMES[from] : `${SHORT_NAMES[from]}–${SHORT_NAMES[to]}`} ${text}`,
    )
    .join(' · ');
}

/** Holidays as the API keeps them: ISO dates, each once, in order. */
export function withHoliday(holidays: readonly string[], date: string): string[] {
  return [...new Set([...holidays, date])].sort();
}

const holidayFormat = new Intl.DateTimeFormat('en', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-12-25` → `Fri, 25 Dec 2026`: a date, not a moment, so it is read in UTC and never shifts a day. */
export function formatHoliday(date: string): string {
  const at = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(at) ? date : holidayFormat.format(at);
}

/** The local time in a zone (`14:05`), or null when the zone is not one the browser knows. */
export function timeIn(zone: string, now: number): string | null {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(now);
  } catch {
    return null;
  }
}

/** Every IANA zone the browser knows, for the time-zone suggestions. */
export function knownTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
