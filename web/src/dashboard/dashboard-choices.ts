// The dashboard's choices live in the address (`/dashboard?period=90d&by=team`), like the Trends page's, so a view
// is a link to share and Back returns to it; the drill-down's too (`/dashboard/drill?name=fcr&from=…&to=…&team=…`).
// Addresses name the last day shown (`to` inclusive, as people read a period); the API's `to` is the day after.
// Pure, so it is tested without a browser.
import { addDays, isDate } from '../insights/trend-choices.ts';
import {
  DIMENSIONS,
  type Dimension,
  type DrillAsk,
  type DrillName,
  type Hours,
  type MetricFilter,
  type MetricName,
  type Period,
} from './metrics-api.ts';

export const DASHBOARD_PATH = '/dashboard';
export const DRILL_PATH = '/dashboard/drill';

export const PERIOD_CHOICES = [
  { value: '7d', label: 'Last 7 days' },
  { value: '28d', label: 'Last 28 days' },
  { value: '90d', label: 'Last 90 days' },
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'custom', label: 'Custom' },
] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number]['value'];
const DEFAULT_PERIOD: PeriodChoice = '28d';
const PRESET_DAYS: Partial<Record<PeriodChoice, number>> = { '7d': 7, '28d': 28, '90d': 90 };

/** Every metric with one number per row can be drawn; spend is per currency, so its count (gestures) is drawn. */
export const CHART_METRICS = [
  'cases',
  'ttfr',
  'ttfr_p90',
  'ttr',
  'ttr_p90',
  'resolved',
  'fcr',
  'repeat_rate',
  'reopen_rate',
  'contacts_per_case',
  'backlog',
  'sla_attainment',
  'csat',
  'nps',
  'ces',
  'responses',
  'sentiment',
  'negative_share',
  'gestures',
] as const satisfies readonly MetricName[];
export type ChartMetric = (typeof CHART_METRICS)[number];

export type PerChoice = Period | 'auto';

export interface DashboardChoices {
  period: PeriodChoice;
  /** A custom period's first and last day (YYYY-MM-DD, both shown); empty for the others. */
  from: string;
  to: string;
  /** Against the period of the same length just before: on unless the address says `compare=off`. */
  compare: boolean;
  /** Response and resolution times on the clock, or in each case's team's business hours (`hours=business`). */
  hours: Hours;
  /** The metric drawn over time, and per what. */
  chart: ChartMetric;
  per: PerChoice;
  /** The breakdown's dimension and the metric its bars draw. */
  by: Dimension;
  bar: ChartMetric;
}

const DEFAULTS = { chart: 'cases', per: 'auto', by: 'channel', bar: 'cases' } as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((known) => known === value) ?? fallback;

/** The choices in the address; anything missing or unknown is the default. */
export function choicesFrom(search: URLSearchParams): DashboardChoices {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const asked = search.get('period');
  const custom = (asked === 'custom' || asked === null) && isDate(from) && isDate(to) && from <= to;
  const periods = PERIOD_CHOICES.map((choice) => choice.value).filter((value) => value !== 'custom');
  return {
    period: custom ? 'custom' : oneOf(periods, asked, DEFAULT_PERIOD),
    from: custom ? from : '',
    to: custom ? to : '',
    compare: search.get('compare') !== 'off',
    hours: search.get('hours') === 'business' ? 'business' : 'clock',
    chart: oneOf(CHART_METRICS, search.get('chart'), DEFAULTS.chart),
    per: oneOf(['auto', 'day', 'week', 'month'] as const, search.get('per'), DEFAULTS.per),
    by: oneOf(DIMENSIONS, search.get('by'), DEFAULTS.by),
    bar: oneOf(CHART_METRICS, search.get('bar'), DEFAULTS.bar),
  };
}

/** The page's address for these choices: set values only, defaults left out. */
export function dashboardPath(choices: DashboardChoices): string {
  const search = new URLSearchParams();
  if (choices.period === 'custom') {
    search.set('from', choices.from);
    search.set('to', choices.to);
  } else if (choices.period !== DEFAULT_PERIOD) {
    search.set('period', choices.period);
  }
  if (!choices.compare) search.set('compare', 'off');
  if (choices.hours === 'business') search.set('hours', 'business');
  for (const key of ['chart', 'per', 'by', 'bar'] as const) {
    if (choices[key] !== DEFAULTS[key]) search.set(key, choices[key]);
  }
  const text = search.toString();
  return text ? `${DASHBOARD_PATH}?${text}` : DASHBOARD_PATH;
}

/** A period as the API takes it: the first day and the day after the last. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The days the choices cover, `today` being today in the metrics time zone: a preset is the days up to and
 * including today, this month its days so far, last month all of it, a custom period its days.
 */
export function rangeOf(choices: DashboardChoices, today: string): DayRange {
  const days = PRESET_DAYS[choices.period];
  if (days !== undefined) return { from: addDays(today, 1 - days), to: addDays(today, 1) };
  const monthStart = `${today.slice(0, 7)}-01`;
  if (choices.period === 'this-month') return { from: monthStart, to: addDays(today, 1) };
  if (choices.period === 'last-month') return { from: `${addDays(monthStart, -1).slice(0, 7)}-01`, to: monthStart };
  return { from: choices.from, to: addDays(choices.to, 1) };
}

/** How many days a range covers. */
export function daysIn(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000);
}

/** Automatic: days up to a month and a bit, weeks up to half a year, months beyond (so a chart has 5–40 points). */
export function periodOf(per: PerChoice, range: DayRange): Period {
  if (per !== 'auto') return per;
  const days = daysIn(range);
  return days <= 35 ? 'day' : days <= 182 ? 'week' : 'month';
}

/** The row of a chart over time that stands for these days (`2026-11-02` for a day or a week, `2026-11` for a month). */
export function rangeOfPeriodRow(label: string, period: Period, within: DayRange): DayRange {
  const start = period === 'month' ? `${label}-01` : label;
  const end =
    period === 'day'
      ? addDays(start, 1)
      : period === 'week'
        ? addDays(start, 7)
        : `${addDays(`${label}-28`, 7).slice(0, 7)}-01`;
  // A week or month that began before the period (or ends after it) is counted only inside it.
  const [, from] = [start, within.from].sort();
  const [to] = [end, within.to].sort();
  return { from: from ?? start, to: to ?? end };
}

// ---------------------------------------------------------------------------------------------------------------
// The drill-down's address.

/** Metrics with no list of their own behind them: sentiment is read in the Trends page's messages. */
export const TRENDS_METRICS: ReadonlySet<MetricName> = new Set(['sentiment', 'negative_share']);

/**
 * Where a number leads: its drill-down, or for sentiment the Trends page over the same days of the same zone (a
 * channel is the one filter Trends has).
 */
export function drillPath(
  name: MetricName,
  range: DayRange,
  { filter = null, timeZone, hours = 'clock' }: { filter?: MetricFilter | null; timeZone?: string; hours?: Hours } = {},
): string {
  const last = addDays(range.to, -1);
  if (TRENDS_METRICS.has(name)) {
    const search = new URLSearchParams({ from: range.from, to: last, by: 'sentiment' });
    if (filter?.dimension === 'channel' && filter.key) search.set('channel', filter.key);
    if (timeZone) search.set('tz', timeZone);
    return `/insights/trends?${search.toString()}`;
  }
  const search = new URLSearchParams({ name, from: range.from, to: last });
  if (filter) search.set(filter.dimension, filter.key);
  if (hours === 'business') search.set('hours', 'business');
  return `${DRILL_PATH}?${search.toString()}`;
}

/** The drill-down's question from its address, or what is wrong with the address. */
export function drillAskFrom(search: URLSearchParams): { ask: DrillAsk } | { problem: string } {
  const name = search.get('name') ?? '';
  if (!(name in DRILL_NAMES)) return { problem: `There is no list behind “${name || 'nothing'}”.` };
  const from = search.get('from') ?? '';
  const last = search.get('to') ?? '';
  if (!isDate(from) || !isDate(last) || last < from) return { problem: 'The address does not name a period.' };
  const dimension = DIMENSIONS.find((known) => search.has(known));
  const filter = dimension ? { dimension, key: search.get(dimension) ?? '' } : null;
  const hours = search.get('hours') === 'business' ? { hours: 'business' as const } : {};
  return { ask: { name: name as DrillName, from, to: addDays(last, 1), filter, ...hours } };
}

const DRILL_NAMES: Record<DrillName, true> = {
  cases: true,
  repeat_rate: true,
  ttfr: true,
  ttfr_p90: true,
  ttr: true,
  ttr_p90: true,
  resolved: true,
  fcr: true,
  reopen_rate: true,
  contacts_per_case: true,
  backlog: true,
  sla_attainment: true,
  nps: true,
  csat: true,
  ces: true,
  responses: true,
  gestures: true,
  gesture_spend: true,
};
