// SQL for teams: who works together, their business hours, holidays and SLA policy.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Role } from '../shared/roles.ts';
import type { Calendar, BusinessHours } from '../sla/index.ts';
import type { TeamMemberSchema } from './responses.ts';

export interface Team {
  id: string;
  name: string;
  department: string | null;
  calendar: Calendar;
  slaPolicyId: string | null;
  autoAssign: boolean;
  isDefault: boolean;
  /** When a manager archived it (epoch ms): kept for the cases it handled, offered for nothing new. */
  archivedAt: number | null;
}

interface TeamRow {
  id: string;
  name: string;
  department: string | null;
  timezone: string;
  business_hours: string;
  holidays: string;
  sla_policy_id: string | null;
  auto_assign: number;
  is_default: number;
  archived_at: number | null;
}

function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    calendar: {
      timezone: row.timezone,
      hours: JSON.parse(row.business_hours) as BusinessHours,
      holidays: JSON.parse(row.holidays) as string[],
    },
    slaPolicyId: row.sla_policy_id,
    autoAssign: row.auto_assign === 1,
    isDefault: row.is_default === 1,
    archivedAt: row.archived_at,
  };
}

export async function insertTeam(db: Db, team: Team): Promise<void> {
  if (team.isDefault) await db.run('UPDATE teams SET is_default = 0');
  await db.run(
    `INSERT INTO teams (id, name, department, timezone, business_hours, holidays, sla_policy_id, auto_assign, is_default, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      team.id,
      team.name,
      team.department,
      team.calendar.timezone,
      JSON.stringify(team.calendar.hours),
      JSON.stringify(team.calendar.holidays),
      team.slaPolicyId,
      team.autoAssign ? 1 : 0,
      team.isDefault ? 1 : 0,
      Date.now(),
    ],
  );
}

export async function updateTeam(db: Db, team: Team): Promise<void> {
  if (team.isDefault) await db.run('UPDATE teams SET is_default = 0 WHERE id <> ?', [team.id]);
  await db.run(
    `UPDATE teams SET name = ?, department = ?, timezone = ?, business_hours = ?, holidays = ?, sla_policy_id = ?,
            auto_assign = ?, is_default = ?
     WHERE id = ?`,
    [
      team.name,
      team.department,
      team.calendar.timezone,
      JSON.stringify(team.calendar.hours),
      JSON.stringify(team.calendar.holidays),
      team.slaPolicyId,
      team.autoAssign ? 1 : 0,
      team.isDefault ? 1 : 0,
      team.id,
    ],
  );
}

export async function findTeam(db: Db, id: string): Promise<Team | undefined> {
  const row = await db.get<TeamRow>('SELECT * FROM teams WHERE id = ?', [id]);
  return row && toTeam(row);
}

export async function findTeamByName(db: Db, name: string): Promise<Team | undefined> {
  const row = await db.get<TeamRow>('SELECT * FROM teams WHERE name = ?', [name]);
  return row && toTeam(row);
}

export async function findDefaultTeam(db: Db): Promise<Team | undefined> {
  const row = await db.get<TeamRow>('SELECT * FROM teams WHERE is_default = 1 LIMIT 1');
  return row && toTeam(row);
}

export async function listTeams(
  db: Db,
  options: { includeArchived: boolean } = { includeArchived: false },
): Promise<Team[]> {
  const where = options.includeArchived ? '' : 'WHERE archived_at IS NULL';
  return (await db.all<TeamRow>(`SELECT * FROM teams ${where} ORDER BY name`)).map(toTeam);
}

export async function setTeamArchived(db: Db, id: string, archivedAt: number | null): Promise<void> {
  await db.run('UPDATE teams SET archived_at = ? WHERE id = ?', [archivedAt, id]);
}

/** What still depends on a team: cases being worked on, and assignment rules that send cases to it. */
export async function teamUsage(db: Db, id: string): Promise<{ activeCases: number; rules: string[] }> {
  const cases = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM cases WHERE team_id = ? AND status IN ('new', 'open', 'pending')`,
    [id],
  );
  const rules = await db.all<{ name: string }>(
    'SELECT name FROM assignment_rules WHERE team_id = ? ORDER BY position',
    [id],
  );
  return { activeCases: cases?.n ?? 0, rules: rules.map((rule) => rule.name) };
}

/** Moves the active staff of one team to another; returns how many moved. */
export async function moveMembers(db: Db, fromTeamId: string, toTeamId: string): Promise<number> {
  return (await db.run('UPDATE staff SET team_id = ? WHERE team_id = ?', [toTeamId, fromTeamId])).changes;
}

/** An active member of a team with their live case load, as the team routes show them. */
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export async function membersOf(db: Db, teamId: string): Promise<TeamMember[]> {
  const rows = await db.all<{
    id: string;
    name: string;
    role: Role;
    skills: string;
    available: number;
    last_assigned_at: number | null;
    load: number;
  }>(
    `SELECT s.id, s.name, s.role, s.skills, s.available, s.last_assigned_at,
            (SELECT COUNT(*) FROM cases c WHERE c.assignee_id = s.id AND c.status IN ('new', 'open', 'pending')) AS load
     FROM staff s
     WHERE s.team_id = ? AND s.disabled_at IS NULL
     ORDER BY s.name`,
    [teamId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    skills: JSON.parse(row.skills) as string[],
    available: row.available === 1,
    lastAssignedAt: row.last_assigned_at,
    load: row.load,
  }));
}

export async function markAssigned(db: Db, staffId: string, at: number): Promise<void> {
  await db.run('UPDATE staff SET last_assigned_at = ? WHERE id = ?', [at, staffId]);
}
