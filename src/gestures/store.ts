// SQL for gestures and the empowerment limits of staff.
import type { Db } from '../store/db.ts';
import type { GestureLimits } from './model.ts';
import { resolveLimits } from './model.ts';
import type { GestureRow, PendingGestureRow } from './view.ts';

const SELECT = `SELECT g.*, s.name AS issued_by_name FROM gestures g LEFT JOIN staff s ON s.id = g.issued_by`;

export async function insertGesture(db: Db, row: Omit<GestureRow, 'issued_by_name'>): Promise<void> {
  await db.run(
    `INSERT INTO gestures (id, case_id, customer_id, kind, amount, currency, reason, status, issued_by, decided_by, decided_at,
                           decision_note, interaction_id, created_at, pending_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      row.pending_reason ?? null,
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
  decision: {
    status: 'issued' | 'rejected';
    decidedBy: string;
    at: number;
    note: string | null;
    interactionId: number | null;
  },
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

interface GestureLimitRow {
  currency: string;
  per_gesture: number;
  per_case: number | null;
  per_day: number | null;
}

const toLimits = (row: GestureLimitRow): GestureLimits =>
  resolveLimits(row.currency, { perGesture: row.per_gesture, perCase: row.per_case, perDay: row.per_day });

/** One person's limits in one currency; all zero (everything waits) when none are set. */
export async function gestureLimitsOf(db: Db, staffId: string, currency: string): Promise<GestureLimits> {
  const row = await db.get<GestureLimitRow>(
    'SELECT currency, per_gesture, per_case, per_day FROM gesture_limits WHERE staff_id = ? AND currency = ?',
    [staffId, currency],
  );
  return row ? toLimits(row) : resolveLimits(currency, null);
}

export async function listGestureLimits(db: Db, staffId: string): Promise<GestureLimits[]> {
  const rows = await db.all<GestureLimitRow>(
    'SELECT currency, per_gesture, per_case, per_day FROM gesture_limits WHERE staff_id = ? ORDER BY currency',
    [staffId],
  );
  return rows.map(toLimits);
}

/** `perCase` / `perDay` null: the default. */
export async function setGestureLimits(
  db: Db,
  staffId: string,
  limits: { currency: string; perGesture: number; perCase: number | null; perDay: number | null },
  at: number,
): Promise<void> {
  await db.run(
    `INSERT INTO gesture_limits (staff_id, currency, per_gesture, per_case, per_day, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (staff_id, currency) DO UPDATE SET
       per_gesture = excluded.per_gesture, per_case = excluded.per_case, per_day = excluded.per_day, updated_at = excluded.updated_at`,
    [staffId, limits.currency, limits.perGesture, limits.perCase, limits.perDay, at],
  );
}

/** Only the single-gesture limit (the staff form's one figure); set sums stay as they are. */
export async function setPerGestureLimit(
  db: Db,
  staffId: string,
  currency: string,
  perGesture: number,
  at: number,
): Promise<void> {
  await db.run(
    `INSERT INTO gesture_limits (staff_id, currency, per_gesture, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id, currency) DO UPDATE SET per_gesture = excluded.per_gesture, updated_at = excluded.updated_at`,
    [staffId, currency, perGesture, at],
  );
}

export async function deleteGestureLimits(db: Db, staffId: string, currency: string): Promise<boolean> {
  return (
    (await db.run('DELETE FROM gesture_limits WHERE staff_id = ? AND currency = ?', [staffId, currency])).changes > 0
  );
}

/** Issued (or approved) on one case in one currency, by anyone: what the customer has been given. */
export async function issuedOnCase(db: Db, caseId: string, currency: string): Promise<number> {
  const row = await db.get<{ total: number | null }>(
    `SELECT SUM(amount) AS total FROM gestures WHERE case_id = ? AND currency = ? AND status = 'issued'`,
    [caseId, currency],
  );
  return row?.total ?? 0;
}

/** Issued (or approved) at one person's request in one currency between two moments. */
export async function issuedByBetween(
  db: Db,
  staffId: string,
  currency: string,
  from: number,
  to: number,
): Promise<number> {
  const row = await db.get<{ total: number | null }>(
    `SELECT SUM(amount) AS total FROM gestures
     WHERE issued_by = ? AND currency = ? AND status = 'issued' AND created_at >= ? AND created_at < ?`,
    [staffId, currency, from, to],
  );
  return row?.total ?? 0;
}

/** The time zone of a person's working day: their team's, else UTC. */
export async function workdayZoneOf(db: Db, staffId: string): Promise<string> {
  const row = await db.get<{ timezone: string | null }>(
    'SELECT t.timezone FROM staff s LEFT JOIN teams t ON t.id = s.team_id WHERE s.id = ?',
    [staffId],
  );
  return row?.timezone ?? 'UTC';
}

/** The currency of the staff record's one limit figure; undefined when there is no such staff member. */
export async function empowermentCurrencyOf(
  db: Db,
  staffId: string,
): Promise<{ empowerment_currency: string } | undefined> {
  return db.get<{ empowerment_currency: string }>('SELECT empowerment_currency FROM staff WHERE id = ?', [staffId]);
}

/** The staff record's one figure, kept equal to the single-gesture limit in its currency. */
export async function setEmpowermentLimit(db: Db, staffId: string, limit: number): Promise<void> {
  await db.run('UPDATE staff SET empowerment_limit = ? WHERE id = ?', [limit, staffId]);
}
