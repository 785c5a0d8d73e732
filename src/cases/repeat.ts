// Repeat contact: the customer comes back about the same matter within N days of an earlier case.
// The matter is the contact reason; a case without a reason cannot be called a repeat (it is
// linked later if an agent sets the reason).
import type { CaseRecord } from './model.ts';

export function findRepeatOf(
  opening: { id: string; reason: string | null; openedAt: number },
  earlierCases: readonly Pick<CaseRecord, 'id' | 'reason' | 'openedAt' | 'repeatOf'>[],
  windowMs: number,
): string | null {
  if (!opening.reason) return null;
  const match = earlierCases
    .filter((c) => c.id !== opening.id && c.reason === opening.reason)
    .filter((c) => c.openedAt <= opening.openedAt && opening.openedAt - c.openedAt <= windowMs)
    .sort((a, b) => b.openedAt - a.openedAt)[0];
  return match?.id ?? null;
}
