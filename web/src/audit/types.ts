// An audit entry as `GET /api/audit` lists it (src/audit/routes.ts): who did what, to which customer, from where.
// The entry is the generated type; the actor kinds are the ones the UI names.
export type { AuditEntry } from '../api/types.ts';

export type AuditActorKind = 'staff' | 'write_key' | 'cli' | 'system';
