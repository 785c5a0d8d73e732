// HTTP routes of journeys: managers define them (each change in the audit trail, as other settings are), those who
// read reports read them and their report of intended against actual over a period checked here.
import { z } from 'zod';
import { defineRoute, noContent } from '../http/route.ts';
import { isKnownZone } from '../shared/dates.ts';
import { now } from '../shared/clock.ts';
import { journeyChangesSchema, newJourneySchema } from './definition.ts';
import { MAX_REPORT_DAYS, planPeriod } from './model.ts';
import { JourneyListSchema, JourneyReportSchema, JourneySchema } from './responses.ts';
import { archiveJourney, changeJourney, createJourney, getJourney, journeyReport, listJourneys } from './service.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });

const moment = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
  error: 'a date such as 2026-11-01, or a date-time such as 2026-11-01T09:00:00Z',
});

const reportQuery = z
  .object({
    from: moment.optional().meta({
      description: 'Start of the period: a date (its midnight in tz) or a date-time; default: 30 days before `to`',
    }),
    to: moment.optional().meta({
      description: `End of the period, exclusive; default: the end of today in tz. At most ${MAX_REPORT_DAYS} days after from`,
    }),
    tz: z
      .string()
      .max(100)
      .refine(isKnownZone, 'an IANA time zone such as UTC or Europe/Berlin')
      .default('UTC')
      .meta({ description: 'The time zone whose dates are meant' }),
  })
  .strict()
  .transform((query, ctx) => {
    const planned = planPeriod({ from: query.from, to: query.to, timeZone: query.tz }, now());
    if ('period' in planned) return planned.period;
    ctx.addIssue({ code: 'custom', path: [planned.refusal.field], message: planned.refusal.reason });
    return z.NEVER;
  });

export const journeyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/journeys',
    summary: 'The journeys in use, by name (archived ones are left out)',
    tags: ['journeys'],
    response: JourneyListSchema,
    auth: 'reports:read',
    handler: async ({ ctx }) => ({ items: await listJourneys(ctx.db) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/journeys',
    summary:
      'Define a journey: stages in order, each with touchpoints in order; a touchpoint’s matcher says which ' +
      'interactions belong to it (every field given must match, any of a field’s values may; an interaction belongs ' +
      'to the first touchpoint it matches), its targets what the experience there is meant to be',
    tags: ['journeys'],
    response: JourneySchema,
    auth: 'settings:manage',
    audit: 'journey.created',
    status: 201,
    body: newJourneySchema,
    handler: async ({ body, ctx }) => createJourney(ctx.db, body, ctx.staff?.id ?? null),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/journeys/:id',
    summary: 'A journey as defined (an archived one too)',
    tags: ['journeys'],
    response: JourneySchema,
    auth: 'reports:read',
    params: idParams,
    handler: async ({ params, ctx }) => getJourney(ctx.db, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/journeys/:id',
    summary:
      'Change a journey: name, description, episode length, or its stages whole (ids given are kept, so the ' +
      'report keeps its touchpoints; stages and touchpoints without one are new)',
    tags: ['journeys'],
    response: JourneySchema,
    auth: 'settings:manage',
    audit: 'journey.changed',
    params: idParams,
    body: journeyChangesSchema,
    handler: async ({ params, body, ctx }) => changeJourney(ctx.db, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/journeys/:id',
    summary: 'Archive a journey: it leaves the list, its link and report keep working',
    tags: ['journeys'],
    response: noContent,
    auth: 'settings:manage',
    audit: 'journey.archived',
    params: idParams,
    handler: async ({ params, ctx }) => archiveJourney(ctx.db, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/journeys/:id/report',
    summary:
      'Intended against actual for the episodes (one customer’s pass: her matching interactions until episodeDays ' +
      'pass without one) that started in the period, seen up to its end: per touchpoint each target’s gap, episodes, ' +
      'drop-off and median wait; the funnel of stages; overall completion, duration, the gaps worst first and the ' +
      'bottlenecks. Merged profiles count as their survivor; erased customers are never counted',
    tags: ['journeys'],
    response: JourneyReportSchema,
    auth: 'reports:read',
    params: idParams,
    query: reportQuery,
    handler: async ({ params, query, ctx }) => journeyReport(ctx.db, params.id, query),
  }),
];
