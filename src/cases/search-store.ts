// SQL of the case search: the case by number, the cases of whoever holds an order id, and the
// full-text index case_search (kept by triggers, migration 0012), best match first.
import type { Db } from '../store/db.ts';
import type { CaseSearch } from './search.ts';

/** The expression interactions_order_ref indexes; the query must spell it the same way to use it. */
const ORDER_REF = `coalesce(properties ->> '$.order_id', properties ->> '$.orderId')`;
/** Subject words weigh most, then the customer's name and addresses, then message text. */
const RANK = 'bm25(case_search, 5.0, 1.0, 3.0)';
/** How many of the best documents are read per case wanted: a case matches by its subject and a few messages. */
const DOCUMENTS_PER_CASE = 4;

async function caseByNumber(db: Db, number: number): Promise<string[]> {
  const row = await db.get<{ id: string }>('SELECT id FROM cases WHERE number = ?', [number]);
  return row ? [row.id] : [];
}

/** The case an order-carrying message is on, then every case of the customers with that order, newest first. */
async function casesByOrderRef(db: Db, refs: readonly string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const rows = await db.all<{ customer_id: string; case_id: string | null }>(
    // Each event's customer is whoever owns its profile now (profile_owners, kept by merges).
    `SELECT DISTINCT COALESCE(owner.customer_id, i.profile_id) AS customer_id, i.case_id FROM interactions i
     LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
     WHERE CAST(${ORDER_REF} AS TEXT) IN (${refs.map(() => '?').join(', ')})
       AND json_valid(properties) AND ${ORDER_REF} IS NOT NULL
     LIMIT 100`,
    refs,
  );
  if (rows.length === 0) return [];
  const customers = [...new Set(rows.map((row) => row.customer_id))];
  // A merged customer's older cases keep the absorbed profile's id.
  const profiles = await db.all<{ id: string }>(
    `SELECT value AS id FROM json_each(?)
     UNION SELECT value FROM merges, json_each(merges.absorbed_profiles)
     WHERE merges.survivor_id IN (SELECT value FROM json_each(?)) AND merges.undone_at IS NULL`,
    [JSON.stringify(customers), JSON.stringify(customers)],
  );
  const ofCustomers = await db.all<{ id: string }>(
    `SELECT id FROM cases WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY opened_at DESC LIMIT 200`,
    [JSON.stringify(profiles.map((row) => row.id))],
  );
  return [...rows.flatMap((row) => (row.case_id ? [row.case_id] : [])), ...ofCustomers.map((row) => row.id)];
}

/** Cases whose subject, messages, customer name or addresses match, best first (each case ranked by its best document). */
async function casesByText(db: Db, match: string, limit: number): Promise<string[]> {
  const rows = await db.all<{ case_id: string }>(
    // MATERIALIZED: bm25() only works in a query of the index alone, not one flattened into the join.
    // The best documents only: a common word matches most of them, and looking each up costs more than ranking.
    `WITH hit AS MATERIALIZED (
       SELECT rowid AS doc, ${RANK} AS score FROM case_search WHERE case_search MATCH ? ORDER BY score LIMIT ?
     )
     SELECT coalesce(c.id, m.case_id) AS case_id, MIN(hit.score) AS score
     FROM hit
     LEFT JOIN cases c ON hit.doc < 0 AND c.number = -hit.doc
     LEFT JOIN case_messages m ON hit.doc > 0 AND m.id = hit.doc
     WHERE coalesce(c.id, m.case_id) IS NOT NULL
     GROUP BY 1
     ORDER BY score, case_id DESC
     LIMIT ?`,
    [match, limit * DOCUMENTS_PER_CASE, limit],
  );
  return rows.map((row) => row.case_id);
}

/**
 * Ids of the cases a search finds, best first, at most `limit`: the case with that number, then the
 * cases of that order, then full-text matches by rank.
 */
export async function findCaseMatches(db: Db, search: CaseSearch, limit: number): Promise<string[]> {
  const found = [
    ...(search.number !== null ? await caseByNumber(db, search.number) : []),
    ...(await casesByOrderRef(db, search.orderRefs)),
    ...(search.match !== null ? await casesByText(db, search.match, limit) : []),
  ];
  return [...new Set(found)].slice(0, limit);
}
