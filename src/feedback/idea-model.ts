// Ideas as product teams run them: statuses with the reason a requester is owed (why declined, how to do it today),
// requesters kept through merges, and which requesters still wait for a personal answer. Pure.
import { z } from 'zod';

export const IDEA_STATUSES = [
  'new',
  'under_review',
  'planned',
  'in_progress',
  'shipped',
  'declined',
  'already_possible',
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** The statuses a requester cannot be told without a reason: why not, or how to do it today. */
export const STATUSES_NEEDING_A_REASON: ReadonlySet<IdeaStatus> = new Set(['declined', 'already_possible']);

export function statusReasonProblem(status: IdeaStatus, reason: string | null): string | null {
  if (STATUSES_NEEDING_A_REASON.has(status) && !reason?.trim()) {
    return status === 'declined'
      ? 'Say why it is declined: every requester is owed the reason'
      : 'Say how to do it today: every requester is owed the way';
  }
  return null;
}

export const requesterSchema = z.strictObject({
  customerId: z.string().min(1).max(100),
  /** The interaction that asked (a post, a mail, a call), when there was one: her words are taken from it if none given. */
  interactionId: z.string().regex(/^\d+$/, 'an interaction id').optional(),
  text: z.string().trim().min(1).max(5000).optional(),
});
export type RequesterInput = z.infer<typeof requesterSchema>;

export interface Requester {
  customerId: string;
  interactionId: number | null;
  text: string;
  addedAt: number;
}

/**
 * The requesters of two ideas merged into one: every customer once, the earlier request kept and the later words
 * added to it, so no customer's words are lost.
 */
export function mergeRequesters(survivor: readonly Requester[], absorbed: readonly Requester[]): Requester[] {
  const byCustomer = new Map(survivor.map((requester) => [requester.customerId, { ...requester }]));
  for (const requester of absorbed) {
    const known = byCustomer.get(requester.customerId);
    if (!known) byCustomer.set(requester.customerId, { ...requester });
    else if (!known.text.includes(requester.text)) {
      const [first, second] = known.addedAt <= requester.addedAt ? [known, requester] : [requester, known];
      byCustomer.set(requester.customerId, {
        ...first,
        text: `${first.text}\n\n${second.text}`,
      });
    }
  }
  return [...byCustomer.values()].sort((a, b) => a.addedAt - b.addedAt || a.customerId.localeCompare(b.customerId));
}

/** A requester waits for an answer until she has a personal reply at or after her request. */
export function isAnswered(requester: Pick<Requester, 'addedAt'>, lastReplyAt: number | null): boolean {
  return lastReplyAt !== null && lastReplyAt >= requester.addedAt;
}
