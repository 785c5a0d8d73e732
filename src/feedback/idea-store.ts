// SQL for ideas, their requesters, personal replies and history (migration 0023); whether one is public (0026).
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import type { IdeaStatus, Requester } from './idea-model.ts';

export interface IdeaRecord {
  id: string;
  number: number;
  title: string;
  body: string;
  status: IdeaStatus;
  statusReason: string | null;
  mergedInto: string | null;
  /** Shown on the public board (when the board is on). */
  public: boolean;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
}

interface IdeaRow {
  id: string;
  number: number;
  title: string;
  body: string;
  status: IdeaStatus;
  status_reason: string | null;
  merged_into: string | null;
  public: number;
  created_at: number;
  created_by: string | null;
  updated_at: number;
}

const toIdea = (row: IdeaRow): IdeaRecord => ({
  id: row.id,
  number: row.number,
  title: row.title,
  body: row.body,
  status: row.status,
  statusReason: row.status_reason,
  mergedInto: row.merged_into,
  public: row.public === 1,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
});

export async function insertIdea(db: Db, idea: Omit<IdeaRecord, 'number'>): Promise<IdeaRecord> {
  const next = await db.get<{ number: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS number FROM ideas');
  const record = { ...idea, number: next!.number };
  await db.run(
    `INSERT INTO ideas (id, number, title, body, status, status_reason, merged_into, public, created_at, created_by,
       updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      record.id,
      record.number,
      record.title,
      record.body,
      record.status,
      record.statusReason,
      record.mergedInto,
      record.public ? 1 : 0,
      record.createdAt,
      record.createdBy,
      record.updatedAt,
    ],
  );
  return record;
}

export async function findIdea(db: Db, id: string): Promise<IdeaRecord | undefined> {
  const row = /^\d+$/.test(id)
    ? await db.get<IdeaRow>('SELECT * FROM ideas WHERE number = ?', [Number(id)])
    : await db.get<IdeaRow>('SELECT * FROM ideas WHERE id = ?', [id]);
  return row && toIdea(row);
}

export async function updateIdea(
  db: Db,
  id: string,
  changes: Partial<Pick<IdeaRecord, 'title' | 'body' | 'status' | 'statusReason' | 'mergedInto'>>,
  at: number,
): Promise<void> {
  const columns: Record<string, string> = {
    title: 'title',
    body: 'body',
    status: 'status',
    statusReason: 'status_reason',
    mergedInto: 'merged_into',
  };
  const keys = Object.keys(changes) as Array<keyof typeof changes>;
  await db.run(
    `UPDATE ideas SET ${keys.map((key) => `${columns[key]} = ?`).join(', ')}${keys.length ? ', ' : ''}updated_at = ?
     WHERE id = ?`,
    [...keys.map((key) => changes[key] ?? null), at, id],
  );
}

export async function setIdeaPublic(db: Db, id: string, shown: boolean, at: number): Promise<void> {
  await db.run('UPDATE ideas SET public = ?, updated_at = ? WHERE id = ?', [shown ? 1 : 0, at, id]);
}

interface RequesterRow {
  customer_id: string;
  interaction_id: number | null;
  text: string;
  added_at: number;
}

const toRequester = (row: RequesterRow): Requester => ({
  customerId: row.customer_id,
  interactionId: row.interaction_id,
  text: row.text,
  addedAt: row.added_at,
});

export async function requestersOf(db: Db, ideaId: string): Promise<Requester[]> {
  const rows = await db.all<RequesterRow>(
    'SELECT customer_id, interaction_id, text, added_at FROM idea_requesters WHERE idea_id = ? ORDER BY added_at, customer_id',
    [ideaId],
  );
  return rows.map(toRequester);
}

/** Adds her request; she asked already: her new words are added to her earlier ones. False when nothing changed. */
export async function upsertRequester(
  db: Db,
  ideaId: string,
  requester: Requester,
  addedBy: string | null,
): Promise<boolean> {
  const result = await db.run(
    `INSERT INTO idea_requesters (idea_id, customer_id, interaction_id, text, added_at, added_by)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (idea_id, customer_id) DO UPDATE SET text = text || char(10) || char(10) || excluded.text,
       interaction_id = COALESCE(interaction_id, excluded.interaction_id)
     WHERE instr(text, excluded.text) = 0`,
    [ideaId, requester.customerId, requester.interactionId, requester.text, requester.addedAt, addedBy],
  );
  return result.changes > 0;
}

export async function replaceRequesters(db: Db, ideaId: string, requesters: readonly Requester[]): Promise<void> {
  await db.run('DELETE FROM idea_requesters WHERE idea_id = ?', [ideaId]);
  for (const requester of requesters) {
    await db.run(
      `INSERT INTO idea_requesters (idea_id, customer_id, interaction_id, text, added_at) VALUES (?, ?, ?, ?, ?)`,
      [ideaId, requester.customerId, requester.interactionId, requester.text, requester.addedAt],
    );
  }
}

/** The latest personal reply to each requester of an idea. */
export async function lastRepliesOf(db: Db, ideaId: string): Promise<Map<string, number>> {
  const rows = await db.all<{ customer_id: string; at: number }>(
    'SELECT customer_id, MAX(at) AS at FROM idea_replies WHERE idea_id = ? GROUP BY customer_id',
    [ideaId],
  );
  return new Map(rows.map((row) => [row.customer_id, row.at]));
}

export interface IdeaReply {
  id: string;
  ideaId: string;
  customerId: string;
  text: string;
  staffId: string | null;
  at: number;
  via: 'case' | 'email' | 'recorded';
  caseId: string | null;
  interactionId: number | null;
}

export async function insertReply(db: Db, reply: IdeaReply): Promise<void> {
  await db.run(
    `INSERT INTO idea_replies (id, idea_id, customer_id, text, staff_id, at, via, case_id, interaction_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      reply.id,
      reply.ideaId,
      reply.customerId,
      reply.text,
      reply.staffId,
      reply.at,
      reply.via,
      reply.caseId,
      reply.interactionId,
    ],
  );
}

/** Replies move with their requesters when ideas merge. */
export async function moveReplies(db: Db, fromIdeaId: string, toIdeaId: string): Promise<void> {
  await db.run('UPDATE idea_replies SET idea_id = ? WHERE idea_id = ?', [toIdeaId, fromIdeaId]);
}

export async function recordIdeaEvent(
  db: Db,
  ideaId: string,
  at: number,
  actor: Pick<Actor, 'kind' | 'id'>,
  change: Record<string, unknown>,
): Promise<void> {
  await db.run('INSERT INTO idea_events (idea_id, at, actor_kind, actor_id, change) VALUES (?, ?, ?, ?, ?)', [
    ideaId,
    at,
    actor.kind,
    actor.id,
    JSON.stringify(change),
  ]);
}

export async function ideaEventsOf(
  db: Db,
  ideaId: string,
): Promise<Array<{ at: number; actorKind: Actor['kind']; actorId: string | null; change: Record<string, unknown> }>> {
  const rows = await db.all<{ at: number; actor_kind: Actor['kind']; actor_id: string | null; change: string }>(
    'SELECT at, actor_kind, actor_id, change FROM idea_events WHERE idea_id = ? ORDER BY at, id',
    [ideaId],
  );
  return rows.map((row) => ({
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    change: JSON.parse(row.change) as Record<string, unknown>,
  }));
}

/** Ideas still standing (not merged away), with how many asked; the caller ranks by demand or value. */
export async function listIdeas(
  db: Db,
  options: { status?: IdeaStatus; limit: number },
): Promise<Array<IdeaRecord & { requesters: number }>> {
  const rows = await db.all<IdeaRow & { requesters: number }>(
    `SELECT i.*, (SELECT COUNT(*) FROM idea_requesters r WHERE r.idea_id = i.id) AS requesters
     FROM ideas i WHERE i.merged_into IS NULL ${options.status ? 'AND i.status = ?' : ''}
     ORDER BY requesters DESC, i.updated_at DESC LIMIT ?`,
    [...(options.status ? [options.status] : []), options.limit],
  );
  return rows.map((row) => ({ ...toIdea(row), requesters: row.requesters }));
}

/** A customer's requests and the replies she got go with her (erasure). */
export async function deleteIdeaDataOf(db: Db, profiles: readonly string[]): Promise<number> {
  const marks = profiles.map(() => '?').join(', ');
  const requests = await db.run(`DELETE FROM idea_requesters WHERE customer_id IN (${marks})`, profiles);
  await db.run(`DELETE FROM idea_replies WHERE customer_id IN (${marks})`, profiles);
  return requests.changes;
}

export async function requestsOfCustomer(
  db: Db,
  profiles: readonly string[],
): Promise<Array<{ ideaId: string; title: string; text: string; addedAt: number }>> {
  return db.all(
    `SELECT r.idea_id AS ideaId, i.title, r.text, r.added_at AS addedAt FROM idea_requesters r
     JOIN ideas i ON i.id = r.idea_id WHERE r.customer_id IN (${profiles.map(() => '?').join(', ')})
     ORDER BY r.added_at`,
    profiles,
  );
}

/** Every idea request made in a period, with the first personal reply to it (at or after it), if any. */
export async function ideaAsksBetween(
  db: Db,
  from: number,
  to: number,
): Promise<Array<{ ideaId: string; askedAt: number; repliedAt: number | null }>> {
  return db.all(
    `SELECT r.idea_id AS ideaId, r.added_at AS askedAt,
            (SELECT MIN(p.at) FROM idea_replies p
             WHERE p.idea_id = r.idea_id AND p.customer_id = r.customer_id AND p.at >= r.added_at) AS repliedAt
     FROM idea_requesters r WHERE r.added_at >= ? AND r.added_at < ?`,
    [from, to],
  );
}

/** The number and title of each of these ideas, for links to them. */
export async function ideaLinksOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { id: string; number: number; title: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.all<{ id: string; number: number; title: string }>(
    `SELECT id, number, title FROM ideas WHERE id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, row]));
}
