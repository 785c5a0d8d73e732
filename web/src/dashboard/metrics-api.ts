// The API calls of the CX dashboard (src/metrics/routes.ts) over the one typed client, and the addresses its
// "Download CSV" links point at: the same query with format=csv, so a file holds exactly what the table shows.
import { client, dataOf } from '../api/client.ts';
import type { components, paths } from '../api/schema.d.ts';

type Schemas = components['schemas'];

export type Metrics = Schemas['Metrics'];
export type MetricName = Metrics['names'][number];
export type MetricValue = NonNullable<Metrics['total']['values'][MetricName]> | null;
export type MetricsRow = Metrics['rows'][number];
export type MetricDrill = Schemas['MetricDrill'];
export type DrilledCase = Extract<MetricDrill, { source: 'case' }>['cases'][number];
export type DrilledResponse = Extract<MetricDrill, { source: 'response' }>['responses'][number];
export type DrilledGesture = Extract<MetricDrill, { source: 'gesture' }>['gestures'][number];
export type DrillName = NonNullable<paths['/api/metrics/drill']['get']['parameters']['query']>['name'];

export const DIMENSIONS = ['channel', 'team', 'agent', 'reason', 'priority', 'segment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Period = 'day' | 'week' | 'month';
export type Hours = 'clock' | 'business';

/** One value of one dimension (`team=t_1`); an empty key is "none": unassigned, no reason. */
export interface MetricFilter {
  dimension: Dimension;
  key: string;
}

export interface MetricsAsk {
  names: readonly MetricName[];
  /** Days, `to` exclusive (YYYY-MM-DD), as the API counts them. */
  from: string;
  to: string;
  by?: Dimension | Period;
  compare?: boolean;
  filter?: MetricFilter | null;
  /** Times (ttfr, ttr) in the case team's business hours rather than on the clock. */
  hours?: Hours;
}

export interface DrillAsk {
  name: DrillName;
  from: string;
  to: string;
  filter: MetricFilter | null;
  /** Present only for business hours, so a drill-down on the clock reads as before. */
  hours?: 'business';
}

/** The query string as the API reads it; a filter's empty key is kept (`reason=` is "no reason"). */
function queryOf(pairs: Array<[string, string | undefined]>): Record<string, string> {
  return Object.fromEntries(pairs.filter((pair): pair is [string, string] => pair[1] !== undefined));
}

function metricsQuery(ask: MetricsAsk): Record<string, string> {
  return queryOf([
    ['names', ask.names.join(',')],
    ['from', ask.from],
    ['to', ask.to],
    ['by', ask.by],
    ['compare', ask.compare ? 'previous' : undefined],
    ['hours', ask.hours === 'business' ? 'business' : undefined],
    ...(ask.filter ? [[ask.filter.dimension, ask.filter.key] as [string, string]] : []),
  ]);
}

function drillQuery(ask: DrillAsk): Record<string, string> {
  return queryOf([
    ['name', ask.name],
    ['from', ask.from],
    ['to', ask.to],
    ['hours', ask.hours],
    ...(ask.filter ? [[ask.filter.dimension, ask.filter.key] as [string, string]] : []),
  ]);
}

const withCsv = (path: string, query: Record<string, string>) =>
  `${path}?${new URLSearchParams({ ...query, format: 'csv' }).toString()}`;

export const metricsApi = {
  /** The metrics over a period, by one dimension or period, with the period before when `compare`. */
  metrics: (ask: MetricsAsk, signal?: AbortSignal) =>
    dataOf(client.GET('/api/metrics', { params: { query: metricsQuery(ask) }, signal })),
  /** The cases, answers or gestures behind one metric. */
  drill: (ask: DrillAsk, signal?: AbortSignal) =>
    dataOf(
      client.GET('/api/metrics/drill', {
        params: { query: drillQuery(ask) as { name: DrillName } },
        signal,
      }),
    ),
  /** The zone whose days the metrics count. */
  settings: (signal?: AbortSignal) => dataOf(client.GET('/api/settings/metrics', { signal })),
  changeTimeZone: (timeZone: string) => dataOf(client.PUT('/api/settings/metrics', { body: { timeZone } })),
  /** Link targets, not fetches: the browser saves the CSV attachment itself, with the session cookie. */
  metricsCsvUrl: (ask: MetricsAsk) => withCsv('/api/metrics', metricsQuery({ ...ask, compare: false })),
  drillCsvUrl: (ask: DrillAsk) => withCsv('/api/metrics/drill', drillQuery(ask)),
};
