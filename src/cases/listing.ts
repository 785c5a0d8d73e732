// The queues and the case search: cases filtered, sorted and paged by cursor, with how many match.
// A search (`q`) ranks its matches best first unless another order is asked for.
import type { Db, SqlValue } from '../store/db.ts';
import { type DomainError, invalidField } from '../shared/errors.ts';
import { caseErrors } from './errors.ts';
import { profilesOf } from '../customers/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import type { CaseStatus } from './model.ts';
import { parseCaseSearch } from './search.ts';
import { findCaseMatches } from './search-store.ts';
import {
  countCases,
  idsAmong,
  listCasePage,
  positionOf,
  sortKeyCount,
  type CaseListFilter,
  type CaseSort,
  type SortPosition,
} from './list-store.ts';
import { summarise } from './service.ts';
import { findCase, toCase } from './store.ts';
import type { CaseSummary } from './view.ts';

/** A search pages through its best matches only: a query that finds more is too broad to read anyway. */
export const SEARCH_CAP = 1000;

export interface CaseQuery {
  customerId?: string;
  statuses?: CaseStatus[];
  assigneeId?: string;
  teamId?: string;
  unassigned?: boolean;
  channels?: string[];
  priorities?: string[];
  reasons?: string[];
  tags?: string[];
  q?: string;
  /** Default: `relevance` for a search, else `newest`. */
  sort?: CaseSort | 'relevance';
  limit: number;
  cursor?: string;
}

export interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
  /** How many cases match (of a search: of its first SEARCH_CAP matches). */
  total: number;
  /** A search found more than SEARCH_CAP cases: narrow it. */
  capped: boolean;
}

// A cursor names its order, so one from another order (or made up) is refused rather than misread.
function encodeCursor(sort: string, position: SortPosition): string {
  return Buffer.from(JSON.stringify([sort, ...position])).toString('base64url');
}

function decodeCursor(raw: string, sort: string, keys: number): SortPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString());
  } catch {
    parsed = null;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed[0] === sort &&
    parsed.length === keys + 1 &&
    parsed
      .slice(1)
      .every((value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)));
  if (!valid) throw unknownCursor();
  return (parsed as SqlValue[]).slice(1);
}

function unknownCursor(): DomainError {
  return invalidField('cursor', 'Unknown cursor', 'The cursor is not one this API gave out for this order');
}

async function filterOf(db: Db, query: CaseQuery): Promise<CaseListFilter> {
  let customerIds: string[] | undefined;
  if (query.customerId) {
    const customer = await canonicalCustomer(db, query.customerId);
    if (!customer) throw caseErrors.error('customer_not_found', `No customer with id ${query.customerId}`);
    customerIds = await profilesOf(db, customer.id);
  }
  return {
    customerIds,
    statuses: query.statuses,
    assigneeId: query.assigneeId,
    teamId: query.teamId,
    unassigned: query.unassigned,
    channels: query.channels,
    priorities: query.priorities,
    reasons: query.reasons,
    tags: query.tags,
  };
}

export async function listCases(db: Db, query: CaseQuery): Promise<CasePage> {
  const filter = await filterOf(db, query);
  let capped = false;
  if (query.q !== undefined) {
    const matches = await findCaseMatches(db, parseCaseSearch(query.q), SEARCH_CAP + 1);
    capped = matches.length > SEARCH_CAP;
    const caseIds = matches.slice(0, SEARCH_CAP);
    filter.caseIds = caseIds;
    if ((query.sort ?? 'relevance') === 'relevance')
      return { ...(await rankedPage(db, { ...filter, caseIds }, query)), capped };
  }
  const sort = query.sort === undefined || query.sort === 'relevance' ? 'newest' : query.sort;
  const rows = await listCasePage(
    db,
    filter,
    sort,
    query.limit + 1,
    query.cursor ? decodeCursor(query.cursor, sort, sortKeyCount(sort)) : null,
  );
  const page = rows.slice(0, query.limit);
  return {
    items: await Promise.all(page.map((row) => summarise(db, toCase(row)))),
    nextCursor: rows.length > query.limit ? encodeCursor(sort, positionOf(page[page.length - 1]!, sort)) : null,
    total: await countCases(db, filter),
    capped,
  };
}

/** Search matches in rank order; the cursor is how many came before (ranks are not stored anywhere to seek to). */
async function rankedPage(
  db: Db,
  filter: CaseListFilter & { caseIds: readonly string[] },
  query: CaseQuery,
): Promise<Omit<CasePage, 'capped'>> {
  const kept = await idsAmong(db, filter);
  const ranked = filter.caseIds.filter((id) => kept.has(id));
  const offset = query.cursor ? Number(decodeCursor(query.cursor, 'relevance', 1)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw unknownCursor();
  const page = ranked.slice(offset, offset + query.limit);
  return {
    items: await Promise.all(page.map(async (id) => summarise(db, (await findCase(db, id))!))),
    nextCursor: offset + query.limit < ranked.length ? encodeCursor('relevance', [offset + query.limit]) : null,
    total: ranked.length,
  };
}
