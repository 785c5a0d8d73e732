// Archiving instead of deleting: a team leaves every list and choice but stays for the cases it
// handled. Refused, with every obstacle named, while something still depends on it. (SLA policies are
// archived the same way, in sla/service.ts.)
import type { Db } from '../store/db.ts';
import { teamErrors } from './errors.ts';
import { findPolicy } from '../sla/index.ts';
import * as teamStore from './store.ts';

export async function requireTeamRecord(db: Db, id: string): Promise<teamStore.Team> {
  const team = await teamStore.findTeam(db, id);
  if (!team) throw teamErrors.error('not_found', `No team ${id}`);
  return team;
}

/** Its members move to the default team. Archiving an archived team changes nothing. */
export async function archiveTeamRecord(
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
export async function restoreTeamRecord(db: Db, id: string): Promise<teamStore.Team> {
  return db.transaction(async (tx) => {
    const team = await requireTeamRecord(tx, id);
    const policy = team.slaPolicyId ? await findPolicy(tx, team.slaPolicyId) : undefined;
    if (policy && policy.archivedAt !== null) {
      throw teamErrors.error('policy_archived', `Its SLA policy ${policy.name} is archived`, {
        errors: [{ field: 'slaPolicyId', reason: 'Restore the policy first, or give the team another one' }],
      });
    }
    await teamStore.setTeamArchived(tx, team.id, null);
    return { ...team, archivedAt: null };
  });
}
