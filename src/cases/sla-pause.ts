// Pending means we wait on the customer: the resolution clock stands still until the case moves on.
import type { Db } from '../store/db.ts';
import { resumedDueAt } from '../sla/index.ts';
import { slaClockOf, teamOrDefault } from './clock.ts';
import type { CaseRecord, CaseStatus } from './model.ts';

/** The clock fields a status change sets: pausing on entering pending, resuming (later due) on leaving it. */
export async function resolutionClockChanges(
  db: Db,
  current: CaseRecord,
  nextStatus: CaseStatus,
  now: number,
): Promise<Pick<Partial<CaseRecord>, 'resolutionPausedAt' | 'resolutionDueAt'>> {
  if (nextStatus === current.status || current.resolutionDueAt === null) return {};
  if (nextStatus === 'pending') return { resolutionPausedAt: now };
  if (current.status !== 'pending' || current.resolutionPausedAt === null) return {};
  const clock = await slaClockOf(db, await teamOrDefault(db, current.teamId), current.slaPolicyId);
  return {
    resolutionPausedAt: null,
    resolutionDueAt: resumedDueAt(clock, current.resolutionDueAt, current.resolutionPausedAt, now),
  };
}
