// HTTP routes of the CX metrics: the numbers by one dimension and period (JSON or CSV), the cases behind any of
// them, and the time zone whose days they count. For managers: they compare teams and agents.
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { isKnownZone } from '../shared/dates.ts';
import { now } from '../shared/clock.ts';
import { invalidInput } from '../shared/errors.ts';
import {
  dateToDay,
  DIMENSIONS,
  dayToDate,
  type Dimension,
  METRIC_NAMES,
  type MetricName,
  PERIODS,
  type Period,
} from './model.ts';
import { DrilledSchema, MetricSettingsSchema, MetricsSchema } from './responses.ts';
import { metricLabels, type MetricsResult, metricsOf } from './service.ts';
import { drillInto } from './drill.ts';
import { drilledCsv } from './drill-csv.ts';
import { localDayIn, metricsTimeZone, setMetricsTimeZone } from './refresh.ts';

/** The metrics a dashboard shows when none are named. */
export const DEFAULT_METRICS: MetricName[] = [
  'cases',
  'ttfr',
  'ttr',
  'fcr',
  'sla_attainment',
  'backlog',
  'csat',
  'nps',
];
const MAX_DAYS = 3 * 366;

const list = <T extends string>(values: readonly T[], what: string) =>
  z
    .string()
    .max(400)
    .transform((text, ctx) => {
      const items = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      const unknown = items.filter((item) => !values.includes(item as T));
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown ${what}: ${unknown.join(', ')}; known: ${values.join(', ')}`,
        });
        return z.NEVER;
      }
      return [...new Set(items)] as T[];
    });

const filters = Object.fromEntries(
  DIMENSIONS.map((dimension) => [
    dimension,
    z
      .string()
      .max(200)
      .optional()
      .meta({ description: `Only this ${dimension} ('' for none)` }),
  ]),
) as Record<Dimension, z.ZodOptional<z.ZodString>>;

const periodQuery = {
  hours: z
    .enum(['clock', 'business'])
    .default('clock')
    .meta({ description: "Times (ttfr, ttr) on the clock, or in the case team's business hours" }),
  from: z.iso
    .date()
    .optional()
    .meta({ description: 'First day (in the metrics time zone); default: 27 days before to' }),
  to: z.iso
    .date()
    .optional()
    .meta({ description: 'Day after the last, exclusive; default: tomorrow (today included)' }),
  ...filters,
};

interface PeriodInput {
  from?: string;
  to?: string;
}

/** [fromDay, toDay) from the query, or a refusal naming the field. */
function daysOf(
  query: PeriodInput,
  today: number,
): { fromDay: number; toDay: number } | { field: string; message: string } {
  const toDay = query.to ? dateToDay(query.to) : today + 1;
  const fromDay = query.from ? dateToDay(query.from) : toDay - 28;
  if (fromDay >= toDay) return { field: 'from', message: 'must be before to' };
  if (toDay - fromDay > MAX_DAYS) return { field: 'to', message: `at most ${MAX_DAYS} days after from` };
  return { fromDay, toDay };
}

function filterOf(query: Partial<Record<Dimension, string>>): { dimension: Dimension; key: string }[] {
  return DIMENSIONS.flatMap((dimension) =>
    query[dimension] !== undefined ? [{ dimension, key: query[dimension] ?? '' }] : [],
  );
}

const metricsQuery = z
  .object({
    names: list(METRIC_NAMES, 'metric')
      .optional()
      .meta({ description: `Comma-separated; default: ${DEFAULT_METRICS.join(',')}` }),
    by: list([...DIMENSIONS, ...PERIODS], 'grouping')
      .optional()
      .meta({
        description:
          'At most one dimension (channel, team, agent, reason, priority, segment) and one period (day, week, month)',
      }),
    compare: z.enum(['previous']).optional().meta({ description: 'Also the period of the same length just before' }),
    format: z.enum(['json', 'csv']).default('json'),
    ...periodQuery,
  })
  .strict();

const drillQuery = z
  .object({
    name: z.enum(METRIC_NAMES).exclude(['sentiment', 'negative_share']),
    format: z.enum(['json', 'csv']).default('json').meta({ description: 'csv: every one, not only the first 500' }),
    ...periodQuery,
  })
  .strict();
/** A CSV download lists them all, up to this many. */
const DRILL_CSV_LIMIT = 50_000;

export const metricRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/metrics',
    summary:
      'CX metrics (domain.md definitions) by one dimension and/or period, kept current as cases, answers and gestures change. ' +
      'Cases count on the day they opened (cases, ttfr, SLA, repeat rate) or were resolved (ttr, fcr, reopen rate, contacts); ' +
      'backlog is the open cases at the end of each row. format=csv answers the rows as CSV',
    tags: ['metrics'],
    response: MetricsSchema,
    auth: 'reports:read',
    query: metricsQuery,
    handler: async ({ query, ctx, reply }) => {
      const zone = await metricsTimeZone(ctx.db);
      const days = daysOf(query, localDayIn(zone)(now()));
      const by = query.by ?? [];
      const dimensions = by.filter((item): item is Dimension => (DIMENSIONS as readonly string[]).includes(item));
      const periods = by.filter((item): item is Period => (PERIODS as readonly string[]).includes(item));
      const filter = filterOf(query);
      const problem =
        'field' in days
          ? days
          : dimensions.length > 1
            ? { field: 'by', message: 'one dimension at a time (with or without a period)' }
            : periods.length > 1
              ? { field: 'by', message: 'one period at a time: day, week or month' }
              : filter.length > 1
                ? { field: filter[1]?.dimension ?? 'by', message: 'filter by one dimension at a time' }
                : filter.length && dimensions.length
                  ? { field: filter[0]?.dimension ?? 'by', message: 'group by a dimension or filter by one, not both' }
                  : null;
      if (problem) throw badQuery(problem.field, problem.message);
      if ('field' in days) throw badQuery(days.field, days.message);
      const result = await metricsOf(ctx.db, {
        names: query.names?.length ? query.names : DEFAULT_METRICS,
        dimension: dimensions[0] ?? null,
        period: periods[0] ?? null,
        filter: filter[0] ?? null,
        fromDay: days.fromDay,
        toDay: days.toDay,
        compare: query.compare === 'previous',
        businessHours: query.hours === 'business',
      });
      if (query.format === 'csv') {
        await reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="metrics-${result.from}-${result.to}.csv"`)
          .send(metricsCsv(result));
      }
      return result;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/metrics/drill',
    summary:
      'The cases (or survey answers, or gestures) behind a metric over a period, with what each counts: the same facts the metric was computed from. ' +
      'format=csv answers them as CSV (all of them, teams and staff by name)',
    tags: ['metrics'],
    response: DrilledSchema,
    auth: 'reports:read',
    query: drillQuery,
    handler: async ({ query, ctx, reply }) => {
      const zone = await metricsTimeZone(ctx.db);
      const days = daysOf(query, localDayIn(zone)(now()));
      if ('field' in days) throw badQuery(days.field, days.message);
      const filter = filterOf(query);
      if (filter.length > 1) throw badQuery(filter[1]?.dimension ?? 'name', 'filter by one dimension at a time');
      const csv = query.format === 'csv';
      const drilled = await drillInto(
        ctx.db,
        {
          name: query.name,
          ...days,
          filter: filter[0] ?? null,
          businessHours: query.hours === 'business',
          ...(csv ? { limit: DRILL_CSV_LIMIT } : {}),
        },
        ctx.actor,
      );
      if (csv) {
        const file = `${query.name}-${dayToDate(days.fromDay)}-${dayToDate(days.toDay)}.csv`;
        await reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file}"`)
          .send(drilledCsv(query.name, drilled, await metricLabels(ctx.db)));
      }
      return drilled;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/settings/metrics',
    summary: 'The time zone whose days, weeks and months the metrics count',
    tags: ['settings'],
    response: MetricSettingsSchema,
    auth: 'reports:read',
    handler: async ({ ctx }) => ({ timeZone: await metricsTimeZone(ctx.db) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/settings/metrics',
    summary: 'Change the metrics time zone (every day is counted again in the new zone)',
    tags: ['settings'],
    response: MetricSettingsSchema,
    auth: 'settings:manage',
    audit: 'metrics_settings.changed',
    body: z.strictObject({
      timeZone: z.string().max(100).refine(isKnownZone, 'an IANA time zone such as UTC or Europe/Berlin'),
    }),
    handler: async ({ body, ctx }) => {
      await setMetricsTimeZone(ctx.db, body.timeZone);
      return { timeZone: body.timeZone };
    },
  }),
];

function badQuery(field: string, message: string): Error {
  const result = z.object({ [field]: z.never({ error: message }) }).safeParse({ [field]: 'x' });
  if (result.success) throw new Error('a refusal must fail');
  return invalidInput(result.error, 'query');
}

/** One line per row: its groupings (team and agent by name), then each metric; spend as "USD 12.50; EUR 3". */
export function metricsCsv(result: MetricsResult): string {
  const header = [...result.by, ...result.names];
  const label = (dimension: string, key: string) =>
    dimension === 'team'
      ? (result.labels.team[key] ?? key)
      : dimension === 'agent'
        ? (result.labels.agent[key] ?? key)
        : key;
  const cell = (value: unknown) =>
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? Object.entries(value as Record<string, number>)
            .map(([currency, amount]) => `${currency} ${amount}`)
            .join('; ')
        : String(value);
  const rows = result.rows.map((row) => [
    ...result.by.map((dimension) => label(dimension, row.dimensions[dimension] ?? '')),
    ...result.names.map((name) => cell(row.values[name])),
  ]);
  return stringify([header, ...rows]);
}
