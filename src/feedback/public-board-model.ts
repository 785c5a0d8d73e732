// The public ideas board's pure rules: what a vote says as a request, how a status reads to a customer, and the
// little the board shows of who wrote a comment (her first name, never more).
import type { IdeaStatus } from './idea-model.ts';

/** Her words when all she did was vote: a request made this way, and only this way, can be withdrawn on the board. */
export const VOTE_TEXT = 'Voted on the public board';

/** Sign-in links work once, for half an hour; the session they open lasts a month. */
export const SIGN_IN_LINK_MS = 30 * 60_000;
export const SESSION_MS = 30 * 86_400_000;

export const STATUS_WORDS: Record<IdeaStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  declined: 'Declined',
  already_possible: 'Already possible',
};

/** What a status owes the reader next to it: why it was declined, or how to do it today. */
export const REASON_LABELS: Partial<Record<IdeaStatus, string>> = {
  declined: 'Why not',
  already_possible: 'How to do it today',
};

/** The first word of her name; null when there is none, or it looks like an address rather than a name. */
export function firstNameOf(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0] ?? '';
  if (!first || first.includes('@') || /^\d+$/.test(first)) return null;
  return first.slice(0, 40);
}

/** A board idea's request words: the title she gave, and what she wrote under it. */
export function wordsOfSubmission(title: string, body: string): string {
  return body.trim() ? `${title.trim()}\n\n${body.trim()}` : title.trim();
}
