// An audit entry as `GET /api/audit` lists it (src/audit/routes.ts): who did what, to which customer, from where.

export type AuditActorKind = 'staff' | 'write_key' | 'cli' | 'system';

export interface AuditEntry {
  /** Grows with every entry; the next page is asked for as `before` the last id shown. */
  id: number;
  /** ISO time. */
  at: string;
  actorKind: AuditActorKind;
  /** A staff id or a write key id; null for the command line and the system. */
  actorId: string | null;
  /** `kind.verb`, e.g. `team.archived`. */
  action: string;
  customerId: string | null;
  /**
   * Administrative changes carry `{ target, input }` (secrets already redacted by the server), and the command
   * line adds `osUser`; customer and case actions carry what they need (`caseId`, `key`, `changes`, …).
   */
  detail: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}
