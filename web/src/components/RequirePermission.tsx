// Keeps a screen for those whose role allows it; anyone else who follows a link there is told why not.
// The API refuses their changes anyway: this is so they are not handed a form that cannot work.
import type { ReactNode } from 'react';
import { useCan, type Permission } from '../permissions.ts';

const HELP_DESK_REASON =
  'Only managers and admins change how the help desk works. Ask one of them if something here needs to change.';

interface RequirePermissionProps {
  permission: Permission;
  /** Why the screen is not theirs, in words that fit it; by default, the help-desk settings' reason. */
  reason?: string;
  children: ReactNode;
}

export function RequirePermission({ permission, reason = HELP_DESK_REASON, children }: RequirePermissionProps) {
  const can = useCan();
  if (can(permission)) return children;
  return (
    <section className="page settings-page">
      <h1>Not available to your role</h1>
      <p className="lead muted">{reason}</p>
    </section>
  );
}
