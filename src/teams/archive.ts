// Archiving instead of deleting: a team or SLA policy leaves every list and choice but stays for the
// cases it handled. Refused, with every obstacle named, while something still depends on it.
import type { Db } from '../store/db.ts';
import { teamErrors } from './errors.ts';
import { slaErrors } from '../sla/errors.ts';
import * as slaStore from '../sla/store.ts';
import * as teamStore from './store.ts';

export async function requireTeamRecord(db: Db, id: string): Promise<teamStore.Team> {
  const team = await teamStore.findTeam(db, id);
  if (!team) throw teamErrors.error('not_found', `No team ${id}`);
  return team;
}

export async function requirePolicyRecord(db: Db, id: string): Promise<slaStore.StoredPolicy> {
  const policy = await slaStore.findPolicy(db, id);
  if (!policy) throw slaErrors.error('not_found', `No SLA policy ${id}`);
  return policy;
}

/** Its members move to the default team. Archiving an archived team changes nothing. */
export async function archiveTeam(
  db: Db,
  id: string,
  now: number,
): Promise<{ team: teamStore.Team; membersMoved: number }> {
  return db.transaction(async (tx) => {
    const team = await requireTeamRecord(tx, id);
    if (team.archivedAt !== null) return { team, membersMoved: 0 };
    if (team.isDefault) {
      throw teamErrors.error('team_in_use', `${team.name} is the default team`, {
        errors: [{ field: 'isDefault', reason: 'Make another team the default first' }],
      });
    }
    const usage = await teamStore.teamUsage(tx, team.id);
    const problems = [
      ...(usage.activeCases
        ? [{ field: 'cases', reason: `${usage.activeCases} case(s) still being worked on: move or resolve them first` }]
        : []),
      ...usage.rules.map((rule) => ({ field: 'assignmentRules', reason: `Rule "${rule}" sends cases to this team` })),
    ];
    if (problems.length) throw teamErrors.error('team_in_use', `${team.name} is still in use`, { errors: problems });
    const fallback = (await teamStore.findDefaultTeam(tx))!;
    const membersMoved = await teamStore.moveMembers(tx, team.id, fallback.id);
    await teamStore.setTeamArchived(tx, team.id, now);
    return { team: { ...team, archivedAt: now }, membersMoved };
  });
}

/** Back without members; refused while its SLA policy is archived. */
export async function restoreTeam(db: Db, id: string): Promise<teamStore.Team> {
  return db.transaction(async (tx) => {
    const team = await requireTeamRecord(tx, id);
    const policy = team.slaPolicyId ? await slaStore.findPolicy(tx, team.slaPolicyId) : undefined;
    if (policy && policy.archivedAt !== null) {
      throw teamErrors.error('policy_archived', `Its SLA policy ${policy.name} is archived`, {
        errors: [{ field: 'slaPolicyId', reason: 'Restore the policy first, or give the team another one' }],
      });
    }
    await teamStore.setTeamArchived(tx, team.id, null);
    return { ...team, archivedAt: null };
  });
}

/** Cases already on it keep their clocks; refused while an active team runs on it. */
export async function archivePolicy(db: Db, id: string, now: number): Promise<slaStore.StoredPolicy> {
  return db.transaction(async (tx) => {
    const policy = await requirePolicyRecord(tx, id);
    if (policy.archivedAt !== null) return policy;
    const teams = await teamStore.teamsOnPolicy(tx, policy.id);
    if (teams.length) {
      throw slaErrors.error('policy_in_use', `${policy.name} is still in use`, {
        errors: teams.map((team) => ({
          field: 'teams',
          reason: `Team ${team} runs on this policy: give it another one first`,
        })),
      });
    }
    await slaStore.setPolicyArchived(tx, policy.id, now);
    return { ...policy, archivedAt: now };
  });
}

export async function restorePolicy(db: Db, id: string): Promise<slaStore.StoredPolicy> {
  return db.transaction(async (tx) => {
    const policy = await requirePolicyRecord(tx, id);
    await slaStore.setPolicyArchived(tx, policy.id, null);
    return { ...policy, archivedAt: null };
  });
}
