// Staff roles and what each may do. Every /api route names the permission it needs.

export const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'customers:read',
  'customers:pii',
  'customers:write',
  'customers:merge',
  'customers:export',
  'customers:erase',
  'interactions:write',
  'audit:read',
  'keys:manage',
  'staff:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: Permission[] = ['customers:read'];
const AGENT: Permission[] = [...VIEWER, 'customers:pii', 'customers:write', 'interactions:write'];
const MANAGER: Permission[] = [...AGENT, 'customers:merge', 'customers:export', 'audit:read'];
const ADMIN: Permission[] = [...PERMISSIONS];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  agent: new Set(AGENT),
  manager: new Set(MANAGER),
  admin: new Set(ADMIN),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...GRANTS[role]];
}

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: Role;
  department: string | null;
  createdAt: string;
}
