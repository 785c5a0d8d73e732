// A survey as the builder edits it and turns it into what the API takes: questions with their ids following their
// prompts until fixed, choices one per line, days as typed. Pure, so the preview and the tests read the same draft.
import { z } from 'zod';
import type { Survey, SurveyKind, SurveyQuestion, SurveyTrigger } from '../api/types.ts';
import { CASE_PRIORITIES, SURVEY_KINDS } from '../choices.ts';
import { DEFAULT_THRESHOLDS, isScored } from './scales.ts';

export interface QuestionDraft {
  id: string;
  /** The id no longer follows the prompt: the manager typed it, or answers were already given under it. */
  idFixed: boolean;
  type: SurveyQuestion['type'];
  prompt: string;
  /** A choice question's options, one per line. */
  options: string;
  multiple: boolean;
  required: boolean;
  /** A text question whose answer is the response's comment (the follow-up "why"). */
  isComment: boolean;
}

/** When it is sent: by hand, after a resolved case, N days after an event, or every N days to a segment. */
export type TriggerChoice = SurveyTrigger['on'];

export interface SurveyDraft {
  name: string;
  kind: SurveyKind;
  questions: QuestionDraft[];
  trigger: TriggerChoice;
  /** The event's name and the days after it (trigger `event`). */
  triggerEvent: string;
  triggerAfterDays: string;
  /** Every so many days, to the holders of a flag or ('') everyone with an email address (trigger `periodic`). */
  triggerEveryDays: string;
  triggerFlag: string;
  quietDays: string;
  linkValidDays: string;
  followUp: { enabled: boolean; scoreAtMost: string; priority: (typeof CASE_PRIORITIES)[number] };
  active: boolean;
}

/** The company's name is the server's; a new survey's prompts say "us", which the manager may change. */
export const SCORE_PROMPTS: Record<Exclude<SurveyKind, 'custom'>, string> = {
  nps: 'How likely are you to recommend us to a friend or colleague?',
  csat: 'How satisfied are you with the help you got?',
  ces: 'How easy was it to get what you needed from us?',
};

const blank: Omit<QuestionDraft, 'id' | 'type' | 'prompt'> = {
  idFixed: false,
  options: '',
  multiple: false,
  required: false,
  isComment: false,
};

function scoreQuestion(kind: Exclude<SurveyKind, 'custom'>): QuestionDraft {
  return { ...blank, id: 'score', idFixed: true, type: 'score', prompt: SCORE_PROMPTS[kind], required: true };
}

function whyQuestion(kind: SurveyKind): QuestionDraft {
  const prompt = kind === 'custom' ? 'What would you like to tell us?' : 'What is the main reason for your answer?';
  return { ...blank, id: 'why', idFixed: true, type: 'text', prompt, isComment: true };
}

/** A new question of a type, its id unique among the others. */
export function newQuestion(type: 'choice' | 'text', others: readonly QuestionDraft[]): QuestionDraft {
  const prompt = type === 'choice' ? 'Which of these applies?' : 'Anything else you would like to tell us?';
  return {
    ...blank,
    id: uniqueId(slugOf(prompt), others),
    type,
    prompt,
    options: type === 'choice' ? 'Yes\nNo' : '',
  };
}

function draftQuestionOf(question: SurveyQuestion): QuestionDraft {
  // Saved ids stay: earlier answers are kept under them.
  const common = { ...blank, id: question.id, idFixed: true, prompt: question.prompt, required: question.required };
  switch (question.type) {
    case 'score':
      return { ...common, type: 'score' };
    case 'choice':
      return { ...common, type: 'choice', options: question.options.join('\n'), multiple: question.multiple };
    case 'text':
      return { ...common, type: 'text', isComment: question.isComment };
  }
}

const TRIGGER_DEFAULTS = {
  triggerEvent: 'Order Completed',
  triggerAfterDays: '3',
  triggerEveryDays: '90',
  triggerFlag: '',
};

/** Where the builder starts: the survey as saved, or a new NPS survey with the server's defaults. */
export function draftOf(survey: Survey | null): SurveyDraft {
  if (!survey) {
    return {
      name: '',
      kind: 'nps',
      questions: [scoreQuestion('nps'), whyQuestion('nps')],
      trigger: 'manual',
      ...TRIGGER_DEFAULTS,
      quietDays: '30',
      linkValidDays: '14',
      followUp: { enabled: true, scoreAtMost: String(DEFAULT_THRESHOLDS.nps), priority: 'high' },
      active: true,
    };
  }
  return {
    name: survey.name,
    kind: survey.kind,
    questions: survey.questions.map(draftQuestionOf),
    trigger: survey.trigger.on,
    ...TRIGGER_DEFAULTS,
    ...(survey.trigger.on === 'event'
      ? { triggerEvent: survey.trigger.event, triggerAfterDays: String(survey.trigger.afterDays) }
      : {}),
    ...(survey.trigger.on === 'periodic'
      ? { triggerEveryDays: String(survey.trigger.everyDays), triggerFlag: survey.trigger.flag ?? '' }
      : {}),
    quietDays: String(survey.quietDays),
    linkValidDays: String(survey.linkValidDays),
    followUp: { ...survey.followUp, scoreAtMost: String(survey.followUp.scoreAtMost) },
    active: survey.active,
  };
}

/**
 * The questions after a new survey's kind changed: a custom survey has no score question, a scored one has one
 * (its prompt follows the kind unless the manager rewrote it); the others stay as they are.
 */
export function questionsForKind(
  questions: readonly QuestionDraft[],
  from: SurveyKind,
  to: SurveyKind,
): QuestionDraft[] {
  const others = questions.filter((question) => question.type !== 'score');
  if (!isScored(to)) return others;
  const score = questions.find((question) => question.type === 'score');
  if (!score) return [scoreQuestion(to), ...others];
  const untouched = isScored(from) && score.prompt === SCORE_PROMPTS[from];
  return questions.map((question) =>
    question === score && untouched ? { ...question, prompt: SCORE_PROMPTS[to] } : question,
  );
}

/** The follow-up rule after the kind changed: the kind's own detractor threshold; none for a custom survey. */
export function followUpForKind(followUp: SurveyDraft['followUp'], to: SurveyKind): SurveyDraft['followUp'] {
  return isScored(to)
    ? { ...followUp, enabled: true, scoreAtMost: String(DEFAULT_THRESHOLDS[to]) }
    : { ...followUp, enabled: false, scoreAtMost: '0' };
}

/** An id from a prompt as the API takes ids: `What did you buy?` → `what_did_you_buy`; at most a few words. */
export function slugOf(prompt: string): string {
  const words = prompt
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (!words[0]) return 'question';
  let slug = words[0].slice(0, 32);
  for (const word of words.slice(1)) {
    const longer = `${slug}_${word}`;
    if (longer.length > 32) break;
    slug = longer;
  }
  return /^[a-z]/.test(slug) ? slug : `q_${slug}`;
}

/** `base`, else `base_2`, `base_3`… whichever no other question has. */
export function uniqueId(base: string, others: readonly Pick<QuestionDraft, 'id'>[]): string {
  const taken = new Set(others.map((question) => question.id));
  if (!taken.has(base)) return base;
  for (let number = 2; ; number += 1) {
    const suffix = `_${number}`;
    const candidate = `${base.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The options of a choice question as typed, one per line, blank lines left out. */
export function optionsOf(text: string): string[] {
  return text
    .split('\n')
    .map((option) => option.trim())
    .filter(Boolean);
}

function questionOf(draft: QuestionDraft): SurveyQuestion {
  const { id, prompt, required } = draft;
  switch (draft.type) {
    case 'score':
      return { id, type: 'score', prompt, required };
    case 'choice':
      return { id, type: 'choice', prompt, options: optionsOf(draft.options), multiple: draft.multiple, required };
    case 'text':
      return { id, type: 'text', prompt, isComment: draft.isComment, required };
  }
}

// Days and thresholds are whole numbers; their ranges, the ids' form and the questions as a whole are the server's
// rules, refused beside their fields.
const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d+$/, 'Write a whole number')
  .transform((text) => Number(text));

const questionDraftSchema = z.object({
  id: z.string().trim(),
  idFixed: z.boolean(),
  type: z.enum(['score', 'choice', 'text']),
  prompt: z.string(),
  options: z.string(),
  multiple: z.boolean(),
  required: z.boolean(),
  isComment: z.boolean(),
});

/** The draft as the API takes it. */
export function surveyDraftSchema() {
  return z
    .object({
      name: z.string(),
      kind: z.enum(SURVEY_KINDS),
      questions: z.array(questionDraftSchema),
      trigger: z.enum(['manual', 'case_resolved', 'event', 'periodic']),
      triggerEvent: z.string().trim(),
      triggerAfterDays: z.string(),
      triggerEveryDays: z.string(),
      triggerFlag: z.string(),
      quietDays: wholeNumber,
      linkValidDays: wholeNumber,
      followUp: z.object({ enabled: z.boolean(), scoreAtMost: wholeNumber, priority: z.enum(CASE_PRIORITIES) }),
      active: z.boolean(),
    })
    .transform((draft) => ({
      name: draft.name,
      kind: draft.kind,
      questions: draft.questions.map(questionOf),
      trigger: triggerOf(draft),
      quietDays: draft.quietDays,
      linkValidDays: draft.linkValidDays,
      followUp: isScored(draft.kind) ? draft.followUp : { enabled: false, scoreAtMost: 0, priority: 'normal' as const },
      active: draft.active,
    }));
}

export type SurveyInput = z.output<ReturnType<typeof surveyDraftSchema>>;

/** The trigger as the API takes it; days as typed (a bad number is the server's to refuse beside its field). */
function triggerOf(
  draft: Pick<SurveyDraft, 'trigger' | 'triggerEvent' | 'triggerAfterDays' | 'triggerEveryDays' | 'triggerFlag'>,
): SurveyTrigger {
  switch (draft.trigger) {
    case 'event':
      return { on: 'event', event: draft.triggerEvent.trim(), afterDays: Number(draft.triggerAfterDays) };
    case 'periodic':
      return { on: 'periodic', everyDays: Number(draft.triggerEveryDays), flag: draft.triggerFlag || null };
    default:
      return { on: draft.trigger };
  }
}

/** The API's field names the builder shows beside a field, for a survey of `questionCount` questions. */
export function surveyFieldNames(questionCount: number): string[] {
  const perQuestion = Array.from({ length: questionCount }, (_, index) =>
    ['id', 'prompt', 'options'].map((field) => `questions.${index}.${field}`),
  ).flat();
  return [
    'name',
    'questions',
    ...perQuestion,
    'trigger',
    'trigger.event',
    'trigger.afterDays',
    'trigger.everyDays',
    'trigger.flag',
    'quietDays',
    'linkValidDays',
    'followUp.scoreAtMost',
    'followUp.priority',
    'active',
  ];
}
