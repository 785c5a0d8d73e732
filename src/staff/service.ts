// Staff use cases: accounts, sign-in sessions, personal API tokens, and the first admin.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../store/db.ts';
import { isCurrency, toMinorUnits } from '../shared/money.ts';
import { invalidField } from '../shared/errors.ts';
import { staffErrors } from './errors.ts';
import { hashSecret, newId, newSecret } from '../shared/ids.ts';
import type { Role, StaffMember } from './model.ts';
import { hashPassword, unknownAccountHash, verifyPassword } from './password.ts';
import * as store from './store.ts';

/** Told of a staff member's new per-gesture limit, in the same transaction (gestures keep it). */
export type EmpowermentLimitHook = (
  tx: Db,
  staffId: string,
  limit: { limit: number; currency: string },
) => Promise<void>;

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

function empowermentOf(limit: { amount: number; currency: string }): { limit: number; currency: string } {
  const minor = isCurrency(limit.currency) ? toMinorUnits(limit.amount, limit.currency) : null;
  if (minor === null) {
    throw invalidField(
      'empowermentLimit',
      'e.g. { "amount": 50, "currency": "USD" }',
      'The empowerment limit needs an ISO 4217 currency and an amount in its units',
    );
  }
  return { limit: minor, currency: limit.currency };
}

function publicStaff(record: store.StaffRecord): StaffMember {
  const { passwordHash: _hash, disabled: _disabled, ...staff } = record;
  return staff;
}

export async function createStaff(
  db: Db,
  input: { email: string; name: string; role: Role; department?: string | null; password?: string | null },
): Promise<StaffMember> {
  const email = input.email.trim().toLowerCase();
  if (await store.findStaffByEmail(db, email)) {
    throw staffErrors.error('staff_exists', `A staff member with email ${email} already exists`);
  }
  const id = newId('stf');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  await store.insertStaff(db, {
    id,
    email,
    name: input.name,
    role: input.role,
    department: input.department ?? null,
    passwordHash,
  });
  // A new agent takes cases from day one: the default team until a manager places them elsewhere.
  if (input.role === 'agent' || input.role === 'manager') {
    const teamId = await store.findDefaultTeamId(db);
    if (teamId) await store.updateStaff(db, id, { teamId });
  }
  const created = await store.findStaffById(db, id);
  return publicStaff(created!);
}

/** Ends every session and revokes every token of a person: after a new password or when disabled. */
async function endSessionsAndTokens(db: Db, staffId: string): Promise<void> {
  await store.deleteSessionsOf(db, staffId);
  await store.revokeApiTokensOf(db, staffId, Date.now());
}

/** Changes a staff member; disabling or a new password ends their sessions and tokens. The last admin stays an admin. */
export async function updateStaff(
  db: Db,
  id: string,
  changes: {
    name?: string;
    role?: Role;
    department?: string | null;
    disabled?: boolean;
    password?: string;
    teamId?: string | null;
    skills?: string[];
    empowermentLimit?: { amount: number; currency: string };
    available?: boolean;
  },
  options: {
    inSameTransaction?: (tx: Db, updated: StaffMember & { disabled: boolean }) => Promise<void>;
    /** Gestures keep the per-gesture limit; they sit above staff, so the app passes this in (AppDeps). */
    onEmpowermentLimitChanged?: EmpowermentLimitHook;
  } = {},
): Promise<StaffMember & { disabled: boolean }> {
  // Hashed before the transaction, so the database's writer is not held while a core works on it.
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  return db.transaction(async (tx) => {
    if (changes.teamId) {
      const team = await store.findTeamArchivedAt(tx, changes.teamId);
      if (!team) throw invalidField('teamId', 'Unknown team', `No team ${changes.teamId}`);
      if (team.archived_at !== null) {
        throw invalidField('teamId', 'Archived team: restore it first', `Team ${changes.teamId} is archived`);
      }
    }
    const current = await store.findStaffById(tx, id);
    if (!current) throw staffErrors.error('staff_not_found', `No staff member with id ${id}`);
    const losesAdmin =
      current.role === 'admin' && !current.disabled && ((changes.role && changes.role !== 'admin') || changes.disabled);
    if (losesAdmin && (await store.countActiveAdmins(tx)) <= 1) {
      throw staffErrors.error('last_admin', 'This is the last active admin: make someone else admin first');
    }
    await store.updateStaff(tx, id, {
      name: changes.name,
      role: changes.role,
      department: changes.department,
      passwordHash,
      disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? Date.now() : null,
      teamId: changes.teamId,
      skills: changes.skills,
      empowerment: changes.empowermentLimit && empowermentOf(changes.empowermentLimit),
      available: changes.available,
    });
    // The one figure of the staff form is the per-gesture limit in its currency; set sums stay.
    if (changes.empowermentLimit) {
      if (!options.onEmpowermentLimitChanged)
        throw new Error('updateStaff: an empowerment limit needs onEmpowermentLimitChanged');
      await options.onEmpowermentLimitChanged(tx, id, empowermentOf(changes.empowermentLimit));
    }
    if (changes.disabled || changes.password) await endSessionsAndTokens(tx, id);
    const record = (await store.findStaffById(tx, id))!;
    const updated = { ...publicStaff(record), disabled: record.disabled };
    await options.inSameTransaction?.(tx, updated);
    return updated;
  });
}

export async function listStaff(db: Db): Promise<Array<StaffMember & { disabled: boolean }>> {
  return (await store.listStaff(db)).map((record) => ({ ...publicStaff(record), disabled: record.disabled }));
}

/** Creates the first admin on an empty database; returns the generated password when one was made. */
export async function ensureFirstAdmin(
  db: Db,
  email: string,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await store.countStaff(db)) > 0) return { created: false };
  const generatedPassword = password ? undefined : randomBytes(12).toString('base64url');
  await db.transaction(async (tx) => {
    const admin = await createStaff(tx, {
      email,
      name: 'Administrator',
      role: 'admin',
      password: password ?? generatedPassword!,
    });
    // The first account of the trail: made by the install itself, not by anyone signed in.
    await recordAudit(tx, {
      actorKind: 'system',
      actorId: null,
      action: 'staff.created',
      customerId: null,
      detail: { target: admin.id, input: { email, role: 'admin' } },
    });
  });
  return { created: true, generatedPassword };
}

/** Checks email and password; on success opens a session and returns its secret (for the cookie). */
export async function signIn(
  db: Db,
  email: string,
  password: string,
): Promise<{ staff: StaffMember; sessionToken: string }> {
  const record = await store.findStaffByEmail(db, email.trim().toLowerCase());
  // Verify even for unknown emails so response time does not reveal which emails exist.
  const ok = await verifyPassword(password, record?.passwordHash ?? unknownAccountHash());
  if (!record?.passwordHash || record.disabled || !ok) {
    throw staffErrors.error('invalid_credentials', 'Email or password is wrong');
  }
  const sessionToken = newSecret('ses');
  await store.insertSession(db, hashSecret(sessionToken), record.id, Date.now() + SESSION_LIFETIME_MS);
  return { staff: publicStaff(record), sessionToken };
}

/**
 * A signed-in person changes their own password. The current one proves it is them; then every
 * session and token of theirs ends (a thief's too) and this browser gets a fresh session.
 */
export async function changeOwnPassword(
  db: Db,
  staffId: string,
  currentPassword: string,
  newPassword: string,
  options: { inSameTransaction?: (tx: Db) => Promise<void> } = {},
): Promise<{ staff: StaffMember; sessionToken: string }> {
  const record = await store.findStaffById(db, staffId);
  if (!record) throw staffErrors.error('staff_not_found', `No staff member with id ${staffId}`);
  if (!(await verifyPassword(currentPassword, record.passwordHash ?? unknownAccountHash())) || !record.passwordHash) {
    throw staffErrors.error('wrong_password', 'The current password is wrong; nothing was changed', {
      errors: [{ field: 'currentPassword', reason: 'is not your current password' }],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  const sessionToken = newSecret('ses');
  await db.transaction(async (tx) => {
    await store.updateStaff(tx, staffId, { passwordHash });
    await endSessionsAndTokens(tx, staffId);
    await store.insertSession(tx, hashSecret(sessionToken), staffId, Date.now() + SESSION_LIFETIME_MS);
    await options.inSameTransaction?.(tx);
  });
  return { staff: publicStaff(record), sessionToken };
}

export async function signOut(db: Db, sessionToken: string): Promise<void> {
  await store.deleteSession(db, hashSecret(sessionToken));
}

export async function staffForSession(db: Db, sessionToken: string): Promise<StaffMember | undefined> {
  const record = await store.findStaffBySession(db, hashSecret(sessionToken), Date.now());
  return record && publicStaff(record);
}

/** A token's last use is written at most once a minute, so reading with a token rarely writes. */
const LAST_USED_PRECISION_MS = 60_000;

export async function staffForApiToken(db: Db, token: string): Promise<StaffMember | undefined> {
  const found = await store.findStaffByApiToken(db, hashSecret(token));
  if (!found) return undefined;
  const now = Date.now();
  if (found.lastUsedAt === null || now - found.lastUsedAt >= LAST_USED_PRECISION_MS)
    await store.touchApiToken(db, found.tokenId, now);
  return publicStaff(found.staff);
}

/** A personal token for scripts; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  email: string,
  name: string,
): Promise<{ id: string; token: string; staff: StaffMember }> {
  const record = await store.findStaffByEmail(db, email.trim().toLowerCase());
  if (!record) throw staffErrors.error('staff_not_found', `No staff member with email ${email}`);
  const token = newSecret('rpt');
  const id = newId('tok');
  await store.insertApiToken(db, { id, staffId: record.id, name, tokenHash: hashSecret(token) });
  return { id, token, staff: publicStaff(record) };
}
