// GET /api/metrics/feedback: how much feedback that asks for an answer falls into a black hole, and how fast
// customers get a personal reply, overall, per source and per team (domain.md's definition; black-hole.ts).
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { firstResponsesOf } from '../cases/index.ts';
import { type Ask, blackHoleReport } from './black-hole.ts';
import { ideaAsksBetween } from './idea-store.ts';
import { followedUpCommentsBetween } from './store.ts';

const DAY_MS = 86_400_000;

const figures = z.strictObject({
  judged: z.number().meta({ description: 'Asks at least N days old' }),
  unanswered: z.number().meta({ description: 'Of those, no personal reply within N days' }),
  rate: z.number().nullable().meta({ description: 'The black-hole rate: unanswered / judged' }),
  waiting: z.number().meta({ description: 'Asks younger than N days with no reply yet' }),
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
    byTeam: z.array(figures.extend({ teamId: z.string().nullable() })),
  })
  .meta({ id: 'FeedbackMetrics' });

export const feedbackMetricRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/metrics/feedback',
    summary:
      'The black-hole rate: of the idea requests and followed-up survey comments asked in the period (default the ' +
      'last 90 days), the share with no personal reply within `days` (default 7), and the median hours to one',
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
      const ideaAsks = await ideaAsksBetween(ctx.db, from, to);
      const comments = await followedUpCommentsBetween(ctx.db, from, to);
      const cases = await firstResponsesOf(
        ctx.db,
        comments.map((comment) => comment.followUpCaseId),
      );
      const asks: Ask[] = [
        ...ideaAsks.map((ask) => ({ source: 'idea' as const, ...ask, teamId: null })),
        ...comments.map((comment) => {
          const followUp = cases.get(comment.followUpCaseId);
          return {
            source: 'survey_comment' as const,
            askedAt: comment.askedAt,
            repliedAt: followUp?.firstResponseAt ?? null,
            teamId: followUp?.teamId ?? null,
          };
        }),
      ];
      return {
        days: query.days,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ...blackHoleReport(asks, query.days, now),
      };
    },
  }),
];
