// The front door of staff: what other capabilities may use. Everything else in this folder is its own business.
export { type Permission, type Role, roleAllows, ROLES, type StaffMember } from './model.ts';
export { newPassword, PASSWORD_RULE, passwordProblem } from './password-policy.ts';
export {
  createApiToken,
  createStaff,
  type EmpowermentLimitHook,
  ensureFirstAdmin,
  staffForApiToken,
  staffForSession,
} from './service.ts';
export { listApiTokensByEmail, revokeApiToken } from './token-service.ts';
