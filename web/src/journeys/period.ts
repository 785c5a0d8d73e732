// The journey map's period lives in the address (`/journeys/jrn_…?period=90d`, or `?from=…&to=…` for days picked),
// so a view can be shared as a link; from it comes the report's query. Pure, so it is tested without a browser.
import { addDays, isDate } from '../insights/trend-choices.ts';
import { journeyPath } from './paths.ts';
import type { ReportQuery } from './api.ts';

export const REPORT_PERIODS = [
  { value: '30d', days: 30, label: 'Last 30 days' },
  { value: '90d', days: 90, label: 'Last 90 days' },
] as const;
export type ReportPeriodChoice = (typeof REPORT_PERIODS)[number]['value'] | 'custom';
const DEFAULT_PERIOD: ReportPeriodChoice = '30d';

export interface PeriodChoices {
  period: ReportPeriodChoice;
  /** A custom period's first and last day, both shown (YYYY-MM-DD); empty for a preset. */
  from: string;
  to: string;
}

export function periodFrom(search: URLSearchParams): PeriodChoices {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  if (isDate(from) && isDate(to)) return { period: 'custom', from, to };
  const preset = REPORT_PERIODS.find((entry) => entry.value === search.get('period'))?.value;
  return { period: preset ?? DEFAULT_PERIOD, from: '', to: '' };
}

export function mapPath(id: string, choices: PeriodChoices): string {
  const search = new URLSearchParams();
  if (choices.period === 'custom') {
    search.set('from', choices.from);
    search.set('to', choices.to);
  } else if (choices.period !== DEFAULT_PERIOD) {
    search.set('period', choices.period);
  }
  const text = search.toString();
  return text ? `${journeyPath(id)}?${text}` : journeyPath(id);
}

/** The report's query: a preset is the days up to and including today, `to` the day after the last one shown. */
export function reportQueryOf(choices: PeriodChoices, today: string, timeZone: string): ReportQuery {
  const preset = REPORT_PERIODS.find((entry) => entry.value === choices.period);
  const [from, lastDay] = preset ? [addDays(today, 1 - preset.days), today] : [choices.from, choices.to];
  return { from, to: addDays(lastDay, 1), tz: timeZone };
}
