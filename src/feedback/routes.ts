// HTTP routes for surveys, for staff: managers define them, agents send them (the link goes in a reply or a
// template) and everyone who reads customers reads the responses, each customer shown recorded as seen.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { publicOrigin } from '../http/public-origin.ts';
import { recordView } from '../audit/index.ts';
import { auditActor } from '../shared/actor.ts';
import { customerLabel, customerLabelFactsOf } from '../customers/index.ts';
import { bandOf, effortScore, netPromoterScore, satisfactionScore, type SURVEY_KINDS } from './model.ts';
import { type Survey, surveyChangesSchema, surveyFieldsSchema } from './survey-model.ts';
import { changeSurvey, createSurvey, inviteCustomer, listSurveys, requireSurvey } from './service.ts';
import { responsesAbout, responsesOf, scoresOf } from './store.ts';
import { profilesOf } from '../customers/index.ts';
import {
  AnswersAboutSchema,
  SentSurveySchema,
  SurveyListSchema,
  SurveyResponsesSchema,
  SurveySchema,
} from './responses.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });

const toView = (survey: Survey) => ({
  ...survey,
  createdAt: new Date(survey.createdAt).toISOString(),
});

const DAY_MS = 86_400_000;

export const surveyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/survey-responses',
    summary:
      'What a customer answered (customerId), or what was answered about a case (caseId): newest first, with the ' +
      'survey, score and its band, comment, and any follow-up case',
    tags: ['feedback'],
    response: AnswersAboutSchema,
    auth: 'customers:read',
    query: z
      .object({
        customerId: z.string().min(1).max(100).optional(),
        caseId: z.string().min(1).max(100).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      })
      .refine((query) => Boolean(query.customerId) !== Boolean(query.caseId), 'Give customerId or caseId, not both'),
    handler: async ({ query, ctx }) => {
      const answers = await responsesAbout(
        ctx.db,
        query.caseId ? { caseId: query.caseId } : { profiles: await profilesOf(ctx.db, query.customerId!) },
        query.limit,
      );
      for (const customerId of new Set(answers.map((answer) => answer.customerId))) {
        await recordView(ctx.db, { ...auditActor(ctx.actor), action: 'survey.responses_viewed', customerId });
      }
      return {
        items: answers.map((answer) => ({
          survey: { id: answer.surveyId, name: answer.surveyName, kind: answer.kind },
          invitationId: answer.invitationId,
          caseId: answer.caseId,
          score: answer.score,
          band: answer.score === null ? null : bandOf(answer.kind, answer.score),
          comment: answer.comment,
          complete: answer.complete,
          answeredAt: new Date(answer.firstAnsweredAt).toISOString(),
          followUpCaseId: answer.followUpCaseId,
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/surveys',
    summary: 'Surveys: NPS, CSAT, CES and custom, with their triggers and follow-up rules',
    tags: ['feedback'],
    response: SurveyListSchema,
    auth: 'customers:read',
    handler: async ({ ctx }) => ({ items: (await listSurveys(ctx.db)).map(toView) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/surveys/:id',
    summary: 'One survey',
    tags: ['feedback'],
    response: SurveySchema,
    auth: 'customers:read',
    params: idParams,
    handler: async ({ params, ctx }) => toView(await requireSurvey(ctx.db, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/surveys',
    summary:
      'Define a survey: kind (nps 0–10, csat 1–5, ces 1–7, custom), questions (the score and a follow-up "why" by ' +
      'default), trigger (manual, case_resolved, or an event N days after), quiet period, link lifetime, and the ' +
      'follow-up rule by which a low score opens a case',
    tags: ['feedback'],
    response: SurveySchema,
    auth: 'settings:manage',
    audit: 'survey.created',
    status: 201,
    body: surveyFieldsSchema,
    handler: async ({ body, ctx }) => toView(await createSurvey(ctx.db, body, ctx.actor, ctx.config.companyName)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/surveys/:id',
    summary: 'Change a survey (not its kind): questions keep their ids, so earlier answers keep their meaning',
    tags: ['feedback'],
    response: SurveySchema,
    auth: 'settings:manage',
    audit: 'survey.changed',
    params: idParams,
    body: surveyChangesSchema.refine((body) => Object.keys(body).length > 0, 'Change at least one field'),
    handler: async ({ params, body, ctx }) => toView(await changeSurvey(ctx.db, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/surveys/:id/send',
    summary:
      'Invite a customer (about a case, optionally): answers with the signed, one-time, expiring link to put in a ' +
      'reply or a template. Refused (409) within the quiet period after any survey unless ignoreQuietPeriod',
    tags: ['feedback'],
    response: SentSurveySchema,
    auth: 'cases:write',
    audit: 'survey.sent',
    status: 201,
    params: idParams,
    body: z.strictObject({
      customerId: z.string().min(1).max(100),
      caseId: z.string().min(1).max(100).nullable().optional(),
      ignoreQuietPeriod: z.boolean().optional(),
    }),
    handler: async ({ params, body, ctx, request }) => {
      const sent = await inviteCustomer(ctx.db, params.id, body, publicOrigin(ctx.config.publicUrl, request));
      return { ...sent, expiresAt: new Date(sent.expiresAt).toISOString() };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/surveys/:id/responses',
    summary:
      'Responses to a survey in a period (default the last 30 days), newest first, with the score (NPS, CSAT or ' +
      'CES), its distribution and the response rate; partial answers included (complete: false)',
    tags: ['feedback'],
    response: SurveyResponsesSchema,
    auth: 'customers:read',
    params: idParams,
    query: z.object({
      from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ params, query, ctx }) => {
      const survey = await requireSurvey(ctx.db, params.id);
      const to = query.to ? Date.parse(query.to) : Date.now() + 1;
      const from = query.from ? Date.parse(query.from) : to - 30 * DAY_MS;
      const [responses, counts] = await Promise.all([
        responsesOf(ctx.db, survey.id, { from, to, limit: query.limit }),
        scoresOf(ctx.db, survey.id, from, to),
      ]);
      const facts = await customerLabelFactsOf(
        ctx.db,
        responses.map((response) => response.customerId),
      );
      const canSeePii = ctx.can('customers:pii');
      for (const customerId of new Set(responses.map((response) => response.customerId))) {
        await recordView(ctx.db, {
          ...auditActor(ctx.actor),
          action: 'survey.responses_viewed',
          customerId,
          detail: { surveyId: survey.id },
        });
      }
      const distribution = new Map<number, number>();
      for (const score of counts.scores) distribution.set(score, (distribution.get(score) ?? 0) + 1);
      return {
        summary: {
          invited: counts.invited,
          responses: counts.responses,
          complete: counts.complete,
          responseRate: counts.invited ? counts.responses / counts.invited : null,
          score: scoreFor(survey.kind, counts.scores),
          distribution: [...distribution].sort(([a], [b]) => a - b).map(([score, count]) => ({ score, count })),
        },
        items: responses.map((response) => {
          const known = facts.get(response.customerId);
          return {
            invitationId: response.invitationId,
            customerId: response.customerId,
            customerLabel: known ? customerLabel(known, canSeePii) : null,
            caseId: response.caseId,
            score: response.score,
            band: response.score === null ? null : bandOf(survey.kind, response.score),
            comment: response.comment,
            answers: response.answers,
            complete: response.complete,
            answeredAt: new Date(response.firstAnsweredAt).toISOString(),
            followUpCaseId: response.followUpCaseId,
          };
        }),
      };
    },
  }),
];

function scoreFor(kind: (typeof SURVEY_KINDS)[number], scores: number[]): number | null {
  switch (kind) {
    case 'nps':
      return netPromoterScore(scores);
    case 'csat':
      return satisfactionScore(scores);
    case 'ces':
      return effortScore(scores);
    case 'custom':
      return null;
  }
}
