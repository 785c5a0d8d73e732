// SQL for advisory boards, their members, sessions and input (migration 0024).
import type { Db } from '../store/db.ts';

export interface Board {
  id: string;
  name: string;
  description: string;
  memberFlag: string | null;
  createdAt: number;
}

export interface Session {
  id: string;
  boardId: string;
  title: string;
  heldAt: number;
  notes: string;
}

export interface Input {
  id: string;
  boardId: string;
  sessionId: string | null;
  customerId: string | null;
  text: string;
  at: number;
  interactionId: number | null;
  ideaId: string | null;
}

export async function insertBoard(db: Db, board: Board, createdBy: string | null): Promise<void> {
  await db.run(
    'INSERT INTO advisory_boards (id, name, description, member_flag, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    [board.id, board.name, board.description, board.memberFlag, board.createdAt, createdBy],
  );
}

export async function findBoard(db: Db, id: string): Promise<Board | undefined> {
  return db.get<Board>(
    `SELECT id, name, description, member_flag AS memberFlag, created_at AS createdAt FROM advisory_boards WHERE id = ?`,
    [id],
  );
}

export async function listBoards(db: Db): Promise<Array<Board & { members: number; inputs: number }>> {
  return db.all(
    `SELECT b.id, b.name, b.description, b.member_flag AS memberFlag, b.created_at AS createdAt,
            (SELECT COUNT(*) FROM advisory_board_members m WHERE m.board_id = b.id) AS members,
            (SELECT COUNT(*) FROM advisory_inputs i WHERE i.board_id = b.id) AS inputs
     FROM advisory_boards b ORDER BY b.name, b.id`,
  );
}

export async function addMember(db: Db, boardId: string, customerId: string, at: number, by: string | null) {
  await db.run(
    `INSERT INTO advisory_board_members (board_id, customer_id, added_at, added_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id, customer_id) DO NOTHING`,
    [boardId, customerId, at, by],
  );
}

export async function removeMember(db: Db, boardId: string, customerId: string): Promise<boolean> {
  const result = await db.run('DELETE FROM advisory_board_members WHERE board_id = ? AND customer_id = ?', [
    boardId,
    customerId,
  ]);
  return result.changes > 0;
}

export async function membersByHand(db: Db, boardId: string): Promise<Array<{ customerId: string; addedAt: number }>> {
  return db.all(
    `SELECT customer_id AS customerId, added_at AS addedAt FROM advisory_board_members WHERE board_id = ?
     ORDER BY added_at, customer_id`,
    [boardId],
  );
}

export async function insertSession(db: Db, session: Session): Promise<void> {
  await db.run('INSERT INTO advisory_sessions (id, board_id, title, held_at, notes) VALUES (?, ?, ?, ?, ?)', [
    session.id,
    session.boardId,
    session.title,
    session.heldAt,
    session.notes,
  ]);
}

export async function sessionsOf(db: Db, boardId: string): Promise<Session[]> {
  return db.all(
    `SELECT id, board_id AS boardId, title, held_at AS heldAt, notes FROM advisory_sessions WHERE board_id = ?
     ORDER BY held_at DESC, id`,
    [boardId],
  );
}

export async function insertInput(db: Db, input: Input, recordedBy: string | null): Promise<void> {
  await db.run(
    `INSERT INTO advisory_inputs (id, board_id, session_id, customer_id, text, at, interaction_id, idea_id, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      input.id,
      input.boardId,
      input.sessionId,
      input.customerId,
      input.text,
      input.at,
      input.interactionId,
      input.ideaId,
      recordedBy,
    ],
  );
}

export async function findInput(db: Db, id: string): Promise<Input | undefined> {
  return db.get<Input>(
    `SELECT id, board_id AS boardId, session_id AS sessionId, customer_id AS customerId, text, at,
            interaction_id AS interactionId, idea_id AS ideaId FROM advisory_inputs WHERE id = ?`,
    [id],
  );
}

export async function linkInputToIdea(db: Db, id: string, ideaId: string): Promise<void> {
  await db.run('UPDATE advisory_inputs SET idea_id = ? WHERE id = ?', [ideaId, id]);
}

export async function inputsOf(db: Db, boardId: string): Promise<Input[]> {
  return db.all(
    `SELECT id, board_id AS boardId, session_id AS sessionId, customer_id AS customerId, text, at,
            interaction_id AS interactionId, idea_id AS ideaId FROM advisory_inputs WHERE board_id = ?
     ORDER BY at DESC, id`,
    [boardId],
  );
}

/** A customer's board memberships and input go with her (erasure); what the board said together stays. */
export async function deleteBoardDataOf(db: Db, profiles: readonly string[]): Promise<number> {
  const marks = profiles.map(() => '?').join(', ');
  await db.run(`DELETE FROM advisory_board_members WHERE customer_id IN (${marks})`, profiles);
  return (await db.run(`DELETE FROM advisory_inputs WHERE customer_id IN (${marks})`, profiles)).changes;
}

export async function inputsOfCustomer(
  db: Db,
  profiles: readonly string[],
): Promise<Array<{ boardId: string; text: string; at: number }>> {
  return db.all(
    `SELECT board_id AS boardId, text, at FROM advisory_inputs WHERE customer_id IN (${profiles.map(() => '?').join(', ')})
     ORDER BY at`,
    profiles,
  );
}
