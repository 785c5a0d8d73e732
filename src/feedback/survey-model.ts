// A survey as stored and served: its trigger (when it is sent), quiet period, link lifetime and the follow-up rule
// that turns a low score into a case. Pure schemas and rules, beside the questions in model.ts.
import { z } from 'zod';
import { CASE_PRIORITIES } from '../shared/priority.ts';
import { type Question, questionSchema, SCALES, SURVEY_KINDS, type SurveyKind } from './model.ts';

export const triggerSchema = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('manual') }),
  z.strictObject({ on: z.literal('case_resolved') }),
  z.strictObject({
    on: z.literal('event'),
    event: z.string().trim().min(1).max(200),
    afterDays: z.number().int().min(0).max(365),
  }),
  z.strictObject({
    on: z.literal('periodic'),
    /** A new round every so many days (a relationship NPS: 90). */
    everyDays: z.number().int().min(7).max(730),
    /** The segment: customers holding this flag (vip, at_risk…); null for every customer with an email address. */
    flag: z.string().trim().toLowerCase().min(1).max(50).nullable(),
  }),
]);
export type SurveyTrigger = z.infer<typeof triggerSchema>;

export const followUpSchema = z.strictObject({
  enabled: z.boolean(),
  /** A score at or below this opens a follow-up case (NPS detractors: 6; CSAT: 2; CES: 3). */
  scoreAtMost: z.number().int().min(0).max(10),
  priority: z.enum(CASE_PRIORITIES),
});
export type FollowUpRule = z.infer<typeof followUpSchema>;

export interface Survey {
  id: string;
  name: string;
  kind: SurveyKind;
  questions: Question[];
  trigger: SurveyTrigger;
  quietDays: number;
  linkValidDays: number;
  followUp: FollowUpRule;
  active: boolean;
  createdAt: number;
  createdBy: string | null;
}

const surveyName = z.string().trim().min(1).max(200);
const questions = z.array(questionSchema).min(1).max(20);
const quietDays = z.number().int().min(0).max(365);
const linkValidDays = z.number().int().min(1).max(90);

export const surveyFieldsSchema = z.strictObject({
  name: surveyName,
  kind: z.enum(SURVEY_KINDS),
  questions: questions.optional(),
  trigger: triggerSchema.default({ on: 'manual' }),
  quietDays: quietDays.default(30),
  linkValidDays: linkValidDays.default(14),
  followUp: followUpSchema.optional(),
  active: z.boolean().default(true),
});

/** A change: any field but the kind, each only when given. No defaults, or a change would reset what it left out. */
export const surveyChangesSchema = z.strictObject({
  name: surveyName.optional(),
  questions: questions.optional(),
  trigger: triggerSchema.optional(),
  quietDays: quietDays.optional(),
  linkValidDays: linkValidDays.optional(),
  followUp: followUpSchema.optional(),
  active: z.boolean().optional(),
});

/** Detractors by each kind's own definition; a custom survey has no score and so no follow-up by default. */
export function defaultFollowUp(kind: SurveyKind): FollowUpRule {
  switch (kind) {
    case 'nps':
      return { enabled: true, scoreAtMost: 6, priority: 'high' };
    case 'csat':
      return { enabled: true, scoreAtMost: 2, priority: 'high' };
    case 'ces':
      return { enabled: true, scoreAtMost: 3, priority: 'normal' };
    case 'custom':
      return { enabled: false, scoreAtMost: 0, priority: 'normal' };
  }
}

/** A follow-up threshold must lie on the kind's scale. */
export function followUpProblem(kind: SurveyKind, rule: FollowUpRule): string | null {
  if (kind === 'custom') return rule.enabled ? 'A custom survey has no score to follow up on' : null;
  const scale = SCALES[kind];
  return rule.scoreAtMost < scale.min || rule.scoreAtMost >= scale.max
    ? `On a ${kind.toUpperCase()} scale the threshold lies from ${scale.min} to ${scale.max - 1}`
    : null;
}

/** Whether an answered score calls for someone to reach out. */
export function needsFollowUp(survey: Pick<Survey, 'followUp'>, score: number | null): boolean {
  return survey.followUp.enabled && score !== null && score <= survey.followUp.scoreAtMost;
}

/** Whether a customer last invited at `lastInvitedAt` may be invited again now. */
export function outsideQuietPeriod(quietDays: number, lastInvitedAt: number | null, now: number): boolean {
  return lastInvitedAt === null || now - lastInvitedAt >= quietDays * 86_400_000;
}
