// The public ideas board (HTML, no staff sign-in): GET /board lists the public ideas, GET /board/ideas/:number shows
// one; signed in by an emailed link, a customer suggests an idea, votes, withdraws a vote and comments. Every write is
// a same-site form post carrying her session's form token, then a redirect. 404 for all of it while the board is off.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { htmlPage } from '../http/openapi.ts';
import { feedbackErrors } from './errors.ts';
import { boardIdea, commentOn, publicIdeas, submitIdea, voteFor, withdrawVote } from './public-board-service.ts';
import { BOARD_NOTICES, boardIdeaPage, boardListPage, ideaNotFoundPage } from './public-board-page.ts';
import {
  checkWrite,
  closedAnswer,
  field,
  html,
  limitedAnswer,
  pageViewsOf,
  seeOther,
  signedIn,
} from './public-board-http.ts';

const numberParams = z.object({ number: z.string().max(20) });
const ideaNumber = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

const submission = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Say what your idea is in a few words')
    .max(200, 'Keep the title under 200 characters'),
  body: z.string().trim().max(10_000, 'Keep it under 10,000 characters'),
});
const commentText = z
  .string()
  .trim()
  .min(1, 'Write your comment first')
  .max(5000, 'Keep the comment under 5,000 characters');

/** A write on an idea that is not (or no longer) public: the same friendly 404 as reading it. */
const isNotFound = (error: unknown) => feedbackErrors.is(error, 'not_found');

export const publicBoardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/board',
    summary: 'The public ideas board (HTML, no staff sign-in): public ideas by votes or newest; 404 while it is off',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    query: z.object({ sort: z.enum(['votes', 'newest']).catch('votes') }),
    handler: async ({ query, ctx, request, reply }) => {
      const refused = (await closedAnswer(ctx, reply)) ?? limitedAnswer(pageViewsOf(ctx.db), request.ip, ctx, reply);
      if (refused) return refused;
      const visitor = await signedIn(ctx, request);
      const ideas = await publicIdeas(ctx.db, query.sort);
      return html(reply, 200, boardListPage(ctx.config.companyName, ideas, query.sort, visitor));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/board/ideas/:number',
    summary:
      'One public idea (HTML): status and its reason, votes, comments by first name; a merged duplicate leads to ' +
      'the idea it lives on in',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    params: numberParams,
    query: z.object({ done: z.enum(BOARD_NOTICES).optional().catch(undefined) }),
    handler: async ({ params, query, ctx, request, reply }) => {
      const refused = (await closedAnswer(ctx, reply)) ?? limitedAnswer(pageViewsOf(ctx.db), request.ip, ctx, reply);
      if (refused) return refused;
      const visitor = await signedIn(ctx, request);
      const number = ideaNumber(params.number);
      const page =
        number === null ? { state: 'not_found' as const } : await boardIdea(ctx.db, number, visitor?.email ?? null);
      if (page.state === 'moved') return reply.redirect(`/board/ideas/${page.number}`, 301);
      if (page.state === 'not_found') return html(reply, 404, ideaNotFoundPage(ctx.config.companyName, visitor));
      return html(reply, 200, boardIdeaPage(ctx.config.companyName, page, visitor, query.done));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/board/ideas',
    summary: 'Suggest an idea on the public board (form: title, body, form token): public at once, she its requester',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    bodyLimit: 64 * 1024,
    handler: async ({ ctx, request, reply }) => {
      const visitor = await checkWrite(ctx, request, reply);
      if (!('email' in visitor)) return visitor;
      const values = { title: field(request, 'title'), body: field(request, 'body') };
      const parsed = submission.safeParse(values);
      if (!parsed.success) {
        const ideas = await publicIdeas(ctx.db, 'votes');
        const errors = parsed.error.issues.map((issue) => issue.message);
        return html(reply, 400, boardListPage(ctx.config.companyName, ideas, 'votes', visitor, { values, errors }));
      }
      const idea = await submitIdea(ctx.db, visitor.email, parsed.data, ctx.actor);
      return seeOther(reply, `/board/ideas/${idea.number}?done=submitted`);
    },
  }),
  ...(['vote', 'unvote'] as const).map((action) =>
    defineRoute({
      method: 'POST',
      url: `/board/ideas/:number/${action}`,
      summary:
        action === 'vote'
          ? 'Vote for a public idea (form token): she becomes a requester, "Voted on the public board"; twice is once'
          : 'Withdraw a vote made on the board (form token); a request she made elsewhere stays',
      tags: ['feedback'],
      response: htmlPage,
      auth: 'public',
      bodyLimit: 16 * 1024,
      params: numberParams,
      handler: async ({ params, ctx, request, reply }) => {
        const visitor = await checkWrite(ctx, request, reply);
        if (!('email' in visitor)) return visitor;
        const number = ideaNumber(params.number);
        try {
          if (number === null) throw feedbackErrors.error('not_found', 'No such idea');
          if (action === 'vote') {
            const idea = await voteFor(ctx.db, visitor.email, number, ctx.actor);
            return seeOther(reply, `/board/ideas/${idea.number}?done=voted`);
          }
          const { idea, outcome } = await withdrawVote(ctx.db, visitor.email, number, ctx.actor);
          return seeOther(reply, `/board/ideas/${idea.number}${outcome === 'kept' ? '?done=kept' : '?done=unvoted'}`);
        } catch (error) {
          if (isNotFound(error)) return html(reply, 404, ideaNotFoundPage(ctx.config.companyName, visitor));
          throw error;
        }
      },
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/board/ideas/:number/comments',
    summary:
      'Comment on a public idea (form: text, form token): shown with her first name; her request if she had none',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    bodyLimit: 64 * 1024,
    params: numberParams,
    handler: async ({ params, ctx, request, reply }) => {
      const visitor = await checkWrite(ctx, request, reply);
      if (!('email' in visitor)) return visitor;
      const number = ideaNumber(params.number);
      const text = commentText.safeParse(field(request, 'text'));
      try {
        if (number === null) throw feedbackErrors.error('not_found', 'No such idea');
        if (!text.success) {
          const page = await boardIdea(ctx.db, number, visitor.email);
          if (page.state !== 'shown') throw feedbackErrors.error('not_found', 'No such idea');
          const problem = text.error.issues[0]?.message ?? 'Write your comment first';
          return html(reply, 400, boardIdeaPage(ctx.config.companyName, page, visitor, undefined, problem));
        }
        const idea = await commentOn(ctx.db, visitor.email, number, text.data, ctx.actor);
        return seeOther(reply, `/board/ideas/${idea.number}?done=commented`);
      } catch (error) {
        if (isNotFound(error)) return html(reply, 404, ideaNotFoundPage(ctx.config.companyName, visitor));
        throw error;
      }
    },
  }),
];
