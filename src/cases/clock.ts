// The SLA clock of a case: its team's calendar and policy (or the default team's).
import type { Db } from '../store/db.ts';
import { findDefaultTeam, findTeam, type Team } from '../teams/index.ts';
import { findPolicy, openingDueTimes, retargetedResolutionDueAt } from '../sla/index.ts';
import type { SlaClock } from '../sla/index.ts';
import type { CasePriority, CaseRecord } from './model.ts';

export async function teamOrDefault(db: Db, teamId: string | null): Promise<Team | undefined> {
  return (teamId ? await findTeam(db, teamId) : undefined) ?? (await findDefaultTeam(db));
}

export async function slaClockOf(
  db: Db,
  team: Team | undefined,
  policyId: string | null = null,
): Promise<SlaClock | null> {
  const id = policyId ?? team?.slaPolicyId;
  const policy = id ? await findPolicy(db, id) : undefined;
  if (!policy) return null;
  return { policy, calendar: team?.calendar ?? { timezone: 'UTC', hours: {}, holidays: [] } };
}

/**
 * The due times of a case whose priority or team changes. New targets apply from the opening: an urgent case is due
 * sooner than the normal one was, and a case moved to another team runs on that team's hours and policy. Time
 * already spent waiting on the customer (pending) still counts in her favour.
 */
export async function retargetedDueTimes(
  db: Db,
  current: CaseRecord,
  next: { priority: CasePriority; teamId: string | null },
): Promise<Pick<CaseRecord, 'firstResponseDueAt' | 'resolutionDueAt' | 'slaPolicyId'>> {
  const clock = await slaClockOf(db, await teamOrDefault(db, next.teamId));
  const previousClock = await slaClockOf(db, await teamOrDefault(db, current.teamId), current.slaPolicyId);
  return {
    firstResponseDueAt: openingDueTimes(clock, next.priority, current.openedAt).firstResponseDueAt,
    resolutionDueAt: retargetedResolutionDueAt(
      { clock: previousClock, priority: current.priority, resolutionDueAt: current.resolutionDueAt },
      { clock, priority: next.priority },
      current.openedAt,
    ),
    slaPolicyId: clock?.policy.id ?? null,
  };
}
