// SQL for staff, their sessions and personal API tokens.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Role, StaffMember } from './model.ts';
import type { ApiTokenSchema } from './responses.ts';
import { fromMinorUnits } from '../shared/money.ts';

interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  department: string | null;
  team_id: string | null;
  skills: string;
  empowerment_limit: number;
  empowerment_currency: string;
  available: number;
  password_hash: string | null;
  created_at: number;
  disabled_at: number | null;
}

export interface StaffRecord extends StaffMember {
  passwordHash: string | null;
  disabled: boolean;
}

function toStaff(row: StaffRow): StaffRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    department: row.department,
    teamId: row.team_id,
    skills: JSON.parse(row.skills) as string[],
    empowermentLimit: {
      amount: fromMinorUnits(row.empowerment_limit, row.empowerment_currency),
      currency: row.empowerment_currency,
    },
    available: row.available === 1,
    createdAt: new Date(row.created_at).toISOString(),
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
  };
}

export async function insertStaff(
  db: Db,
  staff: {
    id: string;
    email: string;
    name: string;
    role: Role;
    department: string | null;
    passwordHash: string | null;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO staff (id, email, name, role, department, password_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [staff.id, staff.email, staff.name, staff.role, staff.department, staff.passwordHash, Date.now()],
  );
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffRecord | undefined> {
  const row = await db.get<StaffRow>('SELECT * FROM staff WHERE email = ?', [email]);
  return row && toStaff(row);
}

export async function findStaffById(db: Db, id: string): Promise<StaffRecord | undefined> {
  const row = await db.get<StaffRow>('SELECT * FROM staff WHERE id = ?', [id]);
  return row && toStaff(row);
}

export async function listStaff(db: Db): Promise<StaffRecord[]> {
  return (await db.all<StaffRow>('SELECT * FROM staff ORDER BY name')).map(toStaff);
}

export async function countStaff(db: Db): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff'))?.n ?? 0;
}

export async function insertSession(db: Db, tokenHash: string, staffId: string, expiresAt: number): Promise<void> {
  await db.run('INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    tokenHash,
    staffId,
    Date.now(),
    expiresAt,
  ]);
}

export async function findStaffBySession(db: Db, tokenHash: string, now: number): Promise<StaffRecord | undefined> {
  const row = await db.get<StaffRow>(
    `SELECT staff.* FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
     WHERE staff_sessions.token_hash = ? AND staff_sessions.expires_at > ? AND staff.disabled_at IS NULL`,
    [tokenHash, now],
  );
  return row && toStaff(row);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [tokenHash]);
}

export async function insertApiToken(
  db: Db,
  token: { id: string; staffId: string; name: string; tokenHash: string },
): Promise<void> {
  await db.run('INSERT INTO api_tokens (id, staff_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)', [
    token.id,
    token.staffId,
    token.name,
    token.tokenHash,
    Date.now(),
  ]);
}

/** The staff member behind a live token, with the token's id and last use (to record use sparingly). */
export async function findStaffByApiToken(
  db: Db,
  tokenHash: string,
): Promise<{ staff: StaffRecord; tokenId: string; lastUsedAt: number | null } | undefined> {
  const row = await db.get<StaffRow & { token_id: string; token_last_used_at: number | null }>(
    `SELECT staff.*, api_tokens.id AS token_id, api_tokens.last_used_at AS token_last_used_at
     FROM api_tokens JOIN staff ON staff.id = api_tokens.staff_id
     WHERE api_tokens.token_hash = ? AND api_tokens.revoked_at IS NULL AND staff.disabled_at IS NULL`,
    [tokenHash],
  );
  return row && { staff: toStaff(row), tokenId: row.token_id, lastUsedAt: row.token_last_used_at };
}

export async function touchApiToken(db: Db, id: string, now: number): Promise<void> {
  await db.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [now, id]);
}

interface ApiTokenRow {
  id: string;
  staff_id: string;
  name: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export type ApiTokenRecord = z.infer<typeof ApiTokenSchema>;

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toApiToken(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    staffId: row.staff_id,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: isoOrNull(row.last_used_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}

const API_TOKEN_COLUMNS = 'id, staff_id, name, created_at, last_used_at, revoked_at';

/** A person's tokens, live ones first, newest first (index api_tokens_staff). */
export async function listApiTokens(db: Db, staffId: string): Promise<ApiTokenRecord[]> {
  const rows = await db.all<ApiTokenRow>(
    `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE staff_id = ?
     ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC`,
    [staffId],
  );
  return rows.map(toApiToken);
}

export async function findApiToken(db: Db, id: string): Promise<ApiTokenRecord | undefined> {
  const row = await db.get<ApiTokenRow>(`SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`, [id]);
  return row && toApiToken(row);
}

export async function revokeApiToken(db: Db, id: string, now: number): Promise<void> {
  await db.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now, id]);
}

/** Ends every live token of a person (a new password, a disabled account); enabling them again does not undo it. */
export async function revokeApiTokensOf(db: Db, staffId: string, now: number): Promise<number> {
  return (
    await db.run('UPDATE api_tokens SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL', [now, staffId])
  ).changes;
}

export async function updateStaff(
  db: Db,
  id: string,
  changes: {
    name?: string;
    role?: Role;
    department?: string | null;
    passwordHash?: string;
    disabledAt?: number | null;
    teamId?: string | null;
    skills?: string[];
    empowerment?: { limit: number; currency: string };
    available?: boolean;
  },
): Promise<void> {
  const columns: Record<string, unknown> = {
    name: changes.name,
    role: changes.role,
    department: changes.department,
    team_id: changes.teamId,
    skills: changes.skills && JSON.stringify(changes.skills),
    empowerment_limit: changes.empowerment?.limit,
    empowerment_currency: changes.empowerment?.currency,
    available: changes.available === undefined ? undefined : changes.available ? 1 : 0,
    password_hash: changes.passwordHash,
    disabled_at: changes.disabledAt,
  };
  const set = Object.entries(columns).filter(([, value]) => value !== undefined);
  if (set.length === 0) return;
  await db.run(`UPDATE staff SET ${set.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`, [
    ...set.map(([, value]) => value as string | number | null),
    id,
  ]);
}

export async function deleteSessionsOf(db: Db, staffId: string): Promise<void> {
  await db.run('DELETE FROM staff_sessions WHERE staff_id = ?', [staffId]);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  return (
    (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND disabled_at IS NULL`))?.n ??
    0
  );
}

/** Whether a team exists and is archived, for a staff member's team: teams sit above staff, so its table is read here. */
export async function findTeamArchivedAt(db: Db, teamId: string): Promise<{ archived_at: number | null } | undefined> {
  return db.get<{ archived_at: number | null }>('SELECT archived_at FROM teams WHERE id = ?', [teamId]);
}

/** The team new agents and managers join until placed elsewhere, if one is marked default. */
export async function findDefaultTeamId(db: Db): Promise<string | undefined> {
  const team = await db.get<{ id: string }>('SELECT id FROM teams WHERE is_default = 1');
  return team?.id;
}
