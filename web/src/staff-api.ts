// Staff accounts beyond how they take cases: role, password reset, disabling, and personal API tokens
// (an admin's view of anyone's, and everyone's own under My account), and gesture limits.
import { client, dataOf } from './api/client.ts';
import type { StaffRole } from './api/types.ts';

export type { ApiToken, CreatedApiToken, GestureLimits, StaffAccount } from './api/types.ts';

/** The server's rule (src/staff/password-policy.ts), said before anyone types; the server gives the exact reason. */
export const PASSWORD_RULE =
  'At least 12 characters, and not a common password: a phrase of a few unrelated words works well.';

const byId = (id: string) => ({ params: { path: { id } } });

export const staffAccountsApi = {
  changeRole: (id: string, role: StaffRole) => dataOf(client.PATCH('/api/staff/{id}', { ...byId(id), body: { role } })),
  setDisabled: (id: string, disabled: boolean) =>
    dataOf(client.PATCH('/api/staff/{id}', { ...byId(id), body: { disabled } })),
  /** Sets the password they must sign in with from now on; ends their sessions and tokens. */
  resetPassword: (id: string, password: string) =>
    dataOf(client.POST('/api/staff/{id}/password', { ...byId(id), body: { password } })),
  /** The signed-in person's own tokens, or (admins) `staffId`'s. */
  tokens: (staffId?: string) => dataOf(client.GET('/api/tokens', { params: { query: staffId ? { staffId } : {} } })),
  createToken: (name: string) => dataOf(client.POST('/api/tokens', { body: { name } })),
  revokeToken: (id: string) => dataOf(client.DELETE('/api/tokens/{id}', byId(id))),
  gestureLimits: (id: string) => dataOf(client.GET('/api/staff/{id}/gesture-limits', byId(id))),
  /** null totals: the server's defaults (per case: one full gesture; per day: five). */
  setGestureLimits: (
    id: string,
    currency: string,
    limits: { perGesture: number; perCase: number | null; perDay: number | null },
  ) =>
    dataOf(
      client.PUT('/api/staff/{id}/gesture-limits/{currency}', { params: { path: { id, currency } }, body: limits }),
    ),
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    dataOf(client.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
};
