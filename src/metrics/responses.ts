// What the metrics routes answer. Durations are seconds, rates fractions (0–1), NPS −100…100, CSAT the percent of
// 4s and 5s, CES the mean on 1–7, sentiment the mean score −1…1, gesture spend per currency in its units.
import { z } from 'zod';
import { DIMENSIONS, METRIC_NAMES, PERIODS } from './model.ts';

const metricValue = z
  .union([z.number(), z.record(z.string(), z.number()), z.null()])
  .meta({ description: 'null: nothing to compute it from; gesture_spend: {currency: amount}' });

const MetricValuesSchema = z.strictObject({
  values: z.partialRecord(z.enum(METRIC_NAMES), metricValue),
  counts: z
    .partialRecord(z.enum(METRIC_NAMES), z.number())
    .meta({ description: 'How many cases, answers, gestures or texts each value is computed from' }),
});

const MetricsRowSchema = MetricValuesSchema.extend({
  dimensions: z.partialRecord(z.enum([...DIMENSIONS, ...PERIODS]), z.string()).meta({
    description:
      "The row's value of each grouping: '' is none (unassigned, no reason); periods as YYYY-MM-DD (weeks: their Monday) or YYYY-MM",
  }),
});

export const MetricsSchema = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date().meta({ description: 'Exclusive' }),
    timeZone: z.string(),
    names: z.array(z.enum(METRIC_NAMES)),
    by: z.array(z.enum([...DIMENSIONS, ...PERIODS])),
    rows: z.array(MetricsRowSchema),
    total: MetricValuesSchema,
    previous: z
      .strictObject({
        from: z.iso.date(),
        to: z.iso.date(),
        rows: z.array(MetricsRowSchema),
        total: MetricValuesSchema,
      })
      .optional()
      .meta({ description: 'With compare=previous: the period of the same length just before, by the same dimension' }),
    labels: z.strictObject({
      team: z.record(z.string(), z.string()),
      agent: z.record(z.string(), z.string()),
    }),
    stillToCount: z.number().int().nonnegative().optional().meta({
      description:
        'Only while a rebuild (an upgrade, a new time zone) is counted in the background: the cases, answers and gestures still to count; the numbers are incomplete until it is gone',
    }),
  })
  .meta({ id: 'Metrics' });

const DrilledCaseSchema = z.strictObject({
  id: z.string(),
  number: z.number().int(),
  subject: z.string(),
  status: z.string(),
  channel: z.string(),
  teamId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  reason: z.string().nullable(),
  openedAt: z.string(),
  value: z.union([z.number(), z.boolean(), z.string(), z.null()]).meta({
    description:
      'What the case counts: seconds (ttfr, ttr), yes/no (fcr, reopen_rate, repeat_rate), contacts, or "1 of 2" SLA targets met',
  }),
});

export const DrilledSchema = z
  .discriminatedUnion('source', [
    z.strictObject({ source: z.literal('case'), total: z.number().int(), cases: z.array(DrilledCaseSchema) }),
    z.strictObject({
      source: z.literal('response'),
      total: z.number().int(),
      responses: z.array(
        z.strictObject({
          invitationId: z.string(),
          customerId: z.string(),
          caseId: z.string().nullable(),
          survey: z.string(),
          score: z.number(),
          comment: z.string().nullable(),
          answeredAt: z.string(),
        }),
      ),
    }),
    z.strictObject({
      source: z.literal('gesture'),
      total: z.number().int(),
      gestures: z.array(
        z.strictObject({
          id: z.string(),
          customerId: z.string(),
          caseId: z.string().nullable(),
          kind: z.string(),
          amount: z.number().meta({ description: 'Minor units of the currency' }),
          currency: z.string(),
          issuedBy: z.string(),
          issuedAt: z.string(),
        }),
      ),
    }),
  ])
  .meta({ id: 'MetricDrill', description: 'Up to 500 shown; total counts all' });

export const MetricSettingsSchema = z
  .strictObject({
    timeZone: z.string().meta({ description: 'The IANA zone whose days, weeks and months metrics count' }),
  })
  .meta({ id: 'MetricSettings' });
