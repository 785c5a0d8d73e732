// SQL for the audit trail: who saw or changed which customer's data, when and from where.
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { currentEvent, now } from '../shared/clock.ts';

export interface AuditEntry {
  actorKind: Actor['kind'];
  actorId: string | null;
  action: string;
  customerId: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
  /** When it happened, in ms (default: now). A view recorded through the event log lands later and says when it was. */
  at?: number;
}

/** A row of `audit_log`; `actor_kind` is written only from an `AuditEntry`. */
export interface AuditRow {
  id: number;
  at: number;
  actor_kind: Actor['kind'];
  actor_id: string | null;
  action: string;
  customer_id: string | null;
  detail: string | null;
  ip: string | null;
  request_id: string | null;
}

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db.run(
    `INSERT INTO audit_log (at, actor_kind, actor_id, action, customer_id, detail, ip, request_id, log_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      entry.at ?? now(),
      entry.actorKind,
      entry.actorId,
      entry.action,
      entry.customerId,
      entry.detail ? JSON.stringify(entry.detail) : null,
      entry.ip ?? null,
      entry.requestId ?? null,
      currentEvent()?.position ?? null,
    ],
  );
}

export interface AuditFilter {
  customerId?: string;
  actorId?: string;
  /** One action, such as `team.archived` or `customer.viewed`. */
  action?: string;
  beforeId?: number;
  limit: number;
}

/** Newest first. Each filter narrows the list; each has its index (migrations 0001 and 0008). */
export async function listAuditEntries(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions = ['id < ?'];
  const params: Array<string | number> = [filter.beforeId ?? Number.MAX_SAFE_INTEGER];
  if (filter.customerId) {
    conditions.push('customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.actorId) {
    conditions.push('actor_id = ?');
    params.push(filter.actorId);
  }
  if (filter.action) {
    conditions.push('action = ?');
    params.push(filter.action);
  }
  return db.all<AuditRow>(`SELECT * FROM audit_log WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT ?`, [
    ...params,
    filter.limit,
  ]);
}

/** Drops the details and addresses of entries about these customers (erasure): who did what stays. */
export async function redactAuditEntriesOf(db: Db, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const placeholders = customerIds.map(() => '?').join(', ');
  await db.run(`UPDATE audit_log SET detail = NULL, ip = NULL WHERE customer_id IN (${placeholders})`, customerIds);
}
