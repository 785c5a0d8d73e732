// The churn page's choices live in the address (`/insights/churn?period=365d&cohorts=24`), so a view can be shared as
// a link: the period (a preset or days picked, UTC as the server counts them) and how many months of cohorts.
// Pure, so it is tested without a browser.
import { addDays, isDate } from '../insights/trend-choices.ts';
import type { PeriodQuery } from './api.ts';

export const CHURN_PATH = '/insights/churn';
export const CHURN_SETTINGS_PATH = '/insights/churn/settings';

export const CHURN_PERIODS = [
  { value: '30d', days: 30, label: 'Last 30 days' },
  { value: '90d', days: 90, label: 'Last 90 days' },
  { value: '365d', days: 365, label: 'Last 12 months' },
] as const;
export type ChurnPeriod = (typeof CHURN_PERIODS)[number]['value'] | 'custom';
const DEFAULT_PERIOD: ChurnPeriod = '90d';

export const COHORT_MONTHS = [6, 12, 24] as const;
export type CohortMonths = (typeof COHORT_MONTHS)[number];
const DEFAULT_COHORTS: CohortMonths = 12;

export interface ChurnChoices {
  period: ChurnPeriod;
  /** A custom period's first and last day, both shown (YYYY-MM-DD); empty for a preset. */
  from: string;
  to: string;
  cohorts: CohortMonths;
}

/** The choices in the address; anything missing or unknown is the default. */
export function churnChoicesFrom(search: URLSearchParams): ChurnChoices {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const custom = isDate(from) && isDate(to);
  const preset = CHURN_PERIODS.find((entry) => entry.value === search.get('period'))?.value;
  const cohorts = COHORT_MONTHS.find((months) => String(months) === search.get('cohorts')) ?? DEFAULT_COHORTS;
  return {
    period: custom ? 'custom' : (preset ?? DEFAULT_PERIOD),
    from: custom ? from : '',
    to: custom ? to : '',
    cohorts,
  };
}

/** The page's address for these choices, defaults left out. */
export function churnPagePath(choices: ChurnChoices): string {
  const search = new URLSearchParams();
  if (choices.period === 'custom') {
    search.set('from', choices.from);
    search.set('to', choices.to);
  } else if (choices.period !== DEFAULT_PERIOD) {
    search.set('period', choices.period);
  }
  if (choices.cohorts !== DEFAULT_COHORTS) search.set('cohorts', String(choices.cohorts));
  const text = search.toString();
  return text ? `${CHURN_PATH}?${text}` : CHURN_PATH;
}

/** The churn and acquisition query: a preset is the days up to and including today, `to` the day after the last. */
export function churnQueryOf(choices: ChurnChoices, today: string): PeriodQuery {
  const preset = CHURN_PERIODS.find((entry) => entry.value === choices.period);
  const [from, lastDay] = preset ? [addDays(today, 1 - preset.days), today] : [choices.from, choices.to];
  return { from, to: addDays(lastDay, 1) };
}

/** The cohorts query: the last `cohorts` months, this one included. */
export function cohortQueryOf(choices: ChurnChoices, today: string): PeriodQuery {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthStart = (offset: number) => new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
  return { from: monthStart(1 - choices.cohorts), to: monthStart(1) };
}

/** Today in UTC (YYYY-MM-DD): the server counts churn in UTC days. */
export function todayUtc(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}
