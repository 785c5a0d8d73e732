// What every public-board route shares: the HTML answer, the board's on/off switch, who is signed in (the board's
// own cookie, never staff's), the per-address limits, and the checks every write passes (same site, form token).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../http/context.ts';
import { createRateLimiter, type RateLimiter } from '../http/rate-limit.ts';
import { perServer } from '../http/per-server.ts';
import { assertSameOrigin } from '../http/same-origin.ts';
import { sendPublicPage } from '../http/public-page.ts';
import { readFeedbackSettings } from './settings.ts';
import { formTokenOf, isFormTokenOf, sessionEmail } from './public-board-sign-in.ts';
import { SESSION_MS } from './public-board-model.ts';
import { boardClosedPage, formExpiredPage, tooManyRequestsPage, type Visitor } from './public-board-page.ts';

/** The board's session cookie: sent only to the board's own pages. */
export const BOARD_COOKIE = 'rapport_board';
const COOKIE_PATH = '/board';

// Per address, per running server: plenty for reading and taking part, too few to flood the board or mailboxes.
export const pageViewsOf = perServer(() => createRateLimiter({ max: 300, windowMs: 10 * 60 * 1000 }));
export const writesOf = perServer(() => createRateLimiter({ max: 30, windowMs: 10 * 60 * 1000 }));
export const signInsOf = perServer(() => createRateLimiter({ max: 20, windowMs: 10 * 60 * 1000 }));
/** Links mailed to one address in an hour, whoever asks: nobody can fill a stranger's mailbox. */
export const linksPerEmailOf = perServer(() => createRateLimiter({ max: 3, windowMs: 60 * 60 * 1000 }));

/** Every board page is sent as the other public pages are. */
export const html = sendPublicPage;

/** A redirect after a form (the browser then GETs the page, so a reload sends nothing twice). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(location, 303);
}

/** Answers 404 with a friendly page while the board is off (read per request: switching it off closes it at once). */
export async function closedAnswer(ctx: RequestContext, reply: FastifyReply): Promise<FastifyReply | null> {
  if ((await readFeedbackSettings(ctx.db)).publicBoard) return null;
  return html(reply, 404, boardClosedPage(ctx.config.companyName));
}

/** Counts one request against the address; a 429 page when it is over its limit. */
export function limitedAnswer(
  limiter: RateLimiter,
  key: string,
  ctx: RequestContext,
  reply: FastifyReply,
): FastifyReply | null {
  const wait = limiter.retryAfter(key);
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    return html(reply, 429, tooManyRequestsPage(ctx.config.companyName, wait));
  }
  limiter.hit(key);
  return null;
}

export interface SignedIn extends Visitor {
  session: string;
}

export async function signedIn(ctx: RequestContext, request: FastifyRequest): Promise<SignedIn | null> {
  const session = request.cookies[BOARD_COOKIE];
  if (!session || session.length > 200) return null;
  const email = await sessionEmail(ctx.db, session);
  return email ? { email, session, formToken: formTokenOf(session) } : null;
}

export function setBoardCookie(reply: FastifyReply, ctx: RequestContext, session: string): void {
  reply.setCookie(BOARD_COOKIE, session, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: SESSION_MS / 1000,
  });
}

export function clearBoardCookie(reply: FastifyReply): void {
  reply.clearCookie(BOARD_COOKIE, { path: COOKIE_PATH });
}

/**
 * The checks every write passes, in order: the board is on, the address is within its limit, the form came from
 * this site (Sec-Fetch-Site or Origin, as for staff), she is signed in, and the form carries her session's token.
 * Either who she is, or the answer already given (a 404 page, a 429 page, a redirect to sign in, a 403 page).
 */
export async function checkWrite(
  ctx: RequestContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SignedIn | FastifyReply> {
  const closed = await closedAnswer(ctx, reply);
  if (closed) return closed;
  const limited = limitedAnswer(writesOf(ctx.db), request.ip, ctx, reply);
  if (limited) return limited;
  assertSameOrigin(request);
  const visitor = await signedIn(ctx, request);
  if (!visitor) return seeOther(reply, '/board/sign-in');
  const sent = (request.body ?? {}) as Record<string, unknown>;
  if (!isFormTokenOf(visitor.session, sent.form)) {
    return html(reply, 403, formExpiredPage(ctx.config.companyName, visitor));
  }
  return visitor;
}

/**
 * Where links mailed to a customer point: the configured public address, else this server's own port on localhost,
 * never the request's Host header. Anyone can send a sign-in request with a forged Host for someone else's address;
 * a link to their site would hand them her session when she clicks it.
 */
export function mailLinkBase(ctx: RequestContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `http://localhost:${request.socket.localPort}`;
}

/** A form field sent once as text (a field sent twice arrives as a list, and is nothing). */
export function field(request: FastifyRequest, name: string): string {
  const value = ((request.body ?? {}) as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
