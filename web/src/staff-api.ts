// Staff accounts beyond how they take cases: role, password reset, disabling, and personal API tokens
// (an admin's view of anyone's, and everyone's own under My account).
import { request } from './api.ts';
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

/** The server's rule (src/staff/password-policy.ts), said before anyone types; the server gives the exact reason. */
export const PASSWORD_RULE =
  'At least 12 characters, and not a common password: a phrase of a few unrelated words works well.';

const staffPath = (id: string) => `/api/staff/${encodeURIComponent(id)}`;

export const staffAccountsApi = {
  changeRole: (id: string, role: StaffRole) =>
    request<StaffAccount>(staffPath(id), { method: 'PATCH', body: { role } }),
  setDisabled: (id: string, disabled: boolean) =>
    request<StaffAccount>(staffPath(id), { method: 'PATCH', body: { disabled } }),
  /** Sets the password they must sign in with from now on; ends their sessions and tokens. */
  resetPassword: (id: string, password: string) =>
    request<StaffAccount>(`${staffPath(id)}/password`, { method: 'POST', body: { password } }),
  /** The signed-in person's own tokens, or (admins) `staffId`'s. */
  tokens: (staffId?: string) =>
    request<{ items: ApiToken[] }>(`/api/tokens${staffId ? `?staffId=${encodeURIComponent(staffId)}` : ''}`),
  createToken: (name: string) => request<CreatedApiToken>('/api/tokens', { method: 'POST', body: { name } }),
  revokeToken: (id: string) => request<ApiToken>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    request<{ id: string }>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
};
