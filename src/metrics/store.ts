// SQL of the metrics: the queue of what changed (filled by triggers, migration 0029), the facts last counted, the
// per-day cells, and the rows a fact is read from.
import type { Db, SqlValue } from '../store/db.ts';
import type { Cell, CellDimension, CaseRow, Histogram } from './model.ts';

export type Grain = 'day' | 'week' | 'month';

export type SubjectKind = 'case' | 'response' | 'gesture';

export async function dirtySubjects(db: Db, limit: number): Promise<Array<{ kind: SubjectKind; id: string }>> {
  return db.all('SELECT kind, id FROM metric_dirty LIMIT ?', [limit]);
}

export async function forgetDirty(db: Db, kind: SubjectKind, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids))
    await db.run(`DELETE FROM metric_dirty WHERE kind = ? AND id IN (${marks(chunk)})`, [kind, ...chunk]);
}

export async function markEverythingDirty(db: Db): Promise<void> {
  await db.run(`INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'case', id FROM cases`);
  await db.run(`INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'response', invitation_id FROM survey_responses`);
  await db.run(`INSERT OR IGNORE INTO metric_dirty (kind, id) SELECT 'gesture', id FROM gestures`);
}

export async function clearMetrics(db: Db): Promise<void> {
  await db.run('DELETE FROM metric_rollups');
  await db.run('DELETE FROM metric_facts');
}

export async function pendingCount(db: Db): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM metric_dirty'))?.n ?? 0;
}

/** The queue's length counted only as far as `limit`: a queue of ten million is not counted to learn it is long. */
export async function pendingUpTo(db: Db, limit: number): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM metric_dirty LIMIT ?)', [limit]);
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Subjects as the facts read them.

export interface CaseSubjectRow extends CaseRow {
  id: string;
  customer_id: string;
  absorbed: number;
}

/**
 * The case columns a case's fact is made of. The trigger metric_case_updated (migration 0029) queues a case when
 * one of them changes, and only then; src/metrics/triggers.test.ts keeps the two lists the same.
 */
export const CASE_COLUMNS_READ = [
  'customer_id',
  'channel',
  'status',
  'priority',
  'reason',
  'team_id',
  'assignee_id',
  'opened_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'first_response_due_at',
  'resolution_due_at',
  'reopen_count',
  'contact_count',
  'repeat_of',
  'first_contact_resolution',
  'historical',
] as const;

export async function caseRows(db: Db, ids: readonly string[]): Promise<CaseSubjectRow[]> {
  const rows: CaseSubjectRow[] = [];
  for (const chunk of chunks(ids))
    rows.push(
      ...(await db.all<CaseSubjectRow>(
        `SELECT c.id, ${CASE_COLUMNS_READ.map((column) => `c.${column}`).join(', ')},
                (SELECT count(*) FROM sla_breaches b WHERE b.case_id = c.id AND b.metric = 'first_response') AS first_response_breached,
                (SELECT count(*) FROM sla_breaches b WHERE b.case_id = c.id AND b.metric = 'resolution') AS resolution_breached,
                EXISTS (SELECT 1 FROM case_merges m WHERE m.absorbed_id = c.id AND m.undone_at IS NULL) AS absorbed
           FROM cases c WHERE c.id IN (${marks(chunk)})`,
        chunk,
      )),
    );
  return rows;
}

/** The dimensions an answer or a gesture takes from its case (NULL without one). */
interface FiledUnderCase {
  channel: string | null;
  team_id: string | null;
  assignee_id: string | null;
  reason: string | null;
  priority: string | null;
}

export interface ResponseSubjectRow extends FiledUnderCase {
  id: string;
  customer_id: string;
  kind: string;
  score: number | null;
  answered_at: number;
}

export async function responseRows(db: Db, ids: readonly string[]): Promise<ResponseSubjectRow[]> {
  const rows: ResponseSubjectRow[] = [];
  for (const chunk of chunks(ids))
    rows.push(
      ...(await db.all<ResponseSubjectRow>(
        `SELECT r.invitation_id AS id, r.customer_id, s.kind, r.score, r.first_answered_at AS answered_at,
                c.channel, c.team_id, c.assignee_id, c.reason, c.priority
           FROM survey_responses r JOIN surveys s ON s.id = r.survey_id LEFT JOIN cases c ON c.id = r.case_id
          WHERE r.invitation_id IN (${marks(chunk)})`,
        chunk,
      )),
    );
  return rows;
}

export interface GestureSubjectRow extends FiledUnderCase {
  id: string;
  customer_id: string;
  status: string;
  amount: number;
  currency: string;
  issued_by: string;
  issued_at: number;
}

export async function gestureRows(db: Db, ids: readonly string[]): Promise<GestureSubjectRow[]> {
  const rows: GestureSubjectRow[] = [];
  for (const chunk of chunks(ids))
    rows.push(
      ...(await db.all<GestureSubjectRow>(
        `SELECT g.id, g.customer_id, g.status, g.amount, g.currency, g.issued_by,
                -- A gesture above the issuer's limit is issued when a manager approves it.
                COALESCE(g.decided_at, g.created_at) AS issued_at,
                c.channel, c.team_id, NULL AS assignee_id, c.reason, c.priority
           FROM gestures g LEFT JOIN cases c ON c.id = g.case_id
          WHERE g.id IN (${marks(chunk)})`,
        chunk,
      )),
    );
  return rows;
}

export interface TeamHoursRow {
  id: string;
  timezone: string;
  business_hours: string;
  holidays: string;
}

export async function teamHours(db: Db): Promise<TeamHoursRow[]> {
  return db.all('SELECT id, timezone, business_hours, holidays FROM teams');
}

export async function flagsOf(db: Db, customerIds: readonly string[]): Promise<Map<string, string[]>> {
  const flags = new Map<string, string[]>();
  for (const chunk of chunks([...new Set(customerIds)]))
    for (const row of await db.all<{ customer_id: string; flag: string }>(
      `SELECT customer_id, flag FROM customer_flags WHERE customer_id IN (${marks(chunk)}) ORDER BY flag`,
      chunk,
    ))
      flags.set(row.customer_id, [...(flags.get(row.customer_id) ?? []), row.flag]);
  return flags;
}

export interface TextRow {
  id: number;
  occurred_at: number;
  channel: string;
  reason: string | null;
  sentiment: string;
  sentiment_score: number;
}

/** Listened inbound texts with ids in (after, upTo]: a range of the primary key, however few of them were read. */
export async function textsBetween(db: Db, after: number, upTo: number): Promise<TextRow[]> {
  return db.all(
    `SELECT id, occurred_at, channel, reason, sentiment, sentiment_score FROM interactions
      WHERE id > ? AND id <= ? AND sentiment IS NOT NULL AND direction = 'inbound'`,
    [after, upTo],
  );
}

export async function lastInteractionId(db: Db): Promise<number> {
  return (await db.get<{ id: number | null }>('SELECT max(id) AS id FROM interactions'))?.id ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts and cells.

export async function storedFacts(db: Db, kind: string, ids: readonly string[]): Promise<Map<string, string>> {
  const facts = new Map<string, string>();
  for (const chunk of chunks(ids))
    for (const row of await db.all<{ id: string; fact: string }>(
      `SELECT id, fact FROM metric_facts WHERE kind = ? AND id IN (${marks(chunk)})`,
      [kind, ...chunk],
    ))
      facts.set(row.id, row.fact);
  return facts;
}

export async function storeFact(db: Db, kind: string, id: string, fact: string | null): Promise<void> {
  if (fact === null) await db.run('DELETE FROM metric_facts WHERE kind = ? AND id = ?', [kind, id]);
  else
    await db.run(
      'INSERT INTO metric_facts (kind, id, fact) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET fact = excluded.fact',
      [kind, id, fact],
    );
}

export interface CellAddress {
  metric: string;
  dim: CellDimension;
  grain: Grain;
  day: number;
  key: string;
}

interface CellRow {
  metric: string;
  day: number;
  key: string;
  n: number;
  total: number;
  hits: number;
  hist: string | null;
}

const toCell = (row: CellRow): Cell => ({
  n: row.n,
  total: row.total,
  hits: row.hits,
  hist: row.hist === null ? null : (JSON.parse(row.hist) as Histogram),
});

export async function readCell(db: Db, at: CellAddress): Promise<Cell | undefined> {
  const row = await db.get<CellRow>(
    `SELECT metric, day, key, n, total, hits, hist FROM metric_rollups
      WHERE metric = ? AND dim = ? AND grain = ? AND day = ? AND key = ?`,
    [at.metric, at.dim, at.grain, at.day, at.key],
  );
  return row && toCell(row);
}

export async function writeCell(db: Db, at: CellAddress, cell: Cell | null): Promise<void> {
  if (cell === null) {
    await db.run('DELETE FROM metric_rollups WHERE metric = ? AND dim = ? AND grain = ? AND day = ? AND key = ?', [
      at.metric,
      at.dim,
      at.grain,
      at.day,
      at.key,
    ]);
    return;
  }
  await db.run(
    `INSERT INTO metric_rollups (metric, dim, grain, day, key, n, total, hits, hist) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (metric, dim, grain, day, key) DO UPDATE
       SET n = excluded.n, total = excluded.total, hits = excluded.hits, hist = excluded.hist`,
    [
      at.metric,
      at.dim,
      at.grain,
      at.day,
      at.key,
      cell.n,
      cell.total,
      cell.hits,
      cell.hist ? JSON.stringify(cell.hist) : null,
    ],
  );
}

/** Adds counts and sums to a cell (a new one starts at them). */
export async function addToCell(
  db: Db,
  at: CellAddress,
  cell: { n: number; total: number; hits: number },
): Promise<void> {
  await db.run(
    `INSERT INTO metric_rollups (metric, dim, grain, day, key, n, total, hits, hist) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (metric, dim, grain, day, key) DO UPDATE
       SET n = n + excluded.n, total = total + excluded.total, hits = hits + excluded.hits`,
    [at.metric, at.dim, at.grain, at.day, at.key, cell.n, cell.total, cell.hits],
  );
}

export interface StoredCell extends Cell {
  metric: string;
  day: number;
  key: string;
}

/**
 * The cells of some metrics for one dimension over [fromDay, toDay), optionally one key: ranges of the primary key.
 * A name ending in ':' asks for every cell it starts (spend: → spend:USD, spend:EUR).
 */
export async function cellsIn(
  db: Db,
  metrics: readonly string[],
  dim: CellDimension,
  grain: Grain,
  fromDay: number,
  toDay: number,
  key?: string,
): Promise<StoredCell[]> {
  const cells: StoredCell[] = [];
  for (const metric of metrics) {
    const prefix = metric.endsWith(':');
    const params: SqlValue[] = prefix ? [metric, `${metric}\uffff`] : [metric];
    params.push(dim, grain, fromDay, toDay);
    if (key !== undefined) params.push(key);
    const rows = await db.all<CellRow>(
      `SELECT metric, day, key, n, total, hits, hist FROM metric_rollups
        WHERE ${prefix ? 'metric >= ? AND metric < ?' : 'metric = ?'} AND dim = ? AND grain = ? AND day >= ? AND day < ?
          -- A count cell whose cases all moved away stays as zeros (see Deltas.apply): it is nothing.
          AND (n <> 0 OR hits <> 0 OR total <> 0 OR hist IS NOT NULL)
        ${key !== undefined ? 'AND key = ?' : ''}`,
      params,
    );
    cells.push(...rows.map((row) => ({ ...toCell(row), metric: row.metric, day: row.day, key: row.key })));
  }
  return cells;
}

/** Cases opened minus cases that left, per key, before a day: the backlog a period starts with. */
export async function backlogBefore(
  db: Db,
  dim: CellDimension,
  day: number,
  key?: string,
): Promise<Map<string, number>> {
  const rows = await db.all<{ key: string; n: number }>(
    `SELECT key, sum(n) AS n FROM metric_rollups WHERE metric = 'backlog' AND dim = ? AND grain = 'day' AND day < ?
      ${key !== undefined ? 'AND key = ?' : ''} GROUP BY key`,
    key !== undefined ? [dim, day, key] : [dim, day],
  );
  return new Map(rows.map((row) => [row.key, row.n]));
}

export async function namesOf(db: Db): Promise<{ team: Map<string, string>; agent: Map<string, string> }> {
  const teams = await db.all<{ id: string; name: string }>('SELECT id, name FROM teams');
  const staff = await db.all<{ id: string; name: string }>('SELECT id, name FROM staff');
  return { team: new Map(teams.map((t) => [t.id, t.name])), agent: new Map(staff.map((s) => [s.id, s.name])) };
}

// ---------------------------------------------------------------------------------------------------------------
// The drill-down's candidates: a superset by time through the indexes, narrowed by the facts in drill.ts.

/** Cases by the moment a metric files them under: opened, resolved, or open at `to` (the backlog). */
export async function caseIdsFiledBetween(
  db: Db,
  by: 'opened' | 'resolved' | 'open',
  from: number,
  to: number,
): Promise<string[]> {
  const rows =
    by === 'resolved'
      ? await db.all<{ id: string }>('SELECT id FROM cases WHERE resolved_at >= ? AND resolved_at < ?', [from, to])
      : by === 'open'
        ? await db.all<{ id: string }>(
            `SELECT id FROM cases WHERE status IN ('new', 'open', 'pending') AND opened_at < ?
             UNION SELECT id FROM cases WHERE resolved_at >= ? AND opened_at < ?
             UNION SELECT id FROM cases WHERE closed_at >= ? AND opened_at < ?`,
            [to, to, to, to, to],
          )
        : await db.all<{ id: string }>('SELECT id FROM cases WHERE opened_at >= ? AND opened_at < ?', [from, to]);
  return rows.map((row) => row.id);
}

export interface CaseSummary {
  id: string;
  number: number;
  subject: string;
  status: string;
  channel: string;
  team_id: string | null;
  assignee_id: string | null;
  reason: string | null;
  opened_at: number;
}

export async function caseSummaries(db: Db, ids: readonly string[]): Promise<Map<string, CaseSummary>> {
  const summaries = new Map<string, CaseSummary>();
  for (const chunk of chunks(ids))
    for (const row of await db.all<CaseSummary>(
      `SELECT id, number, subject, status, channel, team_id, assignee_id, reason, opened_at FROM cases
        WHERE id IN (${marks(chunk)})`,
      chunk,
    ))
      summaries.set(row.id, row);
  return summaries;
}

export async function answerIdsBetween(db: Db, from: number, to: number, kinds: readonly string[]): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    `SELECT r.invitation_id AS id FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
      WHERE r.first_answered_at >= ? AND r.first_answered_at < ? AND r.score IS NOT NULL AND s.kind IN (${marks(kinds)})`,
    [from, to, ...kinds],
  );
  return rows.map((row) => row.id);
}

export async function answerDetails(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { case_id: string | null; comment: string | null }>> {
  const details = new Map<string, { case_id: string | null; comment: string | null }>();
  for (const chunk of chunks(ids))
    for (const row of await db.all<{ id: string; case_id: string | null; comment: string | null }>(
      `SELECT invitation_id AS id, case_id, comment FROM survey_responses WHERE invitation_id IN (${marks(chunk)})`,
      chunk,
    ))
      details.set(row.id, row);
  return details;
}

/** Gestures issued (at their approval, if they waited for one) in the range: created before its end. */
export async function issuedGestureIdsBetween(db: Db, from: number, to: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    `SELECT id FROM gestures WHERE created_at < ? AND status = 'issued' AND COALESCE(decided_at, created_at) >= ?`,
    [to, from],
  );
  return rows.map((row) => row.id);
}

export async function gestureDetails(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { kind: string; case_id: string | null }>> {
  const details = new Map<string, { kind: string; case_id: string | null }>();
  for (const chunk of chunks(ids))
    for (const row of await db.all<{ id: string; kind: string; case_id: string | null }>(
      `SELECT id, kind, case_id FROM gestures WHERE id IN (${marks(chunk)})`,
      chunk,
    ))
      details.set(row.id, row);
  return details;
}

// ---------------------------------------------------------------------------------------------------------------

const CHUNK = 400;
function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}
const marks = (items: readonly unknown[]) => items.map(() => '?').join(', ');
