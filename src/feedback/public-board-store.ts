// SQL for the public ideas board (migration 0026): the public ideas with their votes, the comments customers write
// there, and the sign-in links and sessions (kept as SHA-256 of their secrets).
import type { Db } from '../store/db.ts';
import type { IdeaStatus } from './idea-model.ts';

export interface PublicIdea {
  id: string;
  number: number;
  title: string;
  status: IdeaStatus;
  createdAt: number;
  /** Everyone who asked for it, however she asked: the board's votes. */
  votes: number;
}

/** The public ideas still standing (merged duplicates never show), by votes or newest first. */
export async function listPublicIdeas(db: Db, sort: 'votes' | 'newest', limit: number): Promise<PublicIdea[]> {
  return db.all<PublicIdea>(
    `SELECT i.id, i.number, i.title, i.status, i.created_at AS createdAt,
            (SELECT COUNT(*) FROM idea_requesters r WHERE r.idea_id = i.id) AS votes
     FROM ideas i WHERE i.public = 1 AND i.merged_into IS NULL
     ORDER BY ${sort === 'votes' ? 'votes DESC, ' : ''}i.created_at DESC LIMIT ?`,
    [limit],
  );
}

export async function votesOf(db: Db, ideaId: string): Promise<number> {
  const row = await db.get<{ votes: number }>('SELECT COUNT(*) AS votes FROM idea_requesters WHERE idea_id = ?', [
    ideaId,
  ]);
  return row?.votes ?? 0;
}

/** Her request for an idea, by any of her profiles (her words tell whether it was only a vote on the board). */
export async function requestOf(
  db: Db,
  ideaId: string,
  profiles: readonly string[],
): Promise<{ text: string } | undefined> {
  return db.get(
    `SELECT text FROM idea_requesters WHERE idea_id = ? AND customer_id IN (${profiles.map(() => '?').join(', ')})`,
    [ideaId, ...profiles],
  );
}

/** Removes her request only while its words are exactly `text` (a vote and nothing she said). */
export async function deleteRequestWorded(
  db: Db,
  ideaId: string,
  profiles: readonly string[],
  text: string,
): Promise<boolean> {
  const result = await db.run(
    `DELETE FROM idea_requesters
     WHERE idea_id = ? AND customer_id IN (${profiles.map(() => '?').join(', ')}) AND text = ?`,
    [ideaId, ...profiles, text],
  );
  return result.changes > 0;
}

export interface IdeaComment {
  id: string;
  ideaId: string;
  customerId: string;
  firstName: string | null;
  text: string;
  at: number;
  interactionId: number | null;
}

export async function insertComment(db: Db, comment: IdeaComment): Promise<void> {
  await db.run(
    `INSERT INTO idea_comments (id, idea_id, customer_id, first_name, text, at, interaction_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      comment.id,
      comment.ideaId,
      comment.customerId,
      comment.firstName,
      comment.text,
      comment.at,
      comment.interactionId,
    ],
  );
}

/** What the board shows of the comments on an idea, oldest first: never who wrote them beyond her first name. */
export async function commentsOf(
  db: Db,
  ideaId: string,
  limit: number,
): Promise<Array<{ id: string; firstName: string | null; text: string; at: number }>> {
  return db.all(
    `SELECT id, first_name AS firstName, text, at FROM idea_comments WHERE idea_id = ? ORDER BY at, id LIMIT ?`,
    [ideaId, limit],
  );
}

/** Comments move with their idea's requesters when ideas merge. */
export async function moveComments(db: Db, fromIdeaId: string, toIdeaId: string): Promise<void> {
  await db.run('UPDATE idea_comments SET idea_id = ? WHERE idea_id = ?', [toIdeaId, fromIdeaId]);
}

export async function commentsOfCustomer(
  db: Db,
  profiles: readonly string[],
): Promise<Array<{ ideaId: string; title: string; text: string; at: number }>> {
  return db.all(
    `SELECT c.idea_id AS ideaId, i.title, c.text, c.at FROM idea_comments c JOIN ideas i ON i.id = c.idea_id
     WHERE c.customer_id IN (${profiles.map(() => '?').join(', ')}) ORDER BY c.at`,
    profiles,
  );
}

export type SecretKind = 'sign_in' | 'session';

export interface BoardSecret {
  kind: SecretKind;
  email: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export async function insertSecret(db: Db, secretHash: string, secret: Omit<BoardSecret, 'usedAt'>): Promise<void> {
  await db.run(
    `INSERT INTO public_board_secrets (secret_hash, kind, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
    [secretHash, secret.kind, secret.email, secret.createdAt, secret.expiresAt],
  );
}

export async function findSecret(db: Db, secretHash: string, kind: SecretKind): Promise<BoardSecret | undefined> {
  return db.get(
    `SELECT kind, email, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt
     FROM public_board_secrets WHERE secret_hash = ? AND kind = ?`,
    [secretHash, kind],
  );
}

/** Uses a sign-in link: true for the one request that got to it first, while it was still valid. */
export async function useSignInSecret(db: Db, secretHash: string, at: number): Promise<string | undefined> {
  const row = await db.get<{ email: string }>(
    `UPDATE public_board_secrets SET used_at = ?
     WHERE secret_hash = ? AND kind = 'sign_in' AND used_at IS NULL AND expires_at > ? RETURNING email`,
    [at, secretHash, at],
  );
  return row?.email;
}

export async function deleteSecret(db: Db, secretHash: string): Promise<void> {
  await db.run('DELETE FROM public_board_secrets WHERE secret_hash = ?', [secretHash]);
}

/** Links and sessions past their time are of no use to anyone: each new link sweeps them away. */
export async function deleteExpiredSecrets(db: Db, now: number): Promise<void> {
  await db.run('DELETE FROM public_board_secrets WHERE expires_at <= ?', [now]);
}

/**
 * A customer's comments, and the links and sessions sent to her addresses, go with her (erasure). Her votes are
 * idea requests: they go with those (deleteIdeaDataOf).
 */
export async function deletePublicBoardDataOf(
  db: Db,
  profiles: readonly string[],
  emails: readonly string[],
): Promise<number> {
  const comments = await db.run(
    `DELETE FROM idea_comments WHERE customer_id IN (${profiles.map(() => '?').join(', ')})`,
    profiles,
  );
  if (emails.length) {
    await db.run(`DELETE FROM public_board_secrets WHERE email IN (${emails.map(() => '?').join(', ')})`, emails);
  }
  return comments.changes;
}
