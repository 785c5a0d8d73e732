// HTTP routes of why customers come, stay and leave: the churn, acquisition and retention reports (reports:read) and
// the churn settings (settings:manage, audited). The period is checked here, so the services get one they can trust.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { now } from '../shared/clock.ts';
import {
  churnSettingsSchema,
  DEFAULT_COHORTS,
  DEFAULT_PERIOD_DAYS,
  MAX_COHORTS,
  MAX_PERIOD_DAYS,
  type Period,
  type PeriodRefusal,
  planCohorts,
  planPeriod,
} from './model.ts';
import { AcquisitionReportSchema, ChurnReportSchema, ChurnSettingsSchema, RetentionReportSchema } from './responses.ts';
import { acquisitionReport, churnReport, readChurnSettings, retentionReport, writeChurnSettings } from './service.ts';

const moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'a date such as 2026-11-01, or a date-time with its offset such as 2026-11-01T09:00:00Z',
});

/** A query of `from` and `to`, planned by `plan` (which names the field it refuses). */
function periodQuery(
  plan: (request: { from?: string; to?: string }, now: number) => { period: Period } | { refusal: PeriodRefusal },
  descriptions: { from: string; to: string },
) {
  return z
    .object({
      from: moment.optional().meta({ description: descriptions.from }),
      to: moment.optional().meta({ description: descriptions.to }),
    })
    .strict()
    .transform((query, ctx) => {
      const planned = plan(query, now());
      if ('period' in planned) return planned.period;
      ctx.addIssue({ code: 'custom', path: [planned.refusal.field], message: planned.refusal.reason });
      return z.NEVER;
    });
}

const daysQuery = periodQuery(planPeriod, {
  from: `Start of the period: a date (its midnight, UTC) or a date-time; default: ${DEFAULT_PERIOD_DAYS} days before \`to\`. Before now`,
  to: `End of the period, exclusive (to=2026-12-01 counts through November 30); default: the end of today (UTC). At most ${MAX_PERIOD_DAYS} days after from`,
});

const monthsQuery = periodQuery(planCohorts, {
  from: `The first cohort: the month of this date (UTC); default: ${DEFAULT_COHORTS} months before \`to\``,
  to: `The end of the last cohort, exclusive: a date within a month counts that month; default: the end of this month. At most ${MAX_COHORTS} months`,
});

export const retentionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/insights/churn',
    summary:
      'Churn in a period against the one before: customers active in it (population), those who churned (the churn event, or no ' +
      'activity of their own for the settings’ days), the reasons they gave (the event’s reason, the cancellation survey, ' +
      'their last case; each customer whose words are shown is recorded in the audit trail), and each experience before ' +
      'leaving with the churn rate of those who had it against those who did not, the largest lift first',
    tags: ['insights'],
    response: ChurnReportSchema,
    auth: 'reports:read',
    query: daysQuery,
    handler: async ({ query, ctx }) => churnReport(ctx.db, query, ctx.actor, now()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/insights/acquisition',
    summary:
      'Customers first seen in a period per acquisition source (their first touch; unknown when none was named), how many ' +
      'of them churned since and how many are active now',
    tags: ['insights'],
    response: AcquisitionReportSchema,
    auth: 'reports:read',
    query: daysQuery,
    handler: async ({ query, ctx }) => acquisitionReport(ctx.db, query, now()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/insights/retention',
    summary:
      'Retention cohorts: customers by the month they were first seen (UTC), and for each month since, the share of them ' +
      'with activity of their own in it',
    tags: ['insights'],
    response: RetentionReportSchema,
    auth: 'reports:read',
    query: monthsQuery,
    handler: async ({ query, ctx }) => retentionReport(ctx.db, query, now()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/settings/churn',
    summary:
      'What churn means here: the churn event, the days of silence, the lookback for experiences, the cancellation survey',
    tags: ['settings'],
    response: ChurnSettingsSchema,
    auth: 'settings:manage',
    handler: async ({ ctx }) => readChurnSettings(ctx.db),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/settings/churn',
    summary:
      'Replace the churn settings (a field left out takes its default; null switches the event or the silence off, not both)',
    tags: ['settings'],
    response: ChurnSettingsSchema,
    auth: 'settings:manage',
    audit: 'churn_settings.changed',
    body: churnSettingsSchema,
    handler: async ({ body, ctx }) => writeChurnSettings(ctx.db, body),
  }),
];
