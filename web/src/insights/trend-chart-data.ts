// The chart's figures from a trends answer: one stack per bucket, one layer per key (channels added up), the
// largest keys of the period on their own and the rest as "Other". The chart and its table both draw from this.
import type { Trends } from '../api/types.ts';
import type { ChartData, ChartLayer } from '../bar-chart.ts';
import type { TrendBy } from './trend-choices.ts';
import { bucketLabel, keyColour, keyLabel, OTHER_COLOUR } from './trend-format.ts';

/** Reasons drawn on their own; beyond them, "Other". */
export const CHART_KEYS = 7;
const SENTIMENT_ORDER = ['negative', 'neutral', 'positive'];

export function chartDataOf(trends: Trends): ChartData {
  const by: TrendBy = trends.by;
  const counted = trends.keys.filter((key) => key.count > 0);
  const ordered =
    by === 'sentiment'
      ? [...counted].sort((a, b) => SENTIMENT_ORDER.indexOf(a.key ?? '') - SENTIMENT_ORDER.indexOf(b.key ?? ''))
      : [...counted].sort((a, b) => b.count - a.count);
  const own = by === 'sentiment' || ordered.length <= CHART_KEYS + 1 ? ordered : ordered.slice(0, CHART_KEYS);
  const layers: ChartLayer[] = own.map((entry, index) => ({
    key: entry.key,
    label: keyLabel(entry.key),
    colour: keyColour(by, entry.key, index),
  }));
  const hasOther = own.length < ordered.length;
  if (hasOther) layers.push({ key: undefined, label: 'Other', colour: OTHER_COLOUR });
  const layerOf = new Map<string | null, number>(own.map((entry, index) => [entry.key, index]));
  const stackOf = new Map<string, number[]>(trends.buckets.map((bucket) => [bucket.start, layers.map(() => 0)]));
  for (const point of trends.series) {
    const values = stackOf.get(point.start);
    if (!values) continue;
    const layer = layerOf.get(point.key) ?? layers.length - 1;
    values[layer] = (values[layer] ?? 0) + point.count;
  }
  const stacks = trends.buckets.map((bucket) => ({
    label: bucketLabel(bucket, trends.interval),
    start: bucket.start,
    total: bucket.count,
    values: stackOf.get(bucket.start) ?? [],
  }));
  return { layers, stacks, peak: Math.max(0, ...stacks.map((stack) => stack.total)) };
}
