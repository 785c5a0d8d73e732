// Personal API tokens listed and revoked: by their owner, by an admin for anyone, or by the operator
// at the command line. Creating one lives in service.ts beside sign-in.
import type { Db } from '../store/db.ts';
import { commonErrors } from '../shared/errors.ts';
import { staffErrors } from './errors.ts';
import { roleAllows, type StaffMember } from './model.ts';
import * as store from './store.ts';

export type ApiTokenInfo = store.ApiTokenRecord;

/** Who asks: a signed-in staff member (own tokens, or anyone's with staff:manage), or the operator at the command line. */
export type TokenCaller = StaffMember | 'operator';

function mayManage(caller: TokenCaller, ownerId: string): boolean {
  return caller === 'operator' || caller.id === ownerId || roleAllows(caller.role, 'staff:manage');
}

/** The tokens of `staffId` (the caller's own when omitted), live ones first. */
export async function listApiTokens(db: Db, caller: TokenCaller, staffId?: string): Promise<ApiTokenInfo[]> {
  const ownerId = staffId ?? (caller === 'operator' ? undefined : caller.id);
  if (!ownerId) throw commonErrors.error('invalid_input', 'Say whose tokens to list');
  if (!mayManage(caller, ownerId)) {
    throw commonErrors.error('forbidden', 'You may list only your own tokens; an admin may list anyone’s');
  }
  if (!(await store.findStaffById(db, ownerId)))
    throw staffErrors.error('staff_not_found', `No staff member with id ${ownerId}`);
  return store.listApiTokens(db, ownerId);
}

export async function listApiTokensByEmail(
  db: Db,
  email: string,
): Promise<{ staff: StaffMember; tokens: ApiTokenInfo[] }> {
  const staff = await store.findStaffByEmail(db, email.trim().toLowerCase());
  if (!staff) throw staffErrors.error('staff_not_found', `No staff member with email ${email}`);
  return { staff, tokens: await store.listApiTokens(db, staff.id) };
}

/** Revokes a token at once; revoking one already revoked changes nothing and answers the same. */
export async function revokeApiToken(db: Db, caller: TokenCaller, id: string): Promise<ApiTokenInfo> {
  const token = await store.findApiToken(db, id);
  // Someone else's token is "not found" to a non-admin: its existence is none of their business.
  if (!token || !mayManage(caller, token.staffId))
    throw staffErrors.error('token_not_found', `No token ${id} of yours`);
  await store.revokeApiToken(db, id, Date.now());
  return (await store.findApiToken(db, id))!;
}
