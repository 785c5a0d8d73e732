// What each target metric is called and how its values read (units, the comparator a target usually takes), and a
// target written out as a person reads it: "First response ≤ 60 min". Pure, so screens and tests agree.
import type { Comparator, TargetMetric } from './types.ts';

interface MetricInfo {
  label: string;
  /** Written after a value: ' min', ' h', '%'; empty for a score. */
  unit: string;
  /** The comparator a new target of this metric starts with: at most a wait, at least a score. */
  usual: Comparator;
  /** What the value means, for the editor's hint. */
  hint: string;
}

export const METRICS: Record<TargetMetric, MetricInfo> = {
  first_response_minutes: {
    label: 'First response',
    unit: ' min',
    usual: 'atMost',
    hint: 'Median minutes to the first answer on the cases these interactions opened or joined',
  },
  resolution_hours: { label: 'Resolution', unit: ' h', usual: 'atMost', hint: 'Median hours to resolve those cases' },
  csat: { label: 'CSAT', unit: '%', usual: 'atLeast', hint: '% of CSAT answers of 4 or 5 about those cases' },
  csat_average: { label: 'CSAT average', unit: '', usual: 'atLeast', hint: 'Mean CSAT score, 1 to 5' },
  nps: { label: 'NPS', unit: '', usual: 'atLeast', hint: '% promoters − % detractors, −100 to 100' },
  ces: { label: 'CES', unit: '', usual: 'atLeast', hint: 'Mean effort score, 1 to 7' },
  contacts: { label: 'Contacts', unit: '', usual: 'atMost', hint: 'Mean inbound contacts per episode here' },
  completion: {
    label: 'Completion',
    unit: '%',
    usual: 'atLeast',
    hint: '% of episodes here that go on to a later stage (at the last stage: of all episodes)',
  },
  wait_hours: { label: 'Wait', unit: ' h', usual: 'atMost', hint: 'Median hours from the previous touchpoint' },
  sentiment: { label: 'Sentiment', unit: '', usual: 'atLeast', hint: 'Mean sentiment of customers’ words, −1 to +1' },
};

/** The metrics in the order the editor offers them. */
export const METRIC_ORDER = [
  'first_response_minutes',
  'resolution_hours',
  'contacts',
  'wait_hours',
  'completion',
  'csat',
  'csat_average',
  'nps',
  'ces',
  'sentiment',
] as const satisfies readonly TargetMetric[];

export const COMPARATOR_SIGNS: Record<Comparator, string> = { atMost: '≤', atLeast: '≥' };
export const COMPARATOR_WORDS: Record<Comparator, string> = { atMost: 'at most', atLeast: 'at least' };

/** A number as the map shows it: at most two decimals, grouped by the browser's locale. */
export function formatNumber(value: number): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

/** A metric's value with its unit: `60 min`, `66.67%`, `4.5`; a dash when nothing was measured. */
export function formatMetric(metric: TargetMetric, value: number | null): string {
  return value === null ? '—' : `${formatNumber(value)}${METRICS[metric].unit}`;
}

/** Hours as the map shows a wait or a duration: `24 h`, a dash when there was none. */
export function formatHours(hours: number | null): string {
  return hours === null ? '—' : `${formatNumber(hours)} h`;
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value)}%`;
}

/** "First response ≤ 60 min". */
export function targetText(target: { metric: TargetMetric; comparator: Comparator; value: number }): string {
  return `${METRICS[target.metric].label} ${COMPARATOR_SIGNS[target.comparator]} ${formatMetric(target.metric, target.value)}`;
}
