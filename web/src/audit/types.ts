// An audit entry as `GET /api/audit` lists it (src/audit/routes.ts): who did what, to which customer, from where.
// The entry is the generated type, and so are the actor kinds it names.
import type { AuditEntry } from '../api/types.ts';

export type { AuditEntry };
export type AuditActorKind = AuditEntry['actorKind'];
