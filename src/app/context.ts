// The application's side of the HTTP framework's contract: the capabilities' types that widen the request
// context (declaration merging, as a Fastify plugin widens FastifyRequest), who a credential belongs to,
// and where an administrative change is recorded.
import type { Authenticator, AdministrativeAuditHook } from '../http/context.ts';
import type { ChannelRegistry } from '../channels/index.ts';
import type { OpenCasesSource } from '../customers/index.ts';
import type { SurveyLinkSource } from '../cases/index.ts';
import { type EmpowermentLimitHook, staffForApiToken, staffForSession, type StaffMember } from '../staff/index.ts';
import { findWriteKey, type WriteKey } from '../ingest/index.ts';
import { administrativeAuditEntry, recordAudit } from '../audit/index.ts';
import type { EventLog } from '../eventlog/index.ts';
import type { ProjectionControl } from '../pipeline/index.ts';

declare module '../http/context.ts' {
  interface AppDeps {
    channels: ChannelRegistry;
    /** The open cases on a customer's context card: cases sit above customers, so the app hands them down. */
    openCasesOf: OpenCasesSource;
    /** Gestures keep a staff member's per-gesture limit: staff sits below gestures, so the app connects them. */
    onEmpowermentLimitChanged: EmpowermentLimitHook;
    /** Mints the survey link a case reply's `{{survey.link}}` becomes: feedback sits above cases, so the app hands it down. */
    mintSurveyLink: SurveyLinkSource;
    /** Where the ingest edges append what they accept. */
    eventLog: EventLog;
    /** Applies the log to the database; reads wait on it (`?after=`), the edges hold back when it lags. */
    projector: ProjectionControl;
  }
  interface CallerStaff extends StaffMember {}
  interface CallerWriteKey extends WriteKey {}
}

export const authenticator: Authenticator = { staffForApiToken, staffForSession, findWriteKey };

export const recordAdministrativeChange: AdministrativeAuditHook = (tx, change) =>
  recordAudit(tx, administrativeAuditEntry(change.action, change.ctx, change.params, change.body, change.result));
