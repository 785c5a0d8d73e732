// The public survey page: GET /s/:token shows the form (a score in the link, `?score=9`, is chosen but not yet
// sent: mail scanners open links), POST /s/:token takes the answers. Answers are appended to the event log before
// the thanks, keyed by the form's own id, so a retry or a restart never loses or doubles one. Rate-limited per address.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { htmlPage } from '../http/openapi.ts';
import { sendPublicPage } from '../http/public-page.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { perServer } from '../http/per-server.ts';
import { eventKey } from '../eventlog/index.ts';
import { feedbackErrors } from './errors.ts';
import { checkAnswers, commentOf, scoreOf } from './model.ts';
import { type LoggedSurveyAnswer, SURVEY_SOURCE, surveyAnswerSourceId, type AnswerOutcome } from './answers.ts';
import { openInvitation } from './service.ts';
import { alreadyAnsweredPage, expiredPage, receivedPage, surveyPage, thanksPage, unknownLinkPage } from './page.ts';

// Per address, per running server: enough for a household answering, too few to guess links.
const pageViewsOf = perServer(() => createRateLimiter({ max: 120, windowMs: 10 * 60 * 1000 }));
const submissionsOf = perServer(() => createRateLimiter({ max: 20, windowMs: 10 * 60 * 1000 }));

/** How long the thanks waits for the answers to be applied; past it they are kept and applied shortly. */
const ANSWER_WAIT_MS = 5_000;

const tokenParams = z.object({ token: z.string().max(200) });

function refuseWhenBusy(limiter: ReturnType<typeof pageViewsOf>, ip: string): void {
  const wait = limiter.retryAfter(ip);
  if (wait > 0) {
    throw feedbackErrors.error('too_many_requests', `Too many requests from your address; try again in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  }
  limiter.hit(ip);
}

export const publicSurveyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/s/:token',
    summary: 'The public survey page of an invitation (HTML, no sign-in); `?score=` preselects a score',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    params: tokenParams,
    query: z.object({ score: z.string().max(3).optional() }),
    handler: async ({ params, query, ctx, reply, request }) => {
      refuseWhenBusy(pageViewsOf(ctx.db), request.ip);
      const company = ctx.config.companyName;
      const opened = await openInvitation(ctx.db, params.token);
      if (opened.state === 'unknown') return sendPublicPage(reply, 404, unknownLinkPage(company));
      if (opened.state === 'expired') return sendPublicPage(reply, 410, expiredPage(company));
      if (opened.state === 'answered') return sendPublicPage(reply, 200, alreadyAnsweredPage(company));
      const scoreQuestion = opened.survey.questions.find((question) => question.type === 'score');
      return sendPublicPage(
        reply,
        200,
        surveyPage({
          company,
          kind: opened.survey.kind,
          questions: opened.survey.questions,
          action: `/s/${encodeURIComponent(params.token)}`,
          submission: randomUUID(),
          values: scoreQuestion && query.score ? { [scoreQuestion.id]: query.score } : {},
          answered: new Set(Object.keys(opened.answered?.answers ?? {})),
          errors: [],
        }),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/s/:token',
    summary:
      'Answer a survey (form fields named by question id, and `submission`, the form’s own id): kept even when ' +
      'partial; answers with the thanks page',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    bodyLimit: 64 * 1024,
    params: tokenParams,
    handler: async ({ params, ctx, reply, request }) => {
      refuseWhenBusy(submissionsOf(ctx.db), request.ip);
      const company = ctx.config.companyName;
      const opened = await openInvitation(ctx.db, params.token);
      if (opened.state === 'unknown') return sendPublicPage(reply, 404, unknownLinkPage(company));
      if (opened.state === 'expired') return sendPublicPage(reply, 410, expiredPage(company));
      if (opened.state === 'answered') return sendPublicPage(reply, 200, alreadyAnsweredPage(company));
      const { survey, invitation } = opened;
      const sent = (request.body ?? {}) as Record<string, unknown>;
      const submission =
        typeof sent.submission === 'string' && /^[\w-]{8,64}$/.test(sent.submission) ? sent.submission : randomUUID();
      const { answers, problems } = checkAnswers(survey.kind, survey.questions, sent);
      const alreadyAnswered = new Set(Object.keys(opened.answered?.answers ?? {}));
      const missing = survey.questions.filter(
        (question) => question.required && answers[question.id] === undefined && !alreadyAnswered.has(question.id),
      );
      // Nothing usable at all: ask again. Anything answered is kept, even with a required question still open.
      if (problems.length || Object.keys(answers).length === 0) {
        const errors = problems.length
          ? problems
          : missing.map((question) => ({ questionId: question.id, reason: 'Please answer this question' }));
        return sendPublicPage(
          reply,
          400,
          surveyPage({
            company,
            kind: survey.kind,
            questions: survey.questions,
            action: `/s/${encodeURIComponent(params.token)}`,
            submission,
            values: sent,
            answered: alreadyAnswered,
            errors: errors.length ? errors : [{ questionId: '', reason: 'Answer at least one question' }],
          }),
        );
      }
      const logged: LoggedSurveyAnswer = {
        invitationId: invitation.id,
        surveyId: survey.id,
        surveyName: survey.name,
        kind: survey.kind,
        customerId: invitation.customerId,
        caseId: invitation.caseId,
        submission,
        answers,
        score: scoreOf(survey.questions, answers),
        comment: commentOf(survey.questions, answers),
        submittedAt: Date.now(),
      };
      const appended = await ctx.eventLog.append({ edge: 'survey', actor: { kind: 'system', id: null } }, [
        { key: eventKey(SURVEY_SOURCE, surveyAnswerSourceId(logged)), body: logged },
      ]);
      const outcomes = await ctx.projector.outcomesOf(appended, ANSWER_WAIT_MS);
      const outcome = outcomes?.[0]?.detail as AnswerOutcome | undefined;
      if (!outcome) return sendPublicPage(reply, 200, receivedPage(company));
      if (!outcome.complete) {
        // A required question is still open: asked on its own, the answers so far kept.
        return sendPublicPage(
          reply,
          200,
          surveyPage({
            company,
            kind: survey.kind,
            questions: survey.questions,
            action: `/s/${encodeURIComponent(params.token)}`,
            submission: randomUUID(),
            values: {},
            answered: new Set([...alreadyAnswered, ...Object.keys(answers)]),
            errors: [],
          }),
        );
      }
      return sendPublicPage(reply, 200, thanksPage(company, outcome.followUpCaseId !== null));
    },
  }),
];
