// SQL for the contact form's thank-you page: how fast recent cases were answered, and who has this one.
import type { Db } from '../../store/db.ts';

/** Opening and first-response times of the most recent answered cases since `since` (of one team, if given). */
export async function answeredCasesSince(
  db: Db,
  since: number,
  teamId: string | null,
  limit: number,
): Promise<Array<{ openedAt: number; firstResponseAt: number }>> {
  const rows = await db.all<{ opened_at: number; first_response_at: number }>(
    `SELECT opened_at, first_response_at FROM cases
     WHERE first_response_at IS NOT NULL AND opened_at >= ? ${teamId ? 'AND team_id = ?' : ''}
     ORDER BY opened_at DESC LIMIT ${limit}`,
    teamId ? [since, teamId] : [since],
  );
  return rows.map((row) => ({ openedAt: row.opened_at, firstResponseAt: row.first_response_at }));
}

/** Who the case is with: its assignee's name, if any, and its team. */
export async function caseHolderOf(
  db: Db,
  caseId: string,
): Promise<{ assigneeId: string | null; assigneeName: string | null; teamId: string | null } | undefined> {
  const row = await db.get<{ assignee_id: string | null; assignee_name: string | null; team_id: string | null }>(
    `SELECT assignee_id, (SELECT name FROM staff WHERE id = cases.assignee_id) AS assignee_name, team_id
     FROM cases WHERE id = ?`,
    [caseId],
  );
  return row && { assigneeId: row.assignee_id, assigneeName: row.assignee_name, teamId: row.team_id };
}
