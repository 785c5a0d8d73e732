// The frame around every signed-in screen: left navigation, and a top bar with who is signed in.
import type { ReactNode } from 'react';
import { followLink, useLocation } from '../router.ts';
import { humanize } from '../labels.ts';
import type { Staff } from '../types.ts';

interface ShellProps {
  staff: Staff;
  onSignOut: () => void;
  children: ReactNode;
}

export function Shell({ staff, onSignOut, children }: ShellProps) {
  const { path } = useLocation();
  const onCustomers = path === '/' || path.startsWith('/customers/');
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <a className="brand" href="/" onClick={(event) => followLink(event, '/')}>
          <span className="brand-mark" aria-hidden="true">R</span>
          Rapport
        </a>
        <ul>
          <li>
            <a href="/" className={onCustomers ? 'active' : undefined} aria-current={onCustomers ? 'page' : undefined} onClick={(event) => followLink(event, '/')}>
              <svg viewBox="0 0 24 24" aria-hidden="true" className="nav-icon">
                <circle cx="9" cy="8" r="3.5" />
                <path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5M16 4.8a3.4 3.4 0 0 1 0 6.4M18.5 14.8c1.6.8 2.6 2.5 3 5.2" />
              </svg>
              Customers
            </a>
          </li>
        </ul>
      </nav>
      <div className="workspace">
        <header className="topbar">
          <div className="whoami">
            <span className="avatar" aria-hidden="true">{initialsOf(staff.name || staff.email)}</span>
            <span>
              <strong>{staff.name || staff.email}</strong>
              <span className="muted">
                {' · '}
                {humanize(staff.role)}
                {staff.department ? ` · ${humanize(staff.department)}` : ''}
              </span>
            </span>
          </div>
          <button type="button" className="secondary" data-testid="signout" onClick={onSignOut}>
            Sign out
          </button>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}

function initialsOf(name: string): string {
  const parts = name.split(/[\s@.]+/).filter(Boolean);
  return parts.slice(0, 2).map((part) => part.charAt(0).toUpperCase()).join('');
}
