// The frame around every signed-in screen: left navigation (the inbox first, settings only for those allowed them),
// a top bar with who is signed in (and a line when customer data is behind), and the notice left by the last action.
import { useEffect, type ReactNode } from 'react';
import { followLink, useLocation } from '../router.ts';
import { humanize } from '../labels.ts';
import { showNotice, useNotice } from '../notice.ts';
import { useCan } from '../permissions.ts';
import { ProjectionLagNotice } from './ProjectionLagNotice.tsx';
import type { Staff } from '../api/types.ts';

interface ShellProps {
  staff: Staff;
  onSignOut: () => void;
  children: ReactNode;
}

export function Shell({ staff, onSignOut, children }: ShellProps) {
  const { path } = useLocation();
  const can = useCan();
  const onCustomers = path === '/' || path.startsWith('/customers/');
  const onInbox = path === '/inbox' || path.startsWith('/cases/');
  const showKeys = can('keys:manage');
  const showStaff = can('staff:manage');
  const showHelpDesk = can('settings:manage');
  const showAudit = can('audit:read');
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <a className="brand" href="/" onClick={(event) => followLink(event, '/')}>
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          Rapport
        </a>
        <ul>
          {can('reports:read') && (
            <NavItem to="/dashboard" active={path === '/dashboard' || path.startsWith('/dashboard/')} label="Dashboard">
              <rect x="3.5" y="3.5" width="7" height="9" rx="1.5" />
              <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
              <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
              <rect x="3.5" y="15.5" width="7" height="5" rx="1.5" />
            </NavItem>
          )}
          {can('cases:read') && (
            <NavItem to="/inbox" active={onInbox} label="Inbox">
              <path d="M3.5 13.5 6 5h12l2.5 8.5V19h-17zM3.5 13.5H8.5l1 2.5h5l1-2.5h5" />
            </NavItem>
          )}
          <NavItem to="/" active={onCustomers} label="Customers">
            <circle cx="9" cy="8" r="3.5" />
            <path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5M16 4.8a3.4 3.4 0 0 1 0 6.4M18.5 14.8c1.6.8 2.6 2.5 3 5.2" />
          </NavItem>
          {can('customers:read') && (
            <NavItem to="/ideas" active={path === '/ideas' || path.startsWith('/ideas/')} label="Ideas">
              <path d="M9 18.5h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2v.6h5v-.6c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z" />
            </NavItem>
          )}
          {can('customers:read') && (
            <NavItem to="/insights/trends" active={path === '/insights/trends'} label="Trends">
              <path d="M3.5 20.5h17M6 16.5v-4M10.5 16.5V9M15 16.5v-6M19.5 16.5V5.5M5 9.5l5-4.5 4.5 3.5 5-4.5" />
            </NavItem>
          )}
          {can('reports:read') && (
            <NavItem to="/journeys" active={path === '/journeys' || path.startsWith('/journeys/')} label="Journeys">
              <circle cx="5" cy="18" r="2.2" />
              <circle cx="19" cy="6" r="2.2" />
              <path d="M7 18h6.5a3.5 3.5 0 0 0 0-7h-3a3.5 3.5 0 0 1 0-7H17" />
            </NavItem>
          )}
          {can('reports:read') && (
            <NavItem to="/insights/churn" active={path.startsWith('/insights/churn')} label="Retention">
              <path d="M3.5 12h6M7 8.5 10.5 12 7 15.5M10.5 4.5h9v15h-9M14 12h6.5M17.5 8.5 21 12l-3.5 3.5" />
            </NavItem>
          )}
          {can('customers:read') && (
            <NavItem to="/surveys" active={path === '/surveys' || path.startsWith('/surveys/')} label="Surveys">
              <rect x="4.5" y="3.5" width="15" height="17" rx="2.5" />
              <path d="M8 8.5h8M8 12.5h8M8 16.5h4.5" />
            </NavItem>
          )}
          {can('customers:read') && (
            <NavItem to="/feedback" active={path === '/feedback'} label="Feedback">
              <path d="M4 5h16v11H10l-4.5 3.5V16H4zM8 9h8M8 12.5h5" />
            </NavItem>
          )}
          {can('customers:read') && (
            <NavItem to="/advisory-boards" active={path.startsWith('/advisory-boards')} label="Advisory boards">
              <circle cx="12" cy="7" r="2.6" />
              <circle cx="5.5" cy="10.5" r="2.2" />
              <circle cx="18.5" cy="10.5" r="2.2" />
              <path d="M3.5 19.5h17M7 19.5v-3a5 5 0 0 1 10 0v3" />
            </NavItem>
          )}
        </ul>
        {(showKeys || showStaff || showHelpDesk || showAudit) && (
          <>
            <h2 className="nav-heading" id="settings-nav">
              Settings
            </h2>
            <ul aria-labelledby="settings-nav">
              {showHelpDesk && <HelpDeskNavItems path={path} />}
              {showKeys && (
                <NavItem to="/settings/write-keys" active={path === '/settings/write-keys'} label="Write keys">
                  <circle cx="8" cy="15" r="4" />
                  <path d="m11 12 9-9M17 6l3 3M14.5 8.5l2.5 2.5" />
                </NavItem>
              )}
              {showStaff && (
                <NavItem to="/settings/staff" active={path === '/settings/staff'} label="Staff">
                  <rect x="3.5" y="4" width="17" height="16" rx="2.5" />
                  <circle cx="12" cy="10.5" r="2.8" />
                  <path d="M7.5 17c.9-2 2.5-3 4.5-3s3.6 1 4.5 3" />
                </NavItem>
              )}
              {showAudit && (
                <NavItem to="/settings/audit" active={path === '/settings/audit'} label="Audit log">
                  <path d="M6 3.5h9l3.5 3.5v13.5H6zM14.5 3.5V7.5h4M9 11h6.5M9 14.5h6.5M9 18h4" />
                </NavItem>
              )}
            </ul>
          </>
        )}
      </nav>
      <div className="workspace">
        <header className="topbar">
          <ProjectionLagNotice />
          <div className="whoami">
            <span className="avatar" aria-hidden="true">
              {initialsOf(staff.name || staff.email)}
            </span>
            <span>
              <strong>{staff.name || staff.email}</strong>
              <span className="muted">
                {' · '}
                {humanize(staff.role)}
                {staff.department ? ` · ${humanize(staff.department)}` : ''}
              </span>
            </span>
          </div>
          <a
            className="account-link"
            href="/account"
            aria-current={path === '/account' ? 'page' : undefined}
            onClick={(event) => followLink(event, '/account')}
          >
            My account
          </a>
          <button type="button" className="secondary" data-testid="signout" onClick={onSignOut}>
            Sign out
          </button>
        </header>
        <main className="content">
          <PathNotice path={path} />
          {children}
        </main>
      </div>
    </div>
  );
}

/** Managers' settings for how support is organised; the routes are in App.tsx. */
function HelpDeskNavItems({ path }: { path: string }) {
  return (
    <>
      <NavItem to="/settings/teams" active={path === '/settings/teams'} label="Teams">
        <circle cx="8" cy="9" r="3" />
        <circle cx="16.5" cy="9.5" r="2.5" />
        <path d="M2.5 19c.7-3 2.8-4.7 5.5-4.7s4.8 1.7 5.5 4.7M14.5 14.6c2.6-.4 5 .9 6 4.4" />
      </NavItem>
      <NavItem to="/settings/sla-policies" active={path === '/settings/sla-policies'} label="SLA policies">
        <circle cx="12" cy="13" r="7.5" />
        <path d="M12 9v4l2.5 2.5M9.5 3h5" />
      </NavItem>
      <NavItem to="/settings/assignment-rules" active={path === '/settings/assignment-rules'} label="Assignment rules">
        <path d="M4 6h9M4 12h9M4 18h9M17 5v14M14.5 16.5 17 19l2.5-2.5" />
      </NavItem>
      <NavItem to="/settings/escalation-rules" active={path === '/settings/escalation-rules'} label="Escalation rules">
        <path d="M12 20V5M6.5 10.5 12 5l5.5 5.5M4 20h16" />
      </NavItem>
      <NavItem to="/settings/templates" active={path === '/settings/templates'} label="Reply templates">
        <path d="M5 4h14v12H9l-4 4zM8.5 8.5h7M8.5 12h4.5" />
      </NavItem>
      <NavItem to="/settings/flag-rules" active={path === '/settings/flag-rules'} label="Flag rules">
        <path d="M5.5 21V4M5.5 4.5h11l-2.5 4 2.5 4h-11" />
      </NavItem>
      <NavItem to="/settings/cases" active={path === '/settings/cases'} label="Case settings">
        <circle cx="12" cy="12" r="3" />
        <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1" />
      </NavItem>
      <NavItem to="/settings/listening-models" active={path === '/settings/listening-models'} label="Listening models">
        <path d="M3 12h3l2-6 4 12 2-6h7" />
      </NavItem>
    </>
  );
}

function NavItem({ to, active, label, children }: { to: string; active: boolean; label: string; children: ReactNode }) {
  return (
    <li>
      <a
        href={to}
        className={active ? 'active' : undefined}
        aria-current={active ? 'page' : undefined}
        onClick={(event) => followLink(event, to)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="nav-icon">
          {children}
        </svg>
        {label}
      </a>
    </li>
  );
}

function PathNotice({ path }: { path: string }) {
  const notice = useNotice();
  const here = notice !== null && notice.path === path;
  // Moving on to another page retires the notice, so it is never shown out of context.
  useEffect(() => {
    if (notice && !here) showNotice(null);
  }, [notice, here]);
  if (!here) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="link-button" onClick={() => showNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}

function initialsOf(name: string): string {
  const parts = name.split(/[\s@.]+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}
