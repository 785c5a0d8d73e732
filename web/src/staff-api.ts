// Staff accounts beyond how they take cases: role, password reset, disabling, and personal API tokens
// (an admin's view of anyone's, and everyone's own under My account), and gesture limits.
// TODO(contract): the answers below are typed by hand until the OpenAPI document describes them.
import { client, dataOf } from './api/client.ts';
import type { StaffMember, StaffRole } from './types.ts';

/** A staff account as the admin's list has it: also whether it is disabled. */
export type StaffAccount = StaffMember & { disabled?: boolean };

/** A personal API token as listed: never its secret. */
export interface ApiToken {
  id: string;
  staffId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  /** The secret, shown this once. */
  token: string;
}

/** A staff member's gesture limits in one currency (`GET /api/staff/:id/gesture-limits`). */
export interface GestureLimits {
  currency: string;
  perGesture: number;
  perCase: number;
  perDay: number;
  perCaseIsDefault: boolean;
  perDayIsDefault: boolean;
}

/** The server's rule (src/staff/password-policy.ts), said before anyone types; the server gives the exact reason. */
export const PASSWORD_RULE =
  'At least 12 characters, and not a common password: a phrase of a few unrelated words works well.';

const byId = (id: string) => ({ params: { path: { id } } });

export const staffAccountsApi = {
  changeRole: (id: string, role: StaffRole) =>
    dataOf<StaffAccount>(client.PATCH('/api/staff/{id}', { ...byId(id), body: { role } })),
  setDisabled: (id: string, disabled: boolean) =>
    dataOf<StaffAccount>(client.PATCH('/api/staff/{id}', { ...byId(id), body: { disabled } })),
  /** Sets the password they must sign in with from now on; ends their sessions and tokens. */
  resetPassword: (id: string, password: string) =>
    dataOf<StaffAccount>(client.POST('/api/staff/{id}/password', { ...byId(id), body: { password } })),
  /** The signed-in person's own tokens, or (admins) `staffId`'s. */
  tokens: (staffId?: string) =>
    dataOf<{ items: ApiToken[] }>(client.GET('/api/tokens', { params: { query: staffId ? { staffId } : {} } })),
  createToken: (name: string) => dataOf<CreatedApiToken>(client.POST('/api/tokens', { body: { name } })),
  revokeToken: (id: string) => dataOf<ApiToken>(client.DELETE('/api/tokens/{id}', byId(id))),
  gestureLimits: (id: string) =>
    dataOf<{ items: GestureLimits[] }>(client.GET('/api/staff/{id}/gesture-limits', byId(id))),
  /** null totals: the server's defaults (per case: one full gesture; per day: five). */
  setGestureLimits: (
    id: string,
    currency: string,
    limits: { perGesture: number; perCase: number | null; perDay: number | null },
  ) =>
    dataOf<GestureLimits>(
      client.PUT('/api/staff/{id}/gesture-limits/{currency}', { params: { path: { id, currency } }, body: limits }),
    ),
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    dataOf<{ id: string }>(client.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
};
