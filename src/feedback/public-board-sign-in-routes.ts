// Signing in to the public ideas board: GET/POST /board/sign-in mails a one-time link (the answer is the same for
// every address, so it tells nobody who is a customer), GET /board/auth/:token shows a button and POST trades the
// link for the board's session cookie (a mail scanner opening the link uses nothing up), POST /board/sign-out ends it. Rate-limited per address and per email; no mail server, no sign-in.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { htmlPage } from '../http/openapi.ts';
import { assertSameOrigin } from '../http/same-origin.ts';
import { normaliseEmail } from '../customers/index.ts';
import { endSession, exchangeSignInToken, isFormTokenOf, sendSignInLink } from './public-board-sign-in.ts';
import { checkEmailPage, confirmSignInPage, formExpiredPage, linkUsedPage, signInPage } from './public-board-page.ts';
import {
  clearBoardCookie,
  closedAnswer,
  field,
  html,
  limitedAnswer,
  linksPerEmailOf,
  mailLinkBase,
  pageViewsOf,
  seeOther,
  setBoardCookie,
  signedIn,
  signInsOf,
} from './public-board-http.ts';

export const publicBoardSignInRoutes = [
  defineRoute({
    method: 'GET',
    url: '/board/sign-in',
    summary: 'Sign in to the public ideas board (HTML): asks for her email; says so when no mail server is set up',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    handler: async ({ ctx, request, reply }) => {
      const refused = (await closedAnswer(ctx, reply)) ?? limitedAnswer(pageViewsOf(ctx.db), request.ip, ctx, reply);
      if (refused) return refused;
      const available = ctx.channels.mailer() !== undefined;
      return html(reply, 200, signInPage(ctx.config.companyName, { available }, await signedIn(ctx, request)));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/board/sign-in',
    summary: 'Email a one-time sign-in link (form: email), valid 30 minutes; the answer is the same for every address',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    bodyLimit: 16 * 1024,
    handler: async ({ ctx, request, reply }) => {
      const refused = (await closedAnswer(ctx, reply)) ?? limitedAnswer(signInsOf(ctx.db), request.ip, ctx, reply);
      if (refused) return refused;
      assertSameOrigin(request);
      const company = ctx.config.companyName;
      const mailer = ctx.channels.mailer();
      if (!mailer) return html(reply, 503, signInPage(company, { available: false }, null));
      const sent = field(request, 'email');
      const email = normaliseEmail(sent);
      if (!email) {
        const error = 'Give your email address, like name@example.com';
        return html(reply, 400, signInPage(company, { available: true, email: sent.slice(0, 254), error }, null));
      }
      const perEmail = linksPerEmailOf(ctx.db);
      // Past the limit for this address nothing more is sent, and the answer stays the same.
      if (perEmail.retryAfter(email) === 0) {
        perEmail.hit(email);
        try {
          await sendSignInLink(ctx.db, mailer, email, {
            company,
            publicUrl: mailLinkBase(ctx, request),
          });
        } catch (error) {
          // A refusal may depend on the address (an unknown mailbox): told to nobody, so logged, not shown.
          request.log.warn({ err: error }, 'public board: the sign-in link could not be sent');
        }
      }
      return html(reply, 200, checkEmailPage(company));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/board/auth/:token',
    summary:
      'Open an emailed sign-in link (HTML): a button that signs her in; opening it uses nothing up, as mail scanners ' +
      'open links before she does',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    params: z.object({ token: z.string().max(200) }),
    handler: async ({ params, ctx, request, reply }) => {
      const refused = (await closedAnswer(ctx, reply)) ?? limitedAnswer(pageViewsOf(ctx.db), request.ip, ctx, reply);
      if (refused) return refused;
      return html(
        reply,
        200,
        confirmSignInPage(ctx.config.companyName, `/board/auth/${encodeURIComponent(params.token)}`),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/board/auth/:token',
    summary: 'Sign in with an emailed link: once, within 30 minutes; sets the board session cookie and goes to /board',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    params: z.object({ token: z.string().max(200) }),
    handler: async ({ params, ctx, request, reply }) => {
      const refused = (await closedAnswer(ctx, reply)) ?? limitedAnswer(signInsOf(ctx.db), request.ip, ctx, reply);
      if (refused) return refused;
      assertSameOrigin(request);
      const exchanged = await exchangeSignInToken(ctx.db, params.token);
      if (!exchanged) return html(reply, 410, linkUsedPage(ctx.config.companyName));
      setBoardCookie(reply, ctx, exchanged.session);
      return seeOther(reply, '/board');
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/board/sign-out',
    summary: 'Sign out of the public ideas board (form token): ends the session',
    tags: ['feedback'],
    response: htmlPage,
    auth: 'public',
    bodyLimit: 16 * 1024,
    handler: async ({ ctx, request, reply }) => {
      const refused = await closedAnswer(ctx, reply);
      if (refused) return refused;
      assertSameOrigin(request);
      const visitor = await signedIn(ctx, request);
      if (visitor && !isFormTokenOf(visitor.session, field(request, 'form'))) {
        return html(reply, 403, formExpiredPage(ctx.config.companyName, visitor));
      }
      if (visitor) await endSession(ctx.db, visitor.session);
      clearBoardCookie(reply);
      return seeOther(reply, '/board');
    },
  }),
];
