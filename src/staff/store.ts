// SQL for staff, their sessions and personal API tokens.
import type { Db } from '../store/db.ts';
import type { Role, StaffMember } from './model.ts';
import { fromMinorUnits } from '../gestures/money.ts';

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
    empowermentLimit: { amount: fromMinorUnits(row.empowerment_limit, row.empowerment_currency), currency: row.empowerment_currency },
    available: row.available === 1,
    createdAt: new Date(row.created_at).toISOString(),
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
  };
}

export async function insertStaff(
  db: Db,
  staff: { id: string; email: string; name: string; role: Role; department: string | null; passwordHash: string | null },
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

export async function findStaffByApiToken(db: Db, tokenHash: string): Promise<StaffRecord | undefined> {
  const row = await db.get<StaffRow>(
    `SELECT staff.* FROM api_tokens JOIN staff ON staff.id = api_tokens.staff_id
     WHERE api_tokens.token_hash = ? AND api_tokens.revoked_at IS NULL AND staff.disabled_at IS NULL`,
    [tokenHash],
  );
  return row && toStaff(row);
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
  return (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND disabled_at IS NULL`))?.n ?? 0;
}
