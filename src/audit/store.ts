// SQL for the audit trail: who saw or changed which customer's data, when and from where.
import type { Db } from '../store/db.ts';

export interface AuditEntry {
  actorKind: 'staff' | 'write_key' | 'cli' | 'system';
  actorId: string | null;
  action: string;
  customerId: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditRow {
  id: number;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  customer_id: string | null;
  detail: string | null;
  ip: string | null;
  request_id: string | null;
}

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db.run(
    `INSERT INTO audit_log (at, actor_kind, actor_id, action, customer_id, detail, ip, request_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      Date.now(),
      entry.actorKind,
      entry.actorId,
      entry.action,
      entry.customerId,
      entry.detail ? JSON.stringify(entry.detail) : null,
      entry.ip ?? null,
      entry.requestId ?? null,
    ],
  );
}

export async function listAuditEntries(db: Db, filter: { customerId?: string; beforeId?: number; limit: number }): Promise<AuditRow[]> {
  const before = filter.beforeId ?? Number.MAX_SAFE_INTEGER;
  if (filter.customerId) {
    return db.all<AuditRow>(
      'SELECT * FROM audit_log WHERE customer_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
      [filter.customerId, before, filter.limit],
    );
  }
  return db.all<AuditRow>('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?', [before, filter.limit]);
}
