// A staff member as the rest of Rapport sees one; the role table itself is in src/shared/roles.ts.
import type { Role } from '../shared/roles.ts';

export { PERMISSIONS, type Permission, permissionsOf, type Role, ROLES, roleAllows } from '../shared/roles.ts';

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: Role;
  department: string | null;
  teamId: string | null;
  skills: string[];
  /** The largest service-recovery gesture they may issue without approval. */
  empowermentLimit: { amount: number; currency: string };
  /** Takes new cases by automatic assignment. */
  available: boolean;
  createdAt: string;
}
