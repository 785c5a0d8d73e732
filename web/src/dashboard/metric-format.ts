// How the dashboard words a metric: its name, its value in the unit it has (durations as "1 h 20 min", rates as
// percentages, NPS with its sign, spend per currency), what it is counted from ("of 4 resolved cases"), and a
// change against the previous period with whether that is better or worse. Pure, so tiles, tables and charts say
// the same, and tested without a browser (test/dashboard-logic.test.ts).
import type { MetricName, MetricValue } from './metrics-api.ts';

/** How a metric's number reads. */
type Unit = 'count' | 'duration' | 'share' | 'percent' | 'nps' | 'mean' | 'score' | 'money';

interface MetricInfo {
  label: string;
  unit: Unit;
  /** Which way is good; null where neither is (how many cases came, how much was given back). */
  better: 'higher' | 'lower' | null;
  /** What `counts` counts, singular and plural: "of 4 resolved cases". */
  of: [string, string];
  /** One sentence for the drill-down page: what the number is. */
  meaning: string;
}

export const METRIC_INFO: Record<MetricName, MetricInfo> = {
  cases: {
    label: 'Cases',
    unit: 'count',
    better: null,
    of: ['case', 'cases'],
    meaning: 'Cases opened in the period (merged duplicates are not counted).',
  },
  repeat_rate: {
    label: 'Repeat contacts',
    unit: 'share',
    better: 'lower',
    of: ['case', 'cases'],
    meaning: 'The share of cases opened in the period that repeat an earlier case with the same reason.',
  },
  ttfr: {
    label: 'First response',
    unit: 'duration',
    better: 'lower',
    of: ['answered case', 'answered cases'],
    meaning: 'From a case opening to the first reply by staff: the median of cases opened in the period.',
  },
  ttfr_p90: {
    label: 'First response (90th percentile)',
    unit: 'duration',
    better: 'lower',
    of: ['answered case', 'answered cases'],
    meaning: 'Nine in ten cases opened in the period had their first reply within this time.',
  },
  ttr: {
    label: 'Resolution time',
    unit: 'duration',
    better: 'lower',
    of: ['resolved case', 'resolved cases'],
    meaning: 'From a case opening to its resolution: the median of cases resolved in the period.',
  },
  ttr_p90: {
    label: 'Resolution time (90th percentile)',
    unit: 'duration',
    better: 'lower',
    of: ['resolved case', 'resolved cases'],
    meaning: 'Nine in ten cases resolved in the period were resolved within this time.',
  },
  resolved: {
    label: 'Resolved',
    unit: 'count',
    better: null,
    of: ['case', 'cases'],
    meaning: 'Cases resolved in the period.',
  },
  fcr: {
    label: 'First-contact resolution',
    unit: 'share',
    better: 'higher',
    of: ['resolved case', 'resolved cases'],
    meaning:
      'The share of cases resolved in the period that took one contact from the customer and were never reopened.',
  },
  reopen_rate: {
    label: 'Reopen rate',
    unit: 'share',
    better: 'lower',
    of: ['resolved case', 'resolved cases'],
    meaning: 'The share of cases resolved in the period that had been reopened.',
  },
  contacts_per_case: {
    label: 'Contacts per case',
    unit: 'mean',
    better: 'lower',
    of: ['resolved case', 'resolved cases'],
    meaning: 'How many times customers got in touch about a case, on average over the cases resolved in the period.',
  },
  backlog: {
    label: 'Backlog',
    unit: 'count',
    better: 'lower',
    of: ['open case', 'open cases'],
    meaning: 'Cases still open at the end of the period.',
  },
  sla_attainment: {
    label: 'SLA attainment',
    unit: 'share',
    better: 'higher',
    of: ['SLA target', 'SLA targets'],
    meaning:
      'Of the first-response and resolution targets decided for cases opened in the period, the share that was met.',
  },
  nps: {
    label: 'NPS',
    unit: 'nps',
    better: 'higher',
    of: ['answer', 'answers'],
    meaning: 'Net promoter score: the percent of promoters (9–10) minus the percent of detractors (0–6).',
  },
  csat: {
    label: 'CSAT',
    unit: 'percent',
    better: 'higher',
    of: ['answer', 'answers'],
    meaning: 'Customer satisfaction: the percent of answers that were 4 or 5 out of 5.',
  },
  ces: {
    label: 'CES',
    unit: 'mean',
    better: 'higher',
    of: ['answer', 'answers'],
    meaning: 'Customer effort score: the mean answer from 1 (very difficult) to 7 (very easy).',
  },
  responses: {
    label: 'Survey answers',
    unit: 'count',
    better: null,
    of: ['answer', 'answers'],
    meaning: 'NPS, CSAT and CES answers given in the period.',
  },
  sentiment: {
    label: 'Sentiment',
    unit: 'score',
    better: 'higher',
    of: ['text', 'texts'],
    meaning: 'The mean sentiment of what customers wrote, from −1 (negative) to +1 (positive).',
  },
  negative_share: {
    label: 'Negative sentiment',
    unit: 'share',
    better: 'lower',
    of: ['text', 'texts'],
    meaning: 'The share of what customers wrote that read as negative.',
  },
  gestures: {
    label: 'Gestures',
    unit: 'count',
    better: null,
    of: ['gesture', 'gestures'],
    meaning: 'Goodwill gestures given in the period (those waiting for approval count once approved).',
  },
  gesture_spend: {
    label: 'Gesture spend',
    unit: 'money',
    better: null,
    of: ['gesture', 'gestures'],
    meaning: 'What the goodwill gestures given in the period were worth, per currency.',
  },
};

export const NO_DATA = 'no data';

const countFormat = new Intl.NumberFormat('en');
const decimals = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const points = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const MINUS = '−';

/** `1 h 20 min`, `2 d 3 h`, `45 s`: the two largest units that are there, rounded to the second. */
export function formatDuration(seconds: number): string {
  if (!isNumber(seconds)) return NO_DATA;
  const total = Math.round(Math.abs(seconds));
  const parts: Array<[number, string]> = [
    [Math.floor(total / 86_400), 'd'],
    [Math.floor((total % 86_400) / 3600), 'h'],
    [Math.floor((total % 3600) / 60), 'min'],
    [total % 60, 's'],
  ];
  const first = parts.findIndex(([amount]) => amount > 0);
  if (first === -1) return '0 s';
  const shown = parts.slice(first, first + 2).filter(([amount]) => amount > 0);
  return shown.map(([amount, unit]) => `${amount} ${unit}`).join(' ');
}

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** A fraction of 0…1 as a percentage: `0.6667` → `66.7%`. */
export function formatShare(fraction: number): string {
  return percentFormat.format(fraction);
}

/** Money in its currency, as the browser writes it: `$25.00`, `€10.00`; the code when it knows no symbol. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${decimals.format(amount)} ${currency}`;
  }
}

/** Spend per currency, in the currencies' order: `€10.00 · $25.00`; none given is `none`. */
export function formatSpend(spend: Record<string, number>): string {
  const currencies = Object.keys(spend).sort();
  if (!currencies.length) return 'none';
  return currencies.map((currency) => formatMoney(spend[currency] ?? 0, currency)).join(' · ');
}

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : value < 0 ? `${MINUS}${text}` : text);

/** A metric's value as the dashboard shows it; `no data` when there was nothing to compute it from. */
export function formatMetric(name: MetricName, value: MetricValue | undefined): string {
  if (value === null || value === undefined) return NO_DATA;
  const unit = METRIC_INFO[name].unit;
  if (unit === 'money') return typeof value === 'object' ? formatSpend(value) : NO_DATA;
  if (!isNumber(value)) return NO_DATA;
  switch (unit) {
    case 'count':
      return formatCount(value);
    case 'duration':
      return formatDuration(value);
    case 'share':
      return formatShare(value);
    case 'percent':
      return `${points.format(value)}%`;
    case 'nps':
      return signed(points.format(Math.abs(value)), value);
    case 'score':
      return signed(Math.abs(value).toFixed(2), value);
    case 'mean':
      return decimals.format(value);
  }
}

/** `of 4 resolved cases`; `of 1 answer`. */
export function countedFrom(name: MetricName, count: number | undefined): string {
  const [one, many] = METRIC_INFO[name].of;
  const n = count ?? 0;
  return `of ${formatCount(n)} ${n === 1 ? one : many}`;
}

export type ChangeDirection = 'better' | 'worse' | 'same' | 'up' | 'down';

export interface MetricChange {
  /** `+5 pts`, `−20 min`, `+3`, `+$10.00`. */
  text: string;
  /** better/worse where one way is good; up/down where neither is; same when nothing moved. */
  direction: ChangeDirection | null;
  /** Which way the number went, whatever that means: the arrow beside it (none where currencies went both ways). */
  trend: 'rising' | 'falling' | 'flat' | null;
}

const trendOf = (difference: number) =>
  Math.abs(difference) < 1e-9 ? ('flat' as const) : difference > 0 ? ('rising' as const) : ('falling' as const);

/** The change from the previous period's value to this one's, in the metric's unit; null when either is missing. */
export function metricChange(
  name: MetricName,
  current: MetricValue | undefined,
  previous: MetricValue | undefined,
): MetricChange | null {
  const info = METRIC_INFO[name];
  if (info.unit === 'money') return spendChange(current, previous);
  if (!isNumber(current) || !isNumber(previous)) return null;
  const difference = current - previous;
  const same = Math.abs(difference) < 1e-9;
  const direction: ChangeDirection = same
    ? 'same'
    : info.better === null
      ? difference > 0
        ? 'up'
        : 'down'
      : difference > 0 === (info.better === 'higher')
        ? 'better'
        : 'worse';
  return { text: changeText(info.unit, same ? 0 : difference), direction, trend: trendOf(difference) };
}

function changeText(unit: Unit, difference: number): string {
  const size = Math.abs(difference);
  switch (unit) {
    case 'duration':
      return signed(formatDuration(size), difference);
    case 'share':
      // Percentage points: 50% → 75% is +25 pts, not +50%. A move too small to show is said so, not "−0 pts".
      return size > 0 && Math.round(size * 1000) === 0
        ? signed('<0.1 pts', difference)
        : signed(`${points.format(Math.round(size * 1000) / 10)} pts`, difference);
    case 'percent':
    case 'nps':
      return signed(`${points.format(size)} pts`, difference);
    case 'score':
      return signed(size.toFixed(2), difference);
    case 'mean':
      return signed(decimals.format(size), difference);
    default:
      return signed(formatCount(size), difference);
  }
}

function spendChange(current: MetricValue | undefined, previous: MetricValue | undefined): MetricChange | null {
  const asSpend = (value: MetricValue | undefined) => (value !== null && typeof value === 'object' ? value : null);
  const now = asSpend(current);
  const before = asSpend(previous);
  if (now === null || before === null) return null;
  const currencies = [...new Set([...Object.keys(now), ...Object.keys(before)])].sort();
  const differences = currencies.map((currency) => [currency, (now[currency] ?? 0) - (before[currency] ?? 0)] as const);
  const moved = differences.filter(([, difference]) => Math.abs(difference) > 1e-9);
  if (!moved.length) return { text: '0', direction: 'same', trend: 'flat' };
  const text = moved
    .map(([currency, difference]) => signed(formatMoney(Math.abs(difference), currency), difference))
    .join(' · ');
  const up = moved.every(([, difference]) => difference > 0);
  const down = moved.every(([, difference]) => difference < 0);
  return { text, direction: up ? 'up' : down ? 'down' : null, trend: up ? 'rising' : down ? 'falling' : null };
}

/** The word beside a change, as a reader says it. */
export function directionWord(direction: ChangeDirection | null): string {
  switch (direction) {
    case 'better':
      return 'better';
    case 'worse':
      return 'worse';
    case 'same':
      return 'no change';
    case 'up':
      return 'more';
    case 'down':
      return 'less';
    default:
      return '';
  }
}

/** The drill-down's column for what each case counts, where it counts something of its own. */
export const DRILL_VALUE_HEADERS: Partial<Record<MetricName, string>> = {
  ttfr: 'First response',
  ttfr_p90: 'First response',
  ttr: 'Resolution time',
  ttr_p90: 'Resolution time',
  fcr: 'Resolved on first contact',
  reopen_rate: 'Reopened',
  repeat_rate: 'Repeat contact',
  contacts_per_case: 'Contacts',
  sla_attainment: 'SLA targets met',
};

/** What one case counts in a metric: `1 h 20 min`, `Yes`, `3`, `1 of 2`. */
export function formatDrilledValue(name: MetricName, value: number | boolean | string | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  return METRIC_INFO[name].unit === 'duration' ? formatDuration(value) : formatCount(value);
}

/** An amount in the currency's minor units (cents) as money: 2550 USD → `$25.50`, 500 JPY → `¥500`. */
export function formatMinorUnits(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code: cents, as most currencies have.
  }
  return formatMoney(amount / 10 ** digits, currency);
}
