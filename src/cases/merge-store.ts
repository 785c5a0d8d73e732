// SQL for merged cases: the merge records, the cases a case is made of, and moving a conversation
// from one case to another and back. The rules (who may merge what) live in case-merge.ts.
import type { Db, SqlValue } from '../store/db.ts';
import type { CaseRecord } from './model.ts';
import { findCase } from './store.ts';

/** What a merge changed on the absorbed case, to give it back on undo. No customer data. */
export type AbsorbedBefore = Pick<
  CaseRecord,
  | 'status'
  | 'closedAt'
  | 'resolvedAt'
  | 'firstContactResolution'
  | 'resolutionPausedAt'
  | 'resolutionDueAt'
  | 'contactCount'
  | 'lastInboundAt'
  | 'reopenCount'
>;

export interface CaseMergeRow {
  id: string;
  survivor_id: string;
  absorbed_id: string;
  absorbed_cases: string;
  absorbed_before: string;
  added_contacts: number;
  last_message_id: number;
  merged_by: string | null;
  merged_at: number;
  undone_at: number | null;
  undone_by: string | null;
}

const inList = (values: readonly unknown[]) => values.map(() => '?').join(', ');

export async function insertCaseMerge(
  db: Db,
  merge: {
    id: string;
    survivorId: string;
    absorbedId: string;
    absorbedCases: string[];
    absorbedBefore: AbsorbedBefore;
    addedContacts: number;
    lastMessageId: number;
    mergedBy: string | null;
    at: number;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO case_merges (id, survivor_id, absorbed_id, absorbed_cases, absorbed_before, added_contacts, last_message_id, merged_by, merged_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      merge.id,
      merge.survivorId,
      merge.absorbedId,
      JSON.stringify(merge.absorbedCases),
      JSON.stringify(merge.absorbedBefore),
      merge.addedContacts,
      merge.lastMessageId,
      merge.mergedBy,
      merge.at,
    ],
  );
}

export async function findCaseMerge(db: Db, id: string): Promise<CaseMergeRow | undefined> {
  return db.get<CaseMergeRow>('SELECT * FROM case_merges WHERE id = ?', [id]);
}

export async function markCaseMergeUndone(db: Db, id: string, by: string | null, at: number): Promise<void> {
  await db.run('UPDATE case_merges SET undone_at = ?, undone_by = ? WHERE id = ?', [at, by, id]);
}

/** The merge in effect that absorbed this case, if any. */
export async function activeMergeAbsorbing(db: Db, caseId: string): Promise<CaseMergeRow | undefined> {
  return db.get<CaseMergeRow>('SELECT * FROM case_merges WHERE absorbed_id = ? AND undone_at IS NULL', [caseId]);
}

/** Merges in effect into this case, oldest first. */
export async function activeMergesInto(db: Db, caseId: string): Promise<CaseMergeRow[]> {
  return db.all<CaseMergeRow>(
    'SELECT * FROM case_merges WHERE survivor_id = ? AND undone_at IS NULL ORDER BY merged_at',
    [caseId],
  );
}

/** The case itself and every case merged into it (transitively), as `profilesOf` does for customers. */
export async function casesMadeOf(db: Db, caseId: string): Promise<string[]> {
  const merges = await activeMergesInto(db, caseId);
  return [caseId, ...merges.flatMap((merge) => JSON.parse(merge.absorbed_cases) as string[])];
}

/** Where a message for this case goes today: the case itself, or the survivor of the merges it went into. */
export async function survivorOf(db: Db, caseId: string): Promise<string> {
  let current = caseId;
  // Bounded: a case is absorbed at most once at a time, and a survivor cannot be absorbed by its own absorbed case.
  for (let hops = 0; hops < 100; hops++) {
    const merge = await activeMergeAbsorbing(db, current);
    if (!merge) return current;
    current = merge.survivor_id;
  }
  return current;
}

export async function lastMessageId(db: Db): Promise<number> {
  return (await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM case_messages'))?.id ?? 0;
}

/** Moves the whole conversation of `fromId` to `toId`, each message remembering the thread it belongs to. */
export async function moveConversation(db: Db, fromId: string, toId: string): Promise<{ contacts: number }> {
  await db.run(
    'UPDATE interactions SET case_id = ? WHERE id IN (SELECT interaction_id FROM case_messages WHERE case_id = ?)',
    [toId, fromId],
  );
  const contacts = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM case_messages WHERE case_id = ? AND kind IN ('inbound', 'call')`,
    [fromId],
  );
  await db.run(
    'UPDATE case_messages SET origin_case_id = COALESCE(origin_case_id, case_id), case_id = ? WHERE case_id = ?',
    [toId, fromId],
  );
  return { contacts: contacts?.n ?? 0 };
}

/**
 * Gives `toId` back every message on `fromId` whose thread is one of `origins` (what the merge moved,
 * and what arrived by those threads since). Returns the inbound contacts that arrived after message
 * id `afterId`, and the latest inbound time among those returned.
 */
export async function returnConversation(
  db: Db,
  fromId: string,
  toId: string,
  origins: readonly string[],
  afterId: number,
): Promise<{ arrivedSince: number; lastInboundAt: number | null }> {
  const where = `case_id = ? AND origin_case_id IN (${inList(origins)})`;
  const params: SqlValue[] = [fromId, ...origins];
  const facts = await db.get<{ arrived: number | null; last_inbound: number | null }>(
    `SELECT SUM(CASE WHEN id > ? AND kind IN ('inbound', 'call') THEN 1 ELSE 0 END) AS arrived,
            MAX(CASE WHEN kind IN ('inbound', 'call') THEN at END) AS last_inbound
     FROM case_messages WHERE ${where}`,
    [afterId, ...params],
  );
  await db.run(
    `UPDATE interactions SET case_id = ? WHERE id IN (SELECT interaction_id FROM case_messages WHERE ${where})`,
    [toId, ...params],
  );
  await db.run(
    `UPDATE case_messages SET case_id = ?, origin_case_id = CASE WHEN origin_case_id = ? THEN NULL ELSE origin_case_id END WHERE ${where}`,
    [toId, toId, ...params],
  );
  return { arrivedSince: facts?.arrived ?? 0, lastInboundAt: facts?.last_inbound ?? null };
}

/** The latest inbound contact still on a case. */
export async function lastInboundOn(db: Db, caseId: string): Promise<number | null> {
  return (
    (
      await db.get<{ at: number | null }>(
        `SELECT MAX(at) AS at FROM case_messages WHERE case_id = ? AND kind IN ('inbound', 'call')`,
        [caseId],
      )
    )?.at ?? null
  );
}

/** Case numbers by id, for naming where merged messages and history came from. */
export async function caseNumbersOf(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: string; number: number }>(
    `SELECT id, number FROM cases WHERE id IN (${inList(ids)})`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, row.number]));
}

/**
 * The case a message that names `found` by its thread belongs on today: `found` itself, or — once it
 * was merged away (merged cases are closed) — its survivor, with `origin` naming the thread it came by.
 */
export async function followCaseMerges(
  db: Db,
  found: CaseRecord,
): Promise<{ record: CaseRecord; origin: string | null }> {
  if (found.status !== 'closed') return { record: found, origin: null };
  const survivorId = await survivorOf(db, found.id);
  const survivor = survivorId === found.id ? undefined : await findCase(db, survivorId);
  return survivor ? { record: survivor, origin: found.id } : { record: found, origin: null };
}
