// Which conversation a new message belongs to. Reply headers and in-reply-to ids are the strongest
// evidence; failing those, the same customer on the same channel (and, for email, the same subject)
// within a window joins the case still being worked on.
import type { CaseStatus } from './model.ts';
import { isActive } from './model.ts';
import type { Channel } from '../interactions/index.ts';

const REPLY_PREFIX = /^\s*((re|fwd?|aw|sv|vs|antw|wg|tr)\s*(\[\d+\])?\s*:\s*)+/i;

const CASE_TAG = /\s*\[#\d+\]\s*/g;

// How a channel hands over the [#1042] tag of an email subject: `case-number:1042`.
const CASE_NUMBER_PREFIX = 'case-number:';
const CASE_NUMBER_REF = /^case-number:[1-9]\d{0,14}$/;

/**
 * A message's thread references, split: ids of earlier messages, looked up among the references the
 * channel stored, and the case numbers its `case-number:N` tags name, looked up among the cases.
 */
export function splitThreadRefs(threadRefs: readonly string[]): { messageIds: string[]; caseNumbers: number[] } {
  const messageIds: string[] = [];
  const caseNumbers: number[] = [];
  for (const ref of threadRefs) {
    if (!ref.startsWith(CASE_NUMBER_PREFIX)) messageIds.push(ref);
    else if (CASE_NUMBER_REF.test(ref)) caseNumbers.push(Number(ref.slice(CASE_NUMBER_PREFIX.length)));
  }
  return { messageIds, caseNumbers };
}

/** "RE: Fwd:  My order [#1042]" → "my order": the part of a subject that stays the same across replies. */
export function subjectKey(subject: string | null | undefined): string {
  return (subject ?? '').replace(REPLY_PREFIX, '').replace(CASE_TAG, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface ThreadCandidate {
  caseId: string;
  status: CaseStatus;
  channel: Channel;
  subject: string;
  lastActivityAt: number;
}

export interface IncomingForThreading {
  channel: Channel;
  subject: string | null;
  occurredAt: number;
}

/**
 * Picks the case a message without a known reference joins, from the customer's recent cases
 * (newest first): an active case on the same channel, within the window, with the same subject
 * when the channel has subjects.
 */
export function pickThreadByWindow(
  message: IncomingForThreading,
  candidates: readonly ThreadCandidate[],
  windowMs: number,
): string | null {
  const key = subjectKey(message.subject);
  const usesSubjects = message.channel === 'email';
  for (const candidate of candidates) {
    if (candidate.channel !== message.channel || !isActive(candidate.status)) continue;
    if (message.occurredAt - candidate.lastActivityAt > windowMs) continue;
    if (usesSubjects && (key === '' || subjectKey(candidate.subject) !== key)) continue;
    return candidate.caseId;
  }
  return null;
}

/** A short subject for a case that arrived without one (a tweet, a call): its first words. */
export function subjectFromText(text: string | null, fallback: string): string {
  const words = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!words) return fallback;
  return words.length <= 80 ? words : `${words.slice(0, 77).replace(/\s+\S*$/, '')}…`;
}
