// A staff member as the rest of Rapport sees one; the role table itself is in src/shared/roles.ts.
import type { z } from 'zod';
import type { StaffMemberSchema } from './responses.ts';

export { PERMISSIONS, type Permission, permissionsOf, type Role, ROLES, roleAllows } from '../shared/roles.ts';

/** A staff member as the API shows one (signed in, listed, or as the caller of a request). */
export type StaffMember = z.infer<typeof StaffMemberSchema>;
