// SQL for mentions: who an @name in a note names, the mentions a staff member has, and reading them.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { MentionSchema } from './responses.ts';

/** An active staff member by full email, or by the part before the @ when the handle has none. */
export async function activeStaffByHandle(db: Db, handle: string): Promise<{ id: string } | undefined> {
  return db.get<{ id: string }>(
    handle.includes('@')
      ? 'SELECT id FROM staff WHERE email = ? AND disabled_at IS NULL'
      : `SELECT id FROM staff WHERE substr(email, 1, instr(email, '@') - 1) = ? AND disabled_at IS NULL`,
    [handle],
  );
}

export async function insertMention(
  db: Db,
  mention: {
    staffId: string;
    caseId: string | null;
    customerId: string;
    interactionId: number;
    by: string;
    at: number;
  },
): Promise<void> {
  await db.run(
    'INSERT INTO mentions (staff_id, case_id, customer_id, interaction_id, mentioned_by, at) VALUES (?, ?, ?, ?, ?, ?)',
    [mention.staffId, mention.caseId, mention.customerId, mention.interactionId, mention.by, mention.at],
  );
}

/** Reads one of the staff member's mentions (again, harmlessly); false when it is not theirs or not there. */
export async function markMentionRead(db: Db, staffId: string, id: number, at: number): Promise<boolean> {
  const result = await db.run('UPDATE mentions SET read_at = COALESCE(read_at, ?) WHERE id = ? AND staff_id = ?', [
    at,
    id,
    staffId,
  ]);
  return result.changes > 0;
}

export type MentionView = z.infer<typeof MentionSchema>;

export async function mentionsOf(db: Db, staffId: string, limit: number): Promise<MentionView[]> {
  const rows = await db.all<{
    id: number;
    case_id: string | null;
    number: number | null;
    subject: string | null;
    customer_id: string | null;
    message_id: number | null;
    text: string | null;
    mentioned_by: string;
    by_name: string | null;
    at: number;
    read_at: number | null;
  }>(
    `SELECT m.id, m.case_id, c.number, c.subject, m.customer_id, i.text, m.mentioned_by, s.name AS by_name, m.at, m.read_at,
            (SELECT cm.id FROM case_messages cm WHERE cm.interaction_id = m.interaction_id LIMIT 1) AS message_id
     FROM mentions m
     LEFT JOIN cases c ON c.id = m.case_id
     LEFT JOIN interactions i ON i.id = m.interaction_id
     LEFT JOIN staff s ON s.id = m.mentioned_by
     WHERE m.staff_id = ? ORDER BY m.at DESC LIMIT ?`,
    [staffId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.number,
    caseSubject: row.subject,
    customerId: row.customer_id,
    messageId: row.message_id,
    text: row.text,
    mentionedBy: row.mentioned_by,
    mentionedByName: row.by_name,
    at: new Date(row.at).toISOString(),
    read: row.read_at !== null,
  }));
}

/** Opening the case is reading what it was mentioned for, however one got there. */
export async function markCaseMentionsRead(db: Db, staffId: string, caseId: string): Promise<void> {
  await db.run('UPDATE mentions SET read_at = ? WHERE staff_id = ? AND case_id = ? AND read_at IS NULL', [
    Date.now(),
    staffId,
    caseId,
  ]);
}
