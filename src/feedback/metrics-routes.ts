// GET /api/metrics/feedback: how much feedback that asks for an answer falls into a black hole, and how fast
// customers get a personal reply, overall, per source and per team, and what still waits (domain.md's definition;
// black-hole.ts, feedback-health.ts).
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { feedbackHealth } from './feedback-health.ts';

const DAY_MS = 86_400_000;

const figures = z.strictObject({
  judged: z.number().meta({ description: 'Asks at least N days old' }),
  unanswered: z.number().meta({ description: 'Of those, no personal reply within N days' }),
  rate: z.number().nullable().meta({ description: 'The black-hole rate: unanswered / judged' }),
  waiting: z.number().meta({ description: 'Asks younger than N days with no reply yet' }),
  answered: z.number().meta({ description: 'Asks with a personal reply, at any time: the median is over these' }),
  medianReplyHours: z.number().nullable(),
});

export const FeedbackMetricsSchema = z
  .strictObject({
    days: z.number(),
    from: z.string(),
    to: z.string(),
    overall: figures,
    ideas: figures,
    surveyComments: figures,
    byTeam: z.array(
      figures.extend({
        teamId: z.string().nullable().meta({ description: 'null: no team (ideas, and cases of no team)' }),
        teamName: z.string().nullable(),
      }),
    ),
    stillWaiting: z
      .array(
        z.strictObject({
          source: z.enum(['idea', 'survey_comment']),
          asks: z.number().meta({ description: 'How many asks on it have no personal reply yet' }),
          oldestAskedAt: z.string(),
          overdue: z.boolean().meta({ description: 'Waiting longer than N days: counted in the black-hole rate' }),
          teamId: z.string().nullable(),
          idea: z.strictObject({ id: z.string(), number: z.number(), title: z.string() }).nullable(),
          case: z
            .strictObject({ id: z.string(), number: z.number(), subject: z.string() })
            .nullable()
            .meta({ description: "A survey comment's follow-up case, where it is answered" }),
        }),
      )
      .meta({
        description:
          'The ideas and follow-up cases with asks still unanswered, the longest waiting first (at most 100)',
      }),
    stillWaitingTotal: z.number(),
  })
  .meta({ id: 'FeedbackMetrics' });

export const feedbackMetricRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/metrics/feedback',
    summary:
      'The black-hole rate: of the idea requests and followed-up survey comments asked in the period (default the ' +
      'last 90 days), the share with no personal reply within `days` (default 7), and the median hours to one; ' +
      'overall, per source and per team, with what still waits for a reply',
    tags: ['feedback'],
    response: FeedbackMetricsSchema,
    auth: 'customers:read',
    query: z.object({
      days: z.coerce.number().int().min(1).max(365).default(7),
      from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    }),
    handler: async ({ query, ctx }) => {
      const now = Date.now();
      const to = query.to ? Date.parse(query.to) : now + 1;
      const from = query.from ? Date.parse(query.from) : to - 90 * DAY_MS;
      return {
        days: query.days,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ...(await feedbackHealth(ctx.db, { days: query.days, from, to }, now)),
      };
    },
  }),
];
