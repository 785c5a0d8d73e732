// SQL for gestures and the empowerment limits of staff.
import type { Db } from '../store/db.ts';
import type { Empowerment } from './model.ts';
import type { GestureRow, PendingGestureRow } from './view.ts';

const SELECT = `SELECT g.*, s.name AS issued_by_name FROM gestures g LEFT JOIN staff s ON s.id = g.issued_by`;

export async function insertGesture(db: Db, row: Omit<GestureRow, 'issued_by_name'>): Promise<void> {
  await db.run(
    `INSERT INTO gestures (id, case_id, customer_id, kind, amount, currency, reason, status, issued_by, decided_by, decided_at,
                           decision_note, interaction_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.case_id,
      row.customer_id,
      row.kind,
      row.amount,
      row.currency,
      row.reason,
      row.status,
      row.issued_by,
      row.decided_by,
      row.decided_at,
      row.decision_note,
      row.interaction_id,
      row.created_at,
    ],
  );
}

export async function findGesture(db: Db, id: string): Promise<GestureRow | undefined> {
  return db.get<GestureRow>(`${SELECT} WHERE g.id = ?`, [id]);
}

export async function gesturesOfCase(db: Db, caseId: string): Promise<GestureRow[]> {
  return db.all<GestureRow>(`${SELECT} WHERE g.case_id = ? ORDER BY g.created_at`, [caseId]);
}

/** Oldest first, each with its case's number and subject: what an approver needs to pick one out. */
export async function pendingGestures(db: Db, limit: number): Promise<PendingGestureRow[]> {
  return db.all<PendingGestureRow>(
    `SELECT g.*, s.name AS issued_by_name, c.number AS case_number, c.subject AS case_subject
     FROM gestures g
     LEFT JOIN staff s ON s.id = g.issued_by
     LEFT JOIN cases c ON c.id = g.case_id
     WHERE g.status = 'pending' ORDER BY g.created_at LIMIT ?`,
    [limit],
  );
}

export async function decideGesture(
  db: Db,
  id: string,
  decision: { status: 'issued' | 'rejected'; decidedBy: string; at: number; note: string | null; interactionId: number | null },
): Promise<boolean> {
  const result = await db.run(
    `UPDATE gestures SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, interaction_id = ?
     WHERE id = ? AND status = 'pending'`,
    [decision.status, decision.decidedBy, decision.at, decision.note, decision.interactionId, id],
  );
  return result.changes > 0;
}

export async function setGestureInteraction(db: Db, id: string, interactionId: number): Promise<void> {
  await db.run('UPDATE gestures SET interaction_id = ? WHERE id = ?', [interactionId, id]);
}

export async function empowermentOf(db: Db, staffId: string): Promise<Empowerment> {
  const row = await db.get<{ empowerment_limit: number; empowerment_currency: string }>(
    'SELECT empowerment_limit, empowerment_currency FROM staff WHERE id = ?',
    [staffId],
  );
  return { limit: row?.empowerment_limit ?? 0, currency: row?.empowerment_currency ?? 'USD' };
}
