// Where sign-in lands when no page was asked for: managers on the dashboard, those who work cases on their inbox,
// others on customers.

/** Who is signing in, as `/api/auth/me` tells it. */
interface Landing {
  role: string;
  permissions?: string[];
  teamId?: string | null;
}

/**
 * Managers and admins, who read reports, land on the dashboard; agents on their inbox; a viewer, who reads cases
 * but does not work them, on customers.
 */
export function landingPath(staff: Landing): string {
  // The manager's home is the dashboard: first-contact resolution, SLA and spend are seen nowhere else.
  if (staff.permissions?.includes('reports:read')) return '/dashboard';
  const worksCases = staff.permissions?.includes('cases:write') ?? false;
  if (!worksCases) return '/';
  if (staff.role === 'admin' && !staff.teamId) return '/';
  return '/inbox';
}
