// Use cases for teams: list them with their members, create and replace one (archiving is in archive.ts).
// A team's name is its own, and it may keep the archived SLA policy it already has but not be given one.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { isUniqueViolation } from '../store/constraints.ts';
import { invalidField } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { type BusinessHours, findPolicy, isOpenAt } from '../sla/index.ts';
import { archiveTeamRecord, requireTeamRecord, restoreTeamRecord } from './archive.ts';
import { teamErrors } from './errors.ts';
import type { TeamSchema } from './responses.ts';
import * as teamStore from './store.ts';

export interface TeamSettings {
  name: string;
  department: string | null;
  timezone: string;
  businessHours: BusinessHours;
  holidays: string[];
  slaPolicyId: string | null;
  autoAssign: boolean;
  isDefault: boolean;
}

/** A team as the API shows it, with its members when they were read. */
export type TeamView = z.infer<typeof TeamSchema>;

export function teamView(team: teamStore.Team, members?: teamStore.TeamMember[]): TeamView {
  return {
    id: team.id,
    name: team.name,
    department: team.department,
    timezone: team.calendar.timezone,
    businessHours: team.calendar.hours,
    holidays: team.calendar.holidays,
    slaPolicyId: team.slaPolicyId,
    autoAssign: team.autoAssign,
    isDefault: team.isDefault,
    archivedAt: team.archivedAt === null ? null : new Date(team.archivedAt).toISOString(),
    openNow: isOpenAt(Date.now(), team.calendar),
    ...(members ? { members } : {}),
  };
}

function teamOf(id: string, settings: TeamSettings, archivedAt: number | null): teamStore.Team {
  const { timezone, businessHours: hours, holidays, ...rest } = settings;
  return { id, ...rest, calendar: { timezone, hours, holidays }, archivedAt };
}

/** A team may keep the archived policy it already has, but not be given one. */
async function requirePolicy(db: Db, id: string | null, current: string | null = null): Promise<void> {
  if (!id) return;
  const policy = await findPolicy(db, id);
  if (!policy) throw invalidField('slaPolicyId', 'Unknown SLA policy', `No SLA policy ${id}`);
  if (policy.archivedAt !== null && id !== current) {
    throw invalidField('slaPolicyId', 'Archived policy: restore it first', `SLA policy ${policy.name} is archived`);
  }
}

function nameTaken(): never {
  throw teamErrors.error('conflict', 'A team with that name already exists', {
    errors: [{ field: 'name', reason: 'Already taken' }],
  });
}

/** The name is checked first; the unique index stays the last word for two writes at once. */
async function saveUnderFreeName(tx: Db, team: teamStore.Team, write: () => Promise<void>): Promise<void> {
  const holder = await teamStore.findTeamByName(tx, team.name);
  if (holder && holder.id !== team.id) nameTaken();
  await write().catch((error: unknown) => {
    if (isUniqueViolation(error, 'teams', 'name')) nameTaken();
    throw error;
  });
}

export async function listTeamViews(db: Db, options: { includeArchived: boolean }): Promise<TeamView[]> {
  const teams = await teamStore.listTeams(db, options);
  return Promise.all(teams.map(async (team) => teamView(team, await teamStore.membersOf(db, team.id))));
}

export async function createTeam(db: Db, settings: TeamSettings): Promise<TeamView> {
  return db.transaction(async (tx) => {
    await requirePolicy(tx, settings.slaPolicyId);
    const team = teamOf(newId('team'), settings, null);
    await saveUnderFreeName(tx, team, () => teamStore.insertTeam(tx, team));
    return teamView(team);
  });
}

export async function replaceTeam(db: Db, id: string, settings: TeamSettings): Promise<TeamView> {
  return db.transaction(async (tx) => {
    const current = await requireTeamRecord(tx, id);
    await requirePolicy(tx, settings.slaPolicyId, current.slaPolicyId);
    if (settings.isDefault && current.archivedAt !== null) {
      throw invalidField('isDefault', 'Restore the team first', 'An archived team cannot be the default');
    }
    const team = teamOf(id, settings, current.archivedAt);
    await saveUnderFreeName(tx, team, () => teamStore.updateTeam(tx, team));
    return teamView(team);
  });
}

/** Its members move to the default team; the answer says how many. */
export async function archiveTeam(db: Db, id: string, now: number): Promise<TeamView & { membersMoved: number }> {
  const { team, membersMoved } = await archiveTeamRecord(db, id, now);
  return { ...teamView(team), membersMoved };
}

/** Back without members (the answer lists whoever was added since). */
export async function restoreTeam(db: Db, id: string): Promise<TeamView> {
  const team = await restoreTeamRecord(db, id);
  return teamView(team, await teamStore.membersOf(db, team.id));
}
