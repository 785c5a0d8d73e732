// What the survey routes answer: surveys, a sent invitation's link, and responses with their summary. The schemas
// behind the OpenAPI document and the web client's generated types.
import { z } from 'zod';
import { questionSchema, SURVEY_KINDS } from './model.ts';
import { followUpSchema, triggerSchema } from './survey-model.ts';

export const SurveySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.enum(SURVEY_KINDS),
    questions: z.array(questionSchema),
    trigger: triggerSchema,
    quietDays: z.number(),
    linkValidDays: z.number(),
    followUp: followUpSchema,
    active: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'Survey' });

export const SurveyListSchema = z.strictObject({ items: z.array(SurveySchema) }).meta({ id: 'SurveyList' });

export const SentSurveySchema = z
  .strictObject({
    invitationId: z.string(),
    url: z.string().meta({ description: 'The signed, one-time link to answer by; shown once, kept only as its hash' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'SentSurvey' });

const answerValue = z.union([z.number(), z.string(), z.array(z.string())]);

export const SurveyResponseSchema = z
  .strictObject({
    invitationId: z.string(),
    customerId: z.string(),
    customerLabel: z.string().nullable(),
    caseId: z.string().nullable(),
    score: z.number().nullable(),
    band: z.string().nullable().meta({ description: 'promoter, passive, detractor; satisfied…; easy, hard' }),
    comment: z.string().nullable(),
    answers: z.record(z.string(), answerValue),
    complete: z.boolean().meta({ description: 'false: a partial answer (a required question is still open)' }),
    answeredAt: z.string(),
    followUpCaseId: z.string().nullable(),
  })
  .meta({ id: 'SurveyResponse' });

export const SurveyResponsesSchema = z
  .strictObject({
    summary: z.strictObject({
      invited: z.number(),
      responses: z.number(),
      complete: z.number(),
      responseRate: z.number().nullable().meta({ description: 'Responses per invitation sent in the period' }),
      score: z
        .number()
        .nullable()
        .meta({ description: 'NPS (−100…100), CSAT (% of 4–5) or CES (mean on 1–7); null without scores' }),
      distribution: z.array(z.strictObject({ score: z.number(), count: z.number() })),
    }),
    items: z.array(SurveyResponseSchema),
  })
  .meta({ id: 'SurveyResponses' });

export const AnswersAboutSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        survey: z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(SURVEY_KINDS) }),
        invitationId: z.string(),
        caseId: z.string().nullable(),
        score: z.number().nullable(),
        band: z.string().nullable(),
        comment: z.string().nullable(),
        complete: z.boolean(),
        answeredAt: z.string(),
        followUpCaseId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'SurveyAnswers' });
