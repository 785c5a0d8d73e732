// Staff roles and what each may do. Every /api route names the permission it needs; the HTTP framework
// checks it, staff assigns roles, so the table sits below both.

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
  'cases:read',
  'cases:write',
  'notes:write',
  'gestures:approve',
  'settings:manage',
  'audit:read',
  'reports:read',
  'keys:manage',
  'staff:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Any department's viewer (in-store, finance) reads cases and leaves notes on a customer.
const VIEWER: Permission[] = ['customers:read', 'cases:read', 'notes:write'];
const AGENT: Permission[] = [...VIEWER, 'customers:pii', 'customers:write', 'interactions:write', 'cases:write'];
const MANAGER: Permission[] = [
  ...AGENT,
  'customers:merge',
  'customers:export',
  'audit:read',
  // Metrics, journeys and churn compare teams and agents: a manager's view, not an agent's.
  'reports:read',
  'gestures:approve',
  'settings:manage',
];
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
