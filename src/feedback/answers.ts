// A customer's answers to a survey, as appended to the event log by the public page and projected in order: each
// submission lands on her timeline (its comment read by listening), adds to her response (partial answers are kept),
// and a low score opens a follow-up case so that someone reaches out; her later words join that case.
import type { Db } from '../store/db.ts';
import type { IncomingEvent } from '../interactions/index.ts';
import type { EdgeProjection } from '../pipeline/index.ts';
import { type CarriedMessage, carryToCase, escalationOpensCase, findCase } from '../cases/index.ts';
import { type Answers, bandOf, commentOf, isComplete, scoreOf, type SurveyKind } from './model.ts';
import { needsFollowUp } from './survey-model.ts';
import * as store from './store.ts';

/** One submission of the public form, as logged. `submission` is the form's own id: sent twice, it is one answer. */
export interface LoggedSurveyAnswer {
  invitationId: string;
  surveyId: string;
  surveyName: string;
  kind: SurveyKind;
  customerId: string;
  caseId: string | null;
  submission: string;
  answers: Answers;
  /** What this submission answered, as the timeline shows it. */
  score: number | null;
  comment: string | null;
  submittedAt: number;
}

export const SURVEY_SOURCE = 'survey';

export function surveyAnswerSourceId(answer: Pick<LoggedSurveyAnswer, 'invitationId' | 'submission'>): string {
  return `${answer.invitationId}:${answer.submission}`;
}

function toEvent(answer: LoggedSurveyAnswer): IncomingEvent {
  return {
    source: SURVEY_SOURCE,
    sourceId: surveyAnswerSourceId(answer),
    identities: [],
    customerId: answer.customerId,
    occurredAt: answer.submittedAt,
    channel: 'survey',
    direction: 'inbound',
    type: 'survey_response',
    event: null,
    department: null,
    actor: 'customer',
    text: answer.comment,
    properties: {
      surveyId: answer.surveyId,
      survey: answer.surveyName,
      kind: answer.kind,
      invitationId: answer.invitationId,
      ...(answer.caseId ? { aboutCaseId: answer.caseId } : {}),
      ...(answer.score !== null ? { score: answer.score, band: bandOf(answer.kind, answer.score) } : {}),
      answers: answer.answers,
    },
    context: null,
  };
}

/** What became of a submission, for the page that sent it. */
export interface AnswerOutcome {
  complete: boolean;
  followUpCaseId: string | null;
}

async function followUpMessage(
  tx: Db,
  answer: LoggedSurveyAnswer,
  followUpCaseId: string | null,
  priority: CarriedMessage['priority'],
): Promise<CarriedMessage> {
  const followUp = followUpCaseId ? await findCase(tx, followUpCaseId) : undefined;
  const scored = answer.score === null ? '' : ` ${answer.kind.toUpperCase()} ${answer.score}`;
  return {
    channel: 'survey',
    source: SURVEY_SOURCE,
    externalId: surveyAnswerSourceId(answer),
    // Her later words (the "why" after the score) join the case her score opened.
    threadRefs: followUp ? [`case-number:${followUp.number}`] : [],
    from: { identities: [] },
    subject: `Follow up:${scored} on “${answer.surveyName}”`,
    text: answer.comment ?? `Answered${scored} on “${answer.surveyName}”.`,
    occurredAt: answer.submittedAt,
    properties: { surveyId: answer.surveyId, invitationId: answer.invitationId },
    priority,
    historical: false,
  };
}

export const loggedSurveyAnswers: EdgeProjection = {
  decode: (body) => toEvent(body as LoggedSurveyAnswer),
  onStored: async (tx, _event, result, origin, body) => {
    const answer = body as LoggedSurveyAnswer;
    const survey = await store.findSurvey(tx, answer.surveyId);
    if (!survey || result.status === 'rejected') return;
    const existing = await store.findResponse(tx, answer.invitationId);
    const answers = { ...existing?.answers, ...answer.answers };
    const score = scoreOf(survey.questions, answers);
    const complete = isComplete(survey.questions, answers);
    let followUpCaseId = existing?.followUpCaseId ?? null;
    const interactionId = Number(result.interactionId);
    const opensFollowUp =
      followUpCaseId === null &&
      (needsFollowUp(survey, score) ||
        (answer.comment !== null &&
          (await escalationOpensCase(tx, await followUpMessage(tx, answer, null, undefined), interactionId))));
    if (opensFollowUp || (followUpCaseId !== null && answer.comment !== null)) {
      const priority = needsFollowUp(survey, score) ? survey.followUp.priority : undefined;
      const received = await carryToCase(
        tx,
        await followUpMessage(tx, answer, followUpCaseId, priority),
        result,
        origin.actor,
      );
      followUpCaseId ??= received.caseId;
    }
    await store.saveResponse(tx, {
      invitationId: answer.invitationId,
      surveyId: answer.surveyId,
      customerId: answer.customerId,
      caseId: answer.caseId,
      score,
      comment: commentOf(survey.questions, answers),
      answers,
      complete,
      firstAnsweredAt: existing?.firstAnsweredAt ?? answer.submittedAt,
      updatedAt: answer.submittedAt,
      followUpCaseId,
    });
    await store.markInvitationAnswered(tx, answer.invitationId, answer.submittedAt, complete);
    const outcome: AnswerOutcome = { complete, followUpCaseId };
    return { detail: outcome };
  },
  keepsOutcomes: true,
};
