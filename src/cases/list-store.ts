// SQL of the queues: cases filtered by customer, status, assignee, team, channel, priority, reason, tag
// or search matches, in one of five orders, keyset-paged, and how many match. Indexes from migrations
// 0003 and 0012 serve the combinations the inbox asks for (src/cases/list-plans.test.ts checks them).
import type { Db, SqlValue } from '../store/db.ts';
import type { CaseStatus } from './model.ts';
import type { CaseRow } from './store.ts';

/** A case row with the sort keys migration 0012 computes from it. */
export type ListedCaseRow = CaseRow & { priority_rank: number; due_sort: number };

export const CASE_SORTS = ['newest', 'oldest', 'priority', 'due', 'updated'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseListFilter {
  customerIds?: readonly string[];
  statuses?: readonly CaseStatus[];
  assigneeId?: string;
  teamId?: string;
  unassigned?: boolean;
  channels?: readonly string[];
  priorities?: readonly string[];
  reasons?: readonly string[];
  /** Any of these tags. */
  tags?: readonly string[];
  /** Only these cases (what a search found). */
  caseIds?: readonly string[];
}

/**
 * The sort keys, last one the id so the order is total. One direction per sort, so a page boundary is
 * one row-value comparison that the sort's index can seek to. Priority: urgent first, and within a
 * priority whoever has waited longest; due: the SLA clock that runs out soonest (none running last).
 */
const SORT_KEYS: Record<CaseSort, { columns: ReadonlyArray<keyof ListedCaseRow>; descending: boolean }> = {
  newest: { columns: ['opened_at', 'id'], descending: true },
  oldest: { columns: ['opened_at', 'id'], descending: false },
  priority: { columns: ['priority_rank', 'opened_at', 'id'], descending: false },
  due: { columns: ['due_sort', 'id'], descending: false },
  updated: { columns: ['updated_at', 'id'], descending: true },
};

/** The values of a row's sort keys: what a cursor holds. */
export type SortPosition = SqlValue[];

/** As migration 0012 computes priority_rank. */
const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function whereOf(filter: CaseListFilter): { sql: string; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const among = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    where.push(`${column} IN (${marks(values)})`);
    params.push(...values);
  };
  among('customer_id', filter.customerIds);
  among('status', filter.statuses);
  among('channel', filter.channels);
  if (filter.priorities?.length) {
    // By rank, so that cases_by_priority serves the filter as well as the order.
    where.push(`priority_rank IN (${marks(filter.priorities)})`);
    params.push(...filter.priorities.map((priority) => PRIORITY_RANK[priority] ?? -1));
  }
  among('reason', filter.reasons);
  if (filter.assigneeId) {
    where.push('assignee_id = ?');
    params.push(filter.assigneeId);
  }
  if (filter.unassigned) where.push('assignee_id IS NULL');
  if (filter.teamId) {
    where.push('team_id = ?');
    params.push(filter.teamId);
  }
  if (filter.tags?.length) {
    where.push(`id IN (SELECT case_id FROM case_tags WHERE tag IN (${marks(filter.tags)}))`);
    params.push(...filter.tags);
  }
  if (filter.caseIds) {
    where.push('id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.caseIds));
  }
  return { sql: where.length ? where.join(' AND ') : '1', params };
}

/** One page of cases in `sort` order, after the row at `after` (a position from positionOf). */
export async function listCasePage(
  db: Db,
  filter: CaseListFilter,
  sort: CaseSort,
  limit: number,
  after: SortPosition | null,
): Promise<ListedCaseRow[]> {
  const { columns, descending } = SORT_KEYS[sort];
  const where = whereOf(filter);
  const params = [...where.params];
  let sql = where.sql;
  if (after) {
    sql += ` AND (${columns.join(', ')}) ${descending ? '<' : '>'} (${marks(columns)})`;
    params.push(...after);
  }
  const order = columns.map((column) => `${column} ${descending ? 'DESC' : 'ASC'}`).join(', ');
  return db.all<ListedCaseRow>(`SELECT * FROM cases WHERE ${sql} ORDER BY ${order} LIMIT ?`, [...params, limit]);
}

export function positionOf(row: ListedCaseRow, sort: CaseSort): SortPosition {
  return SORT_KEYS[sort].columns.map((column) => row[column] as SqlValue);
}

export function sortKeyCount(sort: CaseSort): number {
  return SORT_KEYS[sort].columns.length;
}

export async function countCases(db: Db, filter: CaseListFilter): Promise<number> {
  const where = whereOf(filter);
  const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM cases WHERE ${where.sql}`, where.params);
  return row?.n ?? 0;
}

/** Of these cases, the ids of those the filter lets through: a search ranks them itself. */
export async function idsAmong(db: Db, filter: CaseListFilter & { caseIds: readonly string[] }): Promise<Set<string>> {
  const where = whereOf(filter);
  return new Set(
    (await db.all<{ id: string }>(`SELECT id FROM cases WHERE ${where.sql}`, where.params)).map((row) => row.id),
  );
}
