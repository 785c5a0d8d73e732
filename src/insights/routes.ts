// HTTP route of trends: what customers wrote about, and how they felt, by day or week and channel, against the
// period before. The query is checked here, period included, so the service gets a plan it can trust.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { CHANNELS } from '../interactions/index.ts';
import { isKnownZone } from '../shared/dates.ts';
import { now } from '../shared/clock.ts';
import { MAX_RANGE_DAYS, planTrends, TREND_DIMENSIONS, TREND_INTERVALS } from './model.ts';
import { TrendsSchema } from './responses.ts';
import { trendsOf } from './service.ts';

const moment = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
  error: 'a date such as 2026-11-01, or a date-time such as 2026-11-01T09:00:00Z',
});

const trendsQuery = z
  .object({
    from: moment.optional().meta({
      description: 'Start of the period: a date (its midnight in tz) or a date-time; default: 28 days before `to`',
    }),
    to: moment.optional().meta({
      description: `End of the period, exclusive (to=2026-12-01 counts through November 30); default: the end of today in tz. At most ${MAX_RANGE_DAYS} days after from`,
    }),
    by: z.enum(TREND_DIMENSIONS).default('reason'),
    interval: z
      .enum(TREND_INTERVALS)
      .optional()
      .meta({ description: 'Buckets of the chart (weeks start on Monday); default: day up to 31 days, else week' }),
    channel: z.enum(CHANNELS).optional(),
    tz: z
      .string()
      .max(100)
      .refine(isKnownZone, 'an IANA time zone such as UTC or Europe/Berlin')
      .default('UTC')
      .meta({ description: 'The time zone whose days and weeks are counted' }),
  })
  .strict()
  .transform((query, ctx) => {
    const planned = planTrends({ ...query, timeZone: query.tz }, now());
    if ('plan' in planned) return planned.plan;
    ctx.addIssue({ code: 'custom', path: [planned.refusal.field], message: planned.refusal.reason });
    return z.NEVER;
  });

export const insightRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/insights/trends',
    summary:
      'Contact reasons or sentiment of what customers wrote (inbound texts only; internal notes are not counted), per day or week and channel, ' +
      'against the previous period of the same length: every key with its change, the biggest movers first, and up to 3 example messages each ' +
      '(each customer whose message is shown is recorded in the audit trail)',
    tags: ['insights'],
    response: TrendsSchema,
    auth: 'customers:read',
    query: trendsQuery,
    handler: async ({ query, ctx }) => trendsOf(ctx.db, query, ctx.actor),
  }),
];
