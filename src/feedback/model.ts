// Surveys as the company defines them and customers answer them: the kinds and their scales, the questions, the
// answers a submission may give, and what a score says (promoter, detractor, satisfied). Pure; domain.md has the
// metric definitions (NPS, CSAT, CES).
import { z } from 'zod';

export const SURVEY_KINDS = ['nps', 'csat', 'ces', 'custom'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** The score scale of each kind with a score, and the words at its ends as the public page shows them. */
export const SCALES = {
  nps: { min: 0, max: 10, low: 'Not at all likely', high: 'Extremely likely' },
  csat: { min: 1, max: 5, low: 'Very unsatisfied', high: 'Very satisfied' },
  ces: { min: 1, max: 7, low: 'Very difficult', high: 'Very easy' },
} as const satisfies Record<Exclude<SurveyKind, 'custom'>, { min: number; max: number; low: string; high: string }>;

const questionId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _, starting with a letter (at most 40)');
const prompt = z.string().trim().min(1).max(300);

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: questionId, type: z.literal('score'), prompt, required: z.boolean().default(true) }),
  z.strictObject({
    id: questionId,
    type: z.literal('choice'),
    prompt,
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(20),
    multiple: z.boolean().default(false),
    required: z.boolean().default(false),
  }),
  z.strictObject({
    id: questionId,
    type: z.literal('text'),
    prompt,
    /** The follow-up "why": its answer is the response's comment, read by listening and answered by a person. */
    isComment: z.boolean().default(false),
    required: z.boolean().default(false),
  }),
]);
export type Question = z.infer<typeof questionSchema>;

/** The questions a survey of a kind starts with when none are given: the score, then why. */
export function defaultQuestions(kind: SurveyKind, company: string): Question[] {
  const why: Question = {
    id: 'why',
    type: 'text',
    prompt: 'What is the main reason for your answer?',
    isComment: true,
    required: false,
  };
  switch (kind) {
    case 'nps':
      return [
        {
          id: 'score',
          type: 'score',
          prompt: `How likely are you to recommend ${company} to a friend or colleague?`,
          required: true,
        },
        why,
      ];
    case 'csat':
      return [
        { id: 'score', type: 'score', prompt: 'How satisfied are you with the help you got?', required: true },
        why,
      ];
    case 'ces':
      return [
        {
          id: 'score',
          type: 'score',
          prompt: `How easy was it to get what you needed from ${company}?`,
          required: true,
        },
        why,
      ];
    case 'custom':
      return [{ ...why, prompt: 'What would you like to tell us?' }];
  }
}

/** What a survey's questions must satisfy: unique ids, one score question exactly for a scored kind, none for custom. */
export function questionProblems(kind: SurveyKind, questions: readonly Question[]): string[] {
  const problems: string[] = [];
  const ids = questions.map((question) => question.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length) problems.push(`Question ids must be unique: ${[...new Set(repeated)].join(', ')}`);
  const scores = questions.filter((question) => question.type === 'score').length;
  if (kind === 'custom' && scores > 0) problems.push('A custom survey has no score question: use a choice');
  if (kind !== 'custom' && scores !== 1) problems.push(`A ${kind.toUpperCase()} survey has exactly one score question`);
  if (questions.filter((question) => question.type === 'text' && question.isComment).length > 1)
    problems.push('At most one text question is the comment');
  return problems;
}

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/**
 * The answers of one submission, checked against the questions: a value of the right kind for each question it
 * answers; unknown questions and empty values are dropped (a form sends every field). Returns the answers kept
 * and the problems, per question id, a person can fix.
 */
export function checkAnswers(
  kind: SurveyKind,
  questions: readonly Question[],
  given: Record<string, unknown>,
): { answers: Answers; problems: Array<{ questionId: string; reason: string }> } {
  const answers: Answers = {};
  const problems: Array<{ questionId: string; reason: string }> = [];
  for (const question of questions) {
    const raw = given[question.id];
    if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
    switch (question.type) {
      case 'score': {
        const scale = kind === 'custom' ? null : SCALES[kind];
        const score = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
        if (!scale || !Number.isInteger(score) || score < scale.min || score > scale.max) {
          problems.push({
            questionId: question.id,
            reason: scale ? `Choose a number from ${scale.min} to ${scale.max}` : 'Not a score',
          });
        } else answers[question.id] = score;
        break;
      }
      case 'choice': {
        const chosen = (Array.isArray(raw) ? raw : [raw]).map(String);
        if (!question.multiple && chosen.length > 1) problems.push({ questionId: question.id, reason: 'Choose one' });
        else if (chosen.some((option) => !question.options.includes(option)))
          problems.push({ questionId: question.id, reason: 'Choose one of the options shown' });
        else answers[question.id] = question.multiple ? chosen : chosen[0]!;
        break;
      }
      case 'text': {
        const text = typeof raw === 'string' ? raw.trim() : '';
        if (typeof raw !== 'string') problems.push({ questionId: question.id, reason: 'Write an answer' });
        else if (text.length > 5000) problems.push({ questionId: question.id, reason: 'At most 5,000 characters' });
        else if (text) answers[question.id] = text;
        break;
      }
    }
  }
  return { answers, problems };
}

/** The score answered, if the survey has a score question and it was answered. */
export function scoreOf(questions: readonly Question[], answers: Answers): number | null {
  const question = questions.find((candidate) => candidate.type === 'score');
  const value = question ? answers[question.id] : undefined;
  return typeof value === 'number' ? value : null;
}

/** The comment answered (the text question marked as the comment, else the first text question), if any. */
export function commentOf(questions: readonly Question[], answers: Answers): string | null {
  const texts = questions.filter((question) => question.type === 'text');
  const question = texts.find((candidate) => candidate.isComment) ?? texts[0];
  const value = question ? answers[question.id] : undefined;
  return typeof value === 'string' ? value : null;
}

/** Whether every required question has an answer: the response is complete, no longer partial. */
export function isComplete(questions: readonly Question[], answers: Answers): boolean {
  return questions.every((question) => !question.required || answers[question.id] !== undefined);
}

export type ScoreBand =
  | 'promoter'
  | 'passive'
  | 'detractor'
  | 'satisfied'
  | 'neutral'
  | 'unsatisfied'
  | 'easy'
  | 'hard';

/** NPS: 9–10 promoter, 7–8 passive, 0–6 detractor. CSAT: 4–5 satisfied, 3 neutral, 1–2 unsatisfied. CES: 5–7 easy, 1–3 hard. */
export function bandOf(kind: SurveyKind, score: number): ScoreBand | null {
  switch (kind) {
    case 'nps':
      return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    case 'csat':
      return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'unsatisfied';
    case 'ces':
      return score >= 5 ? 'easy' : score === 4 ? 'neutral' : 'hard';
    case 'custom':
      return null;
  }
}

/** NPS: % promoters − % detractors (−100 … 100); null without scores. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return ((promoters - detractors) / scores.length) * 100;
}

/** CSAT: % of 4–5 on 1–5; null without scores. */
export function satisfactionScore(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  return (scores.filter((score) => score >= 4).length / scores.length) * 100;
}

/** CES: the mean on 1–7; null without scores. */
export function effortScore(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}
