// The rows of the dashboard's tables and charts: a breakdown's values named as people know them (teams and staff
// by name from the answer's labels, '' as "Unassigned" or "No reason"), sorted by any column with the empty
// ones last; a chart's points per day, week or month with readable names. Pure.
import { humanize } from '../labels.ts';
import type { Dimension, Metrics, MetricName, MetricsRow, Period } from './metrics-api.ts';

export const DIMENSION_LABELS: Record<Dimension, string> = {
  channel: 'Channel',
  team: 'Team',
  agent: 'Agent',
  reason: 'Contact reason',
  priority: 'Priority',
  segment: 'Segment',
};

const NONE: Record<Dimension, string> = {
  channel: 'No channel',
  team: 'No team',
  agent: 'Unassigned',
  reason: 'No reason',
  priority: 'No priority',
  segment: 'No segment',
};

/** A dimension's value as people read it: a team's or agent's name, `Web form`, `Unassigned`. */
export function keyLabel(dimension: Dimension, key: string, labels: Metrics['labels']): string {
  if (key === '') return NONE[dimension];
  if (dimension === 'team') return labels.team[key] ?? key;
  if (dimension === 'agent') return labels.agent[key] ?? key;
  return humanize(key);
}

/** The metrics a breakdown's table shows, a column each. */
export const BREAKDOWN_METRICS = [
  'cases',
  'ttfr',
  'ttr',
  'fcr',
  'repeat_rate',
  'sla_attainment',
  'backlog',
  'csat',
  'nps',
] as const satisfies readonly MetricName[];

export interface BreakdownRow {
  key: string;
  label: string;
  row: MetricsRow;
}

/** What a breakdown is sorted by: its label column or a metric, either way round. */
export interface RowSort {
  column: 'label' | MetricName;
  descending: boolean;
}

export const DEFAULT_SORT: RowSort = { column: 'cases', descending: true };

const numberOf = (row: MetricsRow, name: MetricName): number | null => {
  const value = row.values[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** The breakdown's rows, named and sorted; rows without a value in the sorted column go last either way. */
export function breakdownRows(answer: Metrics, dimension: Dimension, sort: RowSort): BreakdownRow[] {
  const rows = answer.rows.map((row) => {
    const key = row.dimensions[dimension] ?? '';
    return { key, label: keyLabel(dimension, key, answer.labels), row };
  });
  const byLabel = (a: BreakdownRow, b: BreakdownRow) => a.label.localeCompare(b.label);
  return rows.sort((a, b) => {
    if (sort.column === 'label') return sort.descending ? byLabel(b, a) : byLabel(a, b);
    const x = numberOf(a.row, sort.column);
    const y = numberOf(b.row, sort.column);
    if (x === null || y === null) return x === y ? byLabel(a, b) : x === null ? 1 : -1;
    return (sort.descending ? y - x : x - y) || byLabel(a, b);
  });
}

/** Clicking a column: the same one turns round; another starts with the largest first (names: A first). */
export function nextSort(current: RowSort, column: RowSort['column']): RowSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'label' };
}

// ---------------------------------------------------------------------------------------------------------------
// Over time.

const dayFormat = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const longFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** `Mon, Nov 2` for a day, `Week of Nov 2` for a week (its Monday), `November 2026` for a month. */
export function periodRowLabel(label: string, period: Period): string {
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(label)) return label;
  if (period === 'day') return dayFormat.format(asDate(label));
  if (period === 'week') return `Week of ${shortFormat.format(asDate(label))}`;
  return monthFormat.format(asDate(`${label}-01`));
}

/** A day as people read it: `Nov 15, 2026`. */
export function dayLabel(day: string): string {
  return longFormat.format(asDate(day));
}

/** The last day of a range whose end is exclusive. */
export function lastDayOf(range: { to: string }): string {
  const last = asDate(range.to);
  last.setUTCDate(last.getUTCDate() - 1);
  return last.toISOString().slice(0, 10);
}

/** A range as people read it, its end exclusive: `Nov 2, 2026 – Nov 15, 2026`; one day alone is just that day. */
export function rangeLabel(range: { from: string; to: string }): string {
  const first = dayLabel(range.from);
  const end = dayLabel(lastDayOf(range));
  return first === end ? first : `${first} – ${end}`;
}

export interface ChartPoint {
  /** The row's own label (`2026-11-02`, `2026-11`), to drill into its days. */
  period: string;
  label: string;
  /** null: nothing to compute it from (a gap in the line, no bar). */
  value: number | null;
}

/** One point per period of an answer by day, week or month (the API gives every period, quiet ones too). */
export function pointsOverTime(answer: Metrics, name: MetricName, period: Period): ChartPoint[] {
  return answer.rows.map((row) => {
    const label = row.dimensions[period] ?? '';
    return { period: label, label: periodRowLabel(label, period), value: numberOf(row, name) };
  });
}
