// SQL of journeys: their definitions (migration 0027; the stages a JSON document checked by definition.ts on the way
// out as on the way in), and the reads of a report: the interactions of a period that can match one of the
// journey's touchpoints, and the cases and survey answers behind them.
import type { Db, SqlValue } from '../store/db.ts';
import { storedStagesSchema, type Stage } from './definition.ts';
import type { Matcher } from './model.ts';
import type { Answer, CaseFacts } from './measures.ts';

export interface Journey {
  id: string;
  name: string;
  description: string;
  episodeDays: number;
  stages: Stage[];
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  archivedAt: number | null;
}

interface JourneyRow {
  id: string;
  name: string;
  description: string;
  episode_days: number;
  stages: string;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  archived_at: number | null;
}

const toJourney = (row: JourneyRow): Journey => ({
  id: row.id,
  name: row.name,
  description: row.description,
  episodeDays: row.episode_days,
  stages: storedStagesSchema.parse(JSON.parse(row.stages)),
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
});

/** The journeys in use, by name (archived ones leave the list). */
export async function listJourneys(db: Db): Promise<Journey[]> {
  const rows = await db.all<JourneyRow>('SELECT * FROM journeys WHERE archived_at IS NULL ORDER BY name, id');
  return rows.map(toJourney);
}

export async function findJourney(db: Db, id: string): Promise<Journey | undefined> {
  const row = await db.get<JourneyRow>('SELECT * FROM journeys WHERE id = ?', [id]);
  return row && toJourney(row);
}

export async function insertJourney(db: Db, journey: Journey): Promise<void> {
  await db.run(
    `INSERT INTO journeys (id, name, description, episode_days, stages, created_at, created_by, updated_at, archived_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      journey.id,
      journey.name,
      journey.description,
      journey.episodeDays,
      JSON.stringify(journey.stages),
      journey.createdAt,
      journey.createdBy,
      journey.updatedAt,
      journey.archivedAt,
    ],
  );
}

export async function updateJourney(db: Db, journey: Journey): Promise<void> {
  await db.run(
    `UPDATE journeys SET name = ?, description = ?, episode_days = ?, stages = ?, updated_at = ?, archived_at = ?
     WHERE id = ?`,
    [
      journey.name,
      journey.description,
      journey.episodeDays,
      JSON.stringify(journey.stages),
      journey.updatedAt,
      journey.archivedAt,
      journey.id,
    ],
  );
}

/**
 * A matched interaction as read: who (after merges), when, the touchpoint it belongs to (its index in journey
 * order), and what the measures read of it and of its case.
 */
export interface CandidateRow {
  id: number;
  customer_id: string;
  occurred_at: number;
  touchpoint: number;
  inbound: 0 | 1;
  case_id: string | null;
  opened_at: number | null;
  first_response_at: number | null;
  resolved_at: number | null;
  sentiment_score: number | null;
  invitation_id: string | null;
}

const list = (values: readonly SqlValue[]) => values.map(() => '?').join(', ');

const PROPERTY_OF_TYPE = (type: string, property: string) =>
  `CASE WHEN i.type = '${type}' AND json_valid(i.properties) THEN i.properties ->> '$.${property}' END`;
const PAGE_PATH = PROPERTY_OF_TYPE('page_view', 'path');
const PAGE_URL = PROPERTY_OF_TYPE('page_view', 'url');
const INVITATION = PROPERTY_OF_TYPE('survey_response', 'invitationId');

/**
 * One matcher as SQL, the same rule as model.ts's `matches` (fields and, values or; query-plans.test.ts holds the
 * two to agreeing). Column names come from this closed set, values only as parameters. A page prefix is compared by
 * `substr`, which is exact (LIKE ignores case).
 */
export function matcherCondition(matcher: Matcher): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const among = (column: string, values: readonly string[]) => {
    parts.push(`${column} IN (${list(values)})`);
    params.push(...values);
  };
  if (matcher.events) among('i.event', matcher.events);
  if (matcher.channels) among('i.channel', matcher.channels);
  if (matcher.types) among('i.type', matcher.types);
  if (matcher.direction) {
    parts.push('i.direction = ?');
    params.push(matcher.direction);
  }
  if (matcher.reasons) {
    parts.push(`(i.reason IN (${list(matcher.reasons)}) OR c.reason IN (${list(matcher.reasons)}))`);
    params.push(...matcher.reasons, ...matcher.reasons);
  }
  if (matcher.pages) {
    const prefixes = matcher.pages.map(() => `substr(${PAGE_PATH}, 1, ?) = ? OR substr(${PAGE_URL}, 1, ?) = ?`);
    parts.push(`i.type = 'page_view' AND (${prefixes.join(' OR ')})`);
    for (const page of matcher.pages) {
      // substr counts characters (code points), as the spread does.
      const length = [...page].length;
      params.push(length, page, length, page);
    }
  }
  return { sql: parts.length ? `(${parts.join(' AND ')})` : '0', params };
}

/**
 * The interactions of [since, to) that match one of the matchers (given in journey order), in time order, each with
 * the first touchpoint it matches (as model.ts's `touchpointOf`), under the customer who owns its profile now (a
 * merged-away profile's events count for the survivor), with its case's facts. An erased customer's events are gone
 * with her; one projected for her profile since is left out all the same. The touchpoint is worked out here rather
 * than from the columns a matcher reads: a year of a busy shop is hundreds of thousands of rows, and handing each
 * one's event, channel, type, reasons and pages to JavaScript cost more than reading them.
 */
// INDEXED BY: the period is one range of the time index, whatever the matchers are; without it the planner may
// prefer another index for a condition (a case id) that most rows of the period do not meet.
export function candidatesQuery(
  matchers: readonly Matcher[],
  since: number,
  to: number,
): { sql: string; params: SqlValue[] } {
  const conditions = matchers.map(matcherCondition);
  const owner = 'COALESCE(owner.customer_id, i.profile_id)';
  return {
    sql: `SELECT i.id, ${owner} AS customer_id, i.occurred_at,
                 CASE ${conditions.map((condition, index) => `WHEN ${condition.sql} THEN ${index}`).join(' ')} END
                   AS touchpoint,
                 i.direction = 'inbound' AS inbound, i.case_id, c.opened_at, c.first_response_at, c.resolved_at,
                 i.sentiment_score, ${INVITATION} AS invitation_id
          FROM interactions i INDEXED BY interactions_recent
          LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
          LEFT JOIN cases c ON c.id = i.case_id
          WHERE i.occurred_at >= ? AND i.occurred_at < ?
            AND (${conditions.map((condition) => condition.sql).join(' OR ')})
            AND NOT EXISTS (SELECT 1 FROM customers gone WHERE gone.id = ${owner} AND gone.erased_at IS NOT NULL)
          ORDER BY i.occurred_at, i.id`,
    params: [
      ...conditions.flatMap((condition) => condition.params),
      since,
      to,
      ...conditions.flatMap((condition) => condition.params),
    ],
  };
}

export async function readCandidates(
  db: Db,
  matchers: readonly Matcher[],
  since: number,
  to: number,
): Promise<CandidateRow[]> {
  const query = candidatesQuery(matchers, since, to);
  return db.all<CandidateRow>(query.sql, query.params);
}

/** What a case says to the measures, from a candidate row that is part of one. */
export function caseFactsOf(row: CandidateRow): CaseFacts | null {
  return row.case_id === null || row.opened_at === null
    ? null
    : { openedAt: row.opened_at, firstResponseAt: row.first_response_at, resolvedAt: row.resolved_at };
}

const PAGE = 500;

/**
 * The scored survey answers about these cases or through these invitations (the final score of each invitation),
 * read by the survey_responses indexes on case and on invitation, a page of ids at a time.
 */
export async function readAnswers(
  db: Db,
  caseIds: readonly string[],
  invitationIds: readonly string[],
): Promise<Answer[]> {
  const found = new Map<string, Answer>();
  const read = async (column: 'case_id' | 'invitation_id', ids: readonly string[]) => {
    for (let start = 0; start < ids.length; start += PAGE) {
      const page = ids.slice(start, start + PAGE);
      const rows = await db.all<{ invitation_id: string; case_id: string | null; kind: Answer['kind']; score: number }>(
        `SELECT r.invitation_id, r.case_id, s.kind, r.score
         FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
         WHERE r.${column} IN (${list(page)}) AND r.score IS NOT NULL`,
        page,
      );
      for (const row of rows) {
        found.set(row.invitation_id, {
          invitationId: row.invitation_id,
          caseId: row.case_id,
          kind: row.kind,
          score: row.score,
        });
      }
    }
  };
  await read('case_id', caseIds);
  await read('invitation_id', invitationIds);
  return [...found.values()];
}
