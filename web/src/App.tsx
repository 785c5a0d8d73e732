// The app shell: finds out who is signed in, routes by path, and sends any 401 back to sign-in.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { api, setUnauthorizedHandler } from './api.ts';
import { queryKeys } from './queries.ts';
import { followLink, navigate, safeReturnPath, useLocation } from './router.ts';
import type { Staff } from './api/types.ts';
import { ErrorAlert, Loading } from './components/ErrorAlert.tsx';
import { Shell } from './components/Shell.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { Search } from './pages/Search.tsx';
import { Customer } from './pages/Customer.tsx';
import { WriteKeys } from './pages/WriteKeys.tsx';
import { StaffAccounts } from './pages/StaffAccounts.tsx';
import { MyAccount } from './pages/MyAccount.tsx';
import { landingPath } from './landing.ts';
import { Inbox } from './pages/Inbox.tsx';
import { Case } from './pages/Case.tsx';
import { Ideas } from './pages/Ideas.tsx';
import { Idea } from './pages/Idea.tsx';
import { AuditLog } from './pages/AuditLog.tsx';
import { Trends } from './pages/Trends.tsx';
import { Churn, Dashboard, JourneyMap, MetricDrill } from './pages/LazyReports.tsx';
import { ChurnSettings } from './pages/ChurnSettings.tsx';
import { Surveys } from './pages/Surveys.tsx';
import { SurveyBuilder } from './pages/SurveyBuilder.tsx';
import { SurveyResults } from './pages/SurveyResults.tsx';
import { Journeys } from './pages/Journeys.tsx';
import { JourneyEditor } from './pages/JourneyEditor.tsx';
import { Teams } from './pages/settings/Teams.tsx';
import { SlaPolicies } from './pages/settings/SlaPolicies.tsx';
import { AssignmentRules } from './pages/settings/AssignmentRules.tsx';
import { EscalationRules } from './pages/settings/EscalationRules.tsx';
import { ReplyTemplates } from './pages/settings/ReplyTemplates.tsx';
import { FlagRules } from './pages/settings/FlagRules.tsx';
import { CaseSettings } from './pages/settings/CaseSettings.tsx';
import { ListeningModels } from './pages/settings/ListeningModels.tsx';
import { FeedbackFeed } from './pages/FeedbackFeed.tsx';
import { FeedbackDashboard } from './pages/FeedbackDashboard.tsx';
import { AdvisoryBoards } from './pages/AdvisoryBoards.tsx';
import { AdvisoryBoard } from './pages/AdvisoryBoard.tsx';
import { RequirePermission } from './components/RequirePermission.tsx';
import { ShortcutsOverlay } from './components/ShortcutsOverlay.tsx';
import { PermissionsContext } from './permissions.ts';
import { StaffContext } from './staff.ts';

type Session =
  | { state: 'checking' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; staff: Staff }
  | { state: 'failed'; error: unknown };

function signInPathFrom(here: string): string {
  return here === '/' ? '/signin' : `/signin?next=${encodeURIComponent(here)}`;
}

export function App() {
  const { path, search, href } = useLocation();
  const queryClient = useQueryClient();
  // Who is signed in: null is nobody (a 401 from /api/auth/me just means that).
  const me = useQuery({
    queryKey: queryKeys.me(),
    queryFn: () => api.me().catch((error: unknown) => (isUnauthorized(error) ? null : Promise.reject(error))),
  });
  const session: Session =
    me.data === null
      ? { state: 'signed-out' }
      : me.data
        ? { state: 'signed-in', staff: me.data }
        : me.isError && !me.isFetching
          ? { state: 'failed', error: me.error }
          : { state: 'checking' };
  const setStaff = (staff: Staff | null) => {
    // What one person read is not shown to the next one signing in on this browser (no screen shows it now).
    if (staff !== null) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me()[0] });
    queryClient.setQueryData(queryKeys.me(), staff);
  };

  // A 401 anywhere means the session is gone; the effect below then moves to /signin.
  useEffect(() => setUnauthorizedHandler(() => queryClient.setQueryData(queryKeys.me(), null)), [queryClient]);

  const needsSignIn = session.state === 'signed-out' && path !== '/signin';
  useEffect(() => {
    if (needsSignIn) navigate(signInPathFrom(href), { replace: true });
  }, [needsSignIn, href]);

  const next = search.get('next');
  const signedInOnSignIn = session.state === 'signed-in' && path === '/signin';
  // Without a page to return to, sign-in lands where this person works: the inbox, or customers.
  const landing = session.state === 'signed-in' ? landingPath(session.staff) : '/';
  useEffect(() => {
    if (signedInOnSignIn) navigate(next ? safeReturnPath(next) : landing, { replace: true });
  }, [signedInOnSignIn, next, landing]);

  if (session.state === 'checking') {
    return (
      <main className="centered">
        <Loading label="Loading Rapport…" />
      </main>
    );
  }
  if (session.state === 'failed') {
    return (
      <main className="centered">
        <ErrorAlert error={session.error}>
          <button type="button" onClick={() => void me.refetch()}>
            Try again
          </button>
        </ErrorAlert>
      </main>
    );
  }
  if (session.state === 'signed-out' || path === '/signin') {
    return <SignIn onSignedIn={(staff) => setStaff(staff)} />;
  }

  const signOut = async () => {
    // Even if the server call fails, the agent asked to leave: forget the session here.
    await api.logout().catch(() => undefined);
    setStaff(null);
    navigate('/signin');
  };

  return (
    <PermissionsContext value={new Set(session.staff.permissions ?? [])}>
      <StaffContext value={session.staff}>
        <Shell staff={session.staff} onSignOut={signOut}>
          <Route path={path} />
          <ShortcutsOverlay canReadCases={(session.staff.permissions ?? []).includes('cases:read')} />
        </Shell>
      </StaffContext>
    </PermissionsContext>
  );
}

function Route({ path }: { path: string }) {
  if (path === '/') return <Search />;
  const customer = /^\/customers\/([^/]+)\/?$/.exec(path);
  if (customer?.[1]) return <Customer id={decodeURIComponent(customer[1])} />;
  if (path === '/inbox') return <Inbox />;
  const caseMatch = /^\/cases\/([^/]+)\/?$/.exec(path);
  if (caseMatch?.[1]) return <Case reference={decodeURIComponent(caseMatch[1])} />;
  const ideaMatch = /^\/ideas\/([^/]+)\/?$/.exec(path);
  if (path === '/ideas' || ideaMatch?.[1]) {
    return (
      <RequirePermission
        permission="customers:read"
        reason="Ideas keep customers’ words and who asked, so they are for staff who may read customer data."
      >
        {ideaMatch?.[1] ? <Idea key={ideaMatch[1]} reference={decodeURIComponent(ideaMatch[1])} /> : <Ideas />}
      </RequirePermission>
    );
  }
  if (path === '/dashboard' || path === '/dashboard/drill') {
    return (
      <RequirePermission
        permission="reports:read"
        reason="The dashboard compares teams and agents, so it is for managers and admins. Ask one of them for the numbers you need."
      >
        {path === '/dashboard' ? <Dashboard /> : <MetricDrill />}
      </RequirePermission>
    );
  }
  if (path === '/insights/trends') {
    return (
      <RequirePermission
        permission="customers:read"
        reason="Trends quote what customers wrote, so they are for staff who may read customer data."
      >
        <Trends />
      </RequirePermission>
    );
  }
  if (path === '/insights/churn') {
    return (
      <RequirePermission
        permission="reports:read"
        reason="Churn compares what customers went through and quotes why they left: a report for managers and admins."
      >
        <Churn />
      </RequirePermission>
    );
  }
  if (path === '/insights/churn/settings') {
    return (
      <RequirePermission permission="settings:manage">
        <ChurnSettings />
      </RequirePermission>
    );
  }
  if (path === '/feedback') {
    return (
      <RequirePermission permission="customers:read" reason={FEEDBACK_READERS}>
        <FeedbackFeed />
      </RequirePermission>
    );
  }
  if (path === '/feedback/health') {
    return (
      <RequirePermission permission="customers:read" reason={FEEDBACK_READERS}>
        <FeedbackDashboard />
      </RequirePermission>
    );
  }
  if (path === '/advisory-boards') {
    return (
      <RequirePermission permission="customers:read" reason={FEEDBACK_READERS}>
        <AdvisoryBoards />
      </RequirePermission>
    );
  }
  const board = /^\/advisory-boards\/([^/]+)\/?$/.exec(path);
  if (board?.[1]) {
    return (
      <RequirePermission permission="customers:read" reason={FEEDBACK_READERS}>
        <AdvisoryBoard id={decodeURIComponent(board[1])} />
      </RequirePermission>
    );
  }
  const surveys = surveyRoute(path);
  if (surveys) return surveys;
  const journeys = journeyRoute(path);
  if (journeys) return journeys;
  if (path === '/settings/write-keys') return <WriteKeys />;
  if (path === '/settings/staff') return <StaffAccounts />;
  if (path === '/account') return <MyAccount />;
  if (path === '/settings/audit') {
    return (
      <RequirePermission
        permission="audit:read"
        reason="Only managers and admins read who saw and changed what. Ask one of them if you need an entry."
      >
        <AuditLog />
      </RequirePermission>
    );
  }
  const helpDeskPage = HELP_DESK_SETTINGS[path];
  if (helpDeskPage) return <RequirePermission permission="settings:manage">{helpDeskPage}</RequirePermission>;
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{path}</code>.{' '}
        <a href="/" onClick={(event) => followLink(event, '/')}>
          Back to customers
        </a>
      </p>
    </section>
  );
}

/** Why feedback pages are closed to some: they quote what customers said. */
const FEEDBACK_READERS = 'Feedback quotes what customers said, so it is for staff who may read customer data.';
/** Surveys: the list and results for those who read customers, the builder for managers. */
function surveyRoute(path: string): ReactNode {
  const readable = (page: ReactNode) => (
    <RequirePermission
      permission="customers:read"
      reason="Survey results quote what customers wrote, so they are for staff who may read customer data."
    >
      {page}
    </RequirePermission>
  );
  if (path === '/surveys') return readable(<Surveys />);
  const builder = (id: string | null) => (
    <RequirePermission
      permission="settings:manage"
      reason="Only managers and admins define surveys. Ask one of them if a survey needs to change."
    >
      <SurveyBuilder id={id} />
    </RequirePermission>
  );
  if (path === '/surveys/new') return builder(null);
  const edit = /^\/surveys\/([^/]+)\/edit\/?$/.exec(path);
  if (edit?.[1]) return builder(decodeURIComponent(edit[1]));
  const results = /^\/surveys\/([^/]+)\/?$/.exec(path);
  if (results?.[1]) return readable(<SurveyResults id={decodeURIComponent(results[1])} />);
  return null;
}

/** Journeys: the list and maps for those who read reports, the editor for managers. */
function journeyRoute(path: string): ReactNode {
  const readable = (page: ReactNode) => (
    <RequirePermission
      permission="reports:read"
      reason="Journeys compare the experience of many customers, so they are for managers and admins."
    >
      {page}
    </RequirePermission>
  );
  if (path === '/journeys') return readable(<Journeys />);
  const editor = (id: string | null) => (
    <RequirePermission
      permission="settings:manage"
      reason="Only managers and admins define journeys. Ask one of them if a journey needs to change."
    >
      <JourneyEditor key={id ?? 'new'} id={id} />
    </RequirePermission>
  );
  if (path === '/journeys/new') return editor(null);
  const edit = /^\/journeys\/([^/]+)\/edit\/?$/.exec(path);
  if (edit?.[1]) return editor(decodeURIComponent(edit[1]));
  const map = /^\/journeys\/([^/]+)\/?$/.exec(path);
  if (map?.[1]) return readable(<JourneyMap key={map[1]} id={decodeURIComponent(map[1])} />);
  return null;
}

/** The help-desk settings managers change (Shell lists the same paths in the navigation). */
const HELP_DESK_SETTINGS: Partial<Record<string, ReactNode>> = {
  '/settings/teams': <Teams />,
  '/settings/sla-policies': <SlaPolicies />,
  '/settings/assignment-rules': <AssignmentRules />,
  '/settings/escalation-rules': <EscalationRules />,
  '/settings/templates': <ReplyTemplates />,
  '/settings/flag-rules': <FlagRules />,
  '/settings/cases': <CaseSettings />,
  '/settings/listening-models': <ListeningModels />,
};

function isUnauthorized(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'status' in error && error.status === 401;
}
