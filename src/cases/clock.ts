// The SLA clock of a case: its team's calendar and policy (or the default team's).
import type { Db } from '../store/db.ts';
import { findDefaultTeam, findTeam, type Team } from '../teams/index.ts';
import { findPolicy } from '../sla/index.ts';
import type { SlaClock } from '../sla/index.ts';

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
