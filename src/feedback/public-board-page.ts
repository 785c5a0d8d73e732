// The public ideas board's pages, in the company's name: the list, one idea with its comments, signing in, and the
// friendly pages for a board that is closed, an idea not found, a link that no longer works. No script needed.
import { escapeHtml, publicPage } from '../http/public-page.ts';
import type { PublicIdea } from './public-board-store.ts';
import type { BoardIdeaPage } from './public-board-service.ts';
import { REASON_LABELS, STATUS_WORDS } from './public-board-model.ts';

/** Who is signed in on this page, and the token her forms carry. */
export interface Visitor {
  email: string;
  formToken: string;
}

const STYLE = `
  main { max-width: 720px; }
  .top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px; font-size: 0.95em; }
  .top form { display: inline; }
  .top button, .quiet { margin: 0; padding: 6px 12px; background: #fff; color: #1d3fb8; border: 1px solid #1d3fb8; }
  a { color: #1d3fb8; }
  .ideas, .comments { list-style: none; padding: 0; margin: 16px 0; }
  .ideas li { display: flex; gap: 12px; align-items: baseline; padding: 12px 0; border-bottom: 1px solid #e1e4ea; }
  .ideas .title { flex: 1; font-weight: 600; }
  .votes { white-space: nowrap; font-weight: 600; }
  .status { display: inline-block; padding: 2px 8px; border-radius: 999px; background: #e8ecf8; color: #1d2330; font-size: 0.875em; white-space: nowrap; }
  .sort a[aria-current] { font-weight: 700; text-decoration: none; color: #1d2330; }
  .muted { color: #4a5262; }
  .reason { background: #f6f7f9; border-left: 4px solid #2f5bea; padding: 8px 12px; margin: 16px 0; }
  .reason h2 { font-size: 1em; margin: 0; }
  .comments li { padding: 12px 0; border-bottom: 1px solid #e1e4ea; }
  .comments p { margin: 4px 0; }
  .notice { background: #e9f6ee; color: #15502d; padding: 12px; border-radius: 8px; }
  .vote { margin: 20px 0; }
  .vote p { margin: 0 0 4px; }
  .vote button { margin-top: 8px; }
`;

const votesInWords = (votes: number) => `${votes} ${votes === 1 ? 'vote' : 'votes'}`;
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((part) => part.trim())
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const tokenField = (visitor: Visitor) => `<input type="hidden" name="form" value="${escapeHtml(visitor.formToken)}">`;

/** Every board page: the company's name, and who is signed in (with a way out) or a way in. */
function boardPage(company: string, title: string, body: string, visitor: Visitor | null): string {
  const account = visitor
    ? `<span>Signed in as ${escapeHtml(visitor.email)}</span>
<form method="post" action="/board/sign-out">${tokenField(visitor)}<button type="submit">Sign out</button></form>`
    : `<a href="/board/sign-in">Sign in</a>`;
  return publicPage(
    `${title} — ${company}`,
    `<header class="top"><a href="/board">${escapeHtml(company)} ideas</a><nav aria-label="Account">${account}</nav></header>
${body}`,
    STYLE,
  );
}

export function boardListPage(
  company: string,
  ideas: readonly PublicIdea[],
  sort: 'votes' | 'newest',
  visitor: Visitor | null,
  form: { values: { title?: string; body?: string }; errors: string[] } = { values: {}, errors: [] },
): string {
  const sortLink = (value: 'votes' | 'newest', words: string) =>
    `<a href="/board?sort=${value}"${sort === value ? ' aria-current="page"' : ''}>${words}</a>`;
  const list = ideas.length
    ? `<ol class="ideas">${ideas
        .map(
          (idea) => `<li><a class="title" href="/board/ideas/${idea.number}">${escapeHtml(idea.title)}</a>
<span class="status">${STATUS_WORDS[idea.status]}</span><span class="votes">${votesInWords(idea.votes)}</span></li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">No ideas here yet. Be the first to suggest one.</p>';
  const errors = form.errors.length
    ? `<div class="errors" role="alert"><ul>${form.errors.map((error) => `<li>${escapeHtml(error)}</li>`).join('')}</ul></div>`
    : '';
  const suggest = visitor
    ? `<form method="post" action="/board/ideas">${tokenField(visitor)}${errors}
<label for="title">Your idea in a few words</label><input id="title" name="title" maxlength="200" required value="${escapeHtml(form.values.title ?? '')}">
<label for="body">Tell us more <span class="muted" style="font-weight:400">(optional)</span></label><textarea id="body" name="body" maxlength="10000">${escapeHtml(form.values.body ?? '')}</textarea>
<button type="submit">Suggest this idea</button></form>`
    : `<p><a href="/board/sign-in">Sign in with your email</a> to suggest an idea, vote and comment.</p>`;
  return boardPage(
    company,
    'Ideas',
    `<h1>Ideas for ${escapeHtml(company)}</h1>
<p>What would make ${escapeHtml(company)} better for you? Vote for the ideas you want most. A person reads every one.</p>
<nav class="sort" aria-label="Sort ideas">Sort by ${sortLink('votes', 'most votes')} · ${sortLink('newest', 'newest')}</nav>
${list}
<h2>Suggest an idea</h2>
${suggest}`,
    visitor,
  );
}

const NOTICES = {
  voted: 'Thank you: your vote counts.',
  unvoted: 'Your vote is removed.',
  kept: 'You asked us for this yourself, so your request stays: it counts as your vote.',
  commented: 'Thank you: your comment is posted.',
  submitted: 'Thank you: your idea is on the board, with your vote.',
} as const;
export type BoardNotice = keyof typeof NOTICES;
export const BOARD_NOTICES = Object.keys(NOTICES) as BoardNotice[];

export function boardIdeaPage(
  company: string,
  shown: Extract<BoardIdeaPage, { state: 'shown' }>,
  visitor: Visitor | null,
  notice: BoardNotice | undefined,
  commentError: string | null = null,
): string {
  const { idea } = shown;
  const action = `/board/ideas/${idea.number}`;
  const reasonLabel = REASON_LABELS[idea.status];
  const reason =
    reasonLabel && idea.statusReason
      ? `<section class="reason"><h2>${reasonLabel}</h2>${paragraphs(idea.statusReason)}</section>`
      : '';
  let vote = `<p><a href="/board/sign-in">Sign in with your email</a> to vote for this idea or comment on it.</p>`;
  if (visitor && shown.hers === 'none') {
    vote = `<form method="post" action="${action}/vote">${tokenField(visitor)}<button type="submit">Vote for this idea</button></form>`;
  } else if (visitor && shown.hers === 'vote') {
    vote = `<p>You voted for this idea.</p><form method="post" action="${action}/unvote">${tokenField(visitor)}<button type="submit" class="quiet">Remove my vote</button></form>`;
  } else if (visitor) {
    vote = '<p>You asked us for this idea: your request counts as your vote.</p>';
  }
  const comments = shown.comments.length
    ? `<ol class="comments">${shown.comments
        .map(
          (comment) =>
            `<li><p><strong>${escapeHtml(comment.firstName ?? 'A customer')}</strong> <span class="muted">· <time datetime="${new Date(comment.at).toISOString()}">${day(comment.at)}</time></span></p>${paragraphs(comment.text)}</li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">No comments yet.</p>';
  const commentForm = visitor
    ? `<form method="post" action="${action}/comments">${tokenField(visitor)}
${commentError ? `<div class="errors" role="alert">${escapeHtml(commentError)}</div>` : ''}
<label for="comment">Your comment <span class="muted" style="font-weight:400">(shown with your first name)</span></label><textarea id="comment" name="text" maxlength="5000" required></textarea>
<button type="submit">Post comment</button></form>`
    : '';
  return boardPage(
    company,
    idea.title,
    `<p><a href="/board">All ideas</a></p>
<h1>${escapeHtml(idea.title)}</h1>
<p><span class="status">${STATUS_WORDS[idea.status]}</span> <span class="votes">${votesInWords(shown.votes)}</span></p>
${notice ? `<p class="notice" role="status">${NOTICES[notice]}</p>` : ''}
${reason}
${paragraphs(idea.body)}
<div class="vote">${vote}</div>
<h2>Comments</h2>
${comments}
${commentForm}`,
    visitor,
  );
}

export function signInPage(
  company: string,
  options: { available: boolean; email?: string; error?: string },
  visitor: Visitor | null,
): string {
  const body = options.available
    ? `<p>We will email you a link to sign in: no password needed. It works once, within 30 minutes.</p>
${options.error ? `<div class="errors" role="alert">${escapeHtml(options.error)}</div>` : ''}
<form method="post" action="/board/sign-in">
<label for="email">Your email</label><input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="${escapeHtml(options.email ?? '')}">
<button type="submit">Email me a sign-in link</button></form>`
    : `<p>Signing in by email is not available here, so you cannot vote or comment for now. You can still <a href="/board">read the ideas</a>.</p>`;
  return boardPage(company, 'Sign in', `<h1>Sign in to the ideas board</h1>\n${body}`, visitor);
}

/** The same answer for every address, known or not: it tells nobody who is a customer. */
export function checkEmailPage(company: string): string {
  return boardPage(
    company,
    'Check your email',
    `<h1>Check your email</h1>
<p class="promise">If the address can receive email, a link to sign in is on its way.</p>
<p>Open it on this device within 30 minutes; it works once. Nothing arrived? Look in your spam folder, or <a href="/board/sign-in">ask for a new link</a>.</p>`,
    null,
  );
}

/**
 * What an emailed link opens: a button that signs her in. Opening the link changes nothing, because mail scanners
 * (Outlook's Safe Links and the like) open every link in a mail before she does and would use it up.
 */
export function confirmSignInPage(company: string, action: string): string {
  return boardPage(
    company,
    'Sign in',
    `<h1>Sign in to the ideas board</h1>
<p>Press the button to finish signing in on this device.</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">Sign in to the board</button></form>`,
    null,
  );
}

export function linkUsedPage(company: string): string {
  return boardPage(
    company,
    'Link no longer works',
    `<h1>This sign-in link no longer works</h1>
<p>Each link works once, within 30 minutes. <a href="/board/sign-in">Ask for a new link</a>; it takes a moment.</p>`,
    null,
  );
}

export function boardClosedPage(company: string): string {
  return publicPage(
    `Not found — ${company}`,
    `<h1>There is no ideas board here</h1>
<p>${escapeHtml(company)} does not have a public ideas board at the moment. To tell us an idea, simply write to us.</p>`,
    STYLE,
  );
}

export function ideaNotFoundPage(company: string, visitor: Visitor | null): string {
  return boardPage(
    company,
    'Idea not found',
    `<h1>We could not find this idea</h1>
<p>It may have been taken off the board. <a href="/board">See all the ideas</a>.</p>`,
    visitor,
  );
}

export function formExpiredPage(company: string, visitor: Visitor | null): string {
  return boardPage(
    company,
    'Please try again',
    `<h1>Please try again</h1>
<p>This form could not be accepted: it may have come from an old page. Go back, reload the page and send it again.</p>`,
    visitor,
  );
}

export function tooManyRequestsPage(company: string, seconds: number): string {
  return boardPage(
    company,
    'Too many requests',
    `<h1>Please wait a moment</h1>
<p>There were too many requests from your address. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.</p>`,
    null,
  );
}
