// Where sign-in lands when no page was asked for: those who work cases on their inbox, others on customers.

/** Who is signing in, as `/api/auth/me` tells it. */
interface Landing {
  role: string;
  permissions?: string[];
  teamId?: string | null;
}

/**
 * Agents and managers land on their inbox; an admin does when placed in a team (they take cases), and
 * otherwise on customers, like a viewer, who reads cases but does not work them.
 */
export function landingPath(staff: Landing): string {
  const worksCases = staff.permissions?.includes('cases:write') ?? false;
  if (!worksCases) return '/';
  if (staff.role === 'admin' && !staff.teamId) return '/';
  return '/inbox';
}
