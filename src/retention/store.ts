// SQL of the retention reports: customers' own activity as runs (stretches without a long silence, cut in SQL so that
// only their ends leave the database), churn events with the first own doing after each, first sightings and first
// touches, the experiences of a period, and the reasons churned customers gave. It reads the tables of the
// capabilities that keep them (interactions, customers, cases, sla_breaches, gestures, surveys), as flags does.
import type { Db, SqlValue } from '../store/db.ts';

/** Her own activity, as the context card counts it: inbound, and not a system's record (the partial index's rule). */
const HERS = `i.direction = 'inbound' AND i.channel <> 'system'`;

/**
 * Channels of doing business again (an order, a visit, using the product): after a churn event only these bring
 * her back, not a message or a survey answer about leaving.
 */
export const COMEBACK_CHANNELS = ['order', 'product', 'web', 'app', 'in_store'] as const;

/** The lowest moment a store query takes for "from the beginning". */
export const BEGINNING = Number.MIN_SAFE_INTEGER;

/** Whose profile is whose now: profiles merged into another customer (profile_owners is small: merged ones only). */
export async function profileOwners(db: Db): Promise<Map<string, string>> {
  const rows = await db.all<{ profile_id: string; customer_id: string }>(
    'SELECT profile_id, customer_id FROM profile_owners',
  );
  return new Map(rows.map((row) => [row.profile_id, row.customer_id]));
}

/** Customers erased on request: never counted, never shown (their activity is deleted; this guards what is left). */
export async function erasedCustomers(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ id: string }>(
    'SELECT id FROM customers INDEXED BY customers_erased WHERE erased_at IS NOT NULL',
  );
  return new Set(rows.map((row) => row.id));
}

export interface SightingRow {
  id: string;
  first_seen_at: number;
  source: string | null;
}

/**
 * The customer `c` and the profiles merged into her, in SQL: for first sightings and first touches, which are the
 * earliest of her profiles'.
 */
const HER_PROFILES = `SELECT c.id UNION ALL SELECT o.profile_id FROM profile_owners o WHERE o.customer_id = c.id`;

/**
 * Canonical, unerased customers first seen in [from, to): when (the earliest of her profiles) and her first touch's
 * acquisition source (that of her earliest profile that named one). A scan of customers: there is no index on first
 * sightings, and the report reads a good part of them.
 */
export function sightingsQuery(from: number, to: number): { sql: string; params: SqlValue[] } {
  return {
    sql: `SELECT id, first_seen_at, source FROM (
            SELECT c.id,
              CASE WHEN EXISTS (SELECT 1 FROM profile_owners o WHERE o.customer_id = c.id)
                THEN (SELECT MIN(p.first_seen_at) FROM customers p WHERE p.id IN (${HER_PROFILES}))
                ELSE c.first_seen_at END AS first_seen_at,
              CASE WHEN EXISTS (SELECT 1 FROM profile_owners o WHERE o.customer_id = c.id)
                THEN (SELECT p.acquisition_source FROM customers p
                      WHERE p.id IN (${HER_PROFILES}) AND p.acquisition_source IS NOT NULL
                      ORDER BY p.first_seen_at LIMIT 1)
                ELSE c.acquisition_source END AS source
            FROM customers c WHERE c.merged_into IS NULL AND c.erased_at IS NULL
          ) WHERE first_seen_at >= ? AND first_seen_at < ?`,
    params: [from, to],
  };
}

export async function sightings(db: Db, from: number, to: number): Promise<SightingRow[]> {
  const query = sightingsQuery(from, to);
  return db.all<SightingRow>(query.sql, query.params);
}

/** A profile's own activity in a window: its moments, comma-separated (group_concat). */
export interface ActivityRow {
  profile_id: string;
  moments: string;
}

/**
 * Each profile's own activity in [from, to), one row per profile with its moments joined: a range of the partial
 * index by time (which holds the profile), grouped by profile, so one string per profile leaves SQL instead of a row
 * per moment (0.2 s of CPU for 300,000 moments, against 0.4 s for the ends of runs cut by a window function).
 * `newSince`: only profiles first seen since then (newcomers).
 */
export function activityQuery(
  window: { from: number; to: number },
  newSince?: number,
): { sql: string; params: SqlValue[] } {
  return {
    sql: `SELECT i.profile_id, group_concat(i.occurred_at) AS moments
          FROM interactions i INDEXED BY interactions_own_activity
          WHERE ${HERS} AND i.occurred_at >= ? AND i.occurred_at < ?
            ${newSince === undefined ? '' : 'AND i.profile_id IN (SELECT id FROM customers WHERE first_seen_at >= ?)'}
          GROUP BY i.profile_id`,
    params: [window.from, window.to, ...(newSince === undefined ? [] : [newSince])],
  };
}

export async function activity(
  db: Db,
  window: { from: number; to: number },
  newSince?: number,
): Promise<ActivityRow[]> {
  const query = activityQuery(window, newSince);
  return db.all<ActivityRow>(query.sql, query.params);
}

export interface CancellationRow {
  id: number;
  customer_id: string;
  at: number;
  properties: string | null;
  back_at: number | null;
}

/**
 * Every churn event before `to`, by its customer now, with her first own doing after it (before `to`, on a comeback
 * channel, not the churn event again): the events found in the partial index, which holds the event name; each
 * comeback looked up in her part of the timeline index from the event on.
 */
export function cancellationsQuery(event: string, to: number): { sql: string; params: SqlValue[] } {
  const owner = 'COALESCE(o.customer_id, i.profile_id)';
  return {
    sql: `SELECT i.id, ${owner} AS customer_id, i.occurred_at AS at, i.properties,
            (SELECT MIN(n.occurred_at) FROM interactions n INDEXED BY interactions_timeline
             WHERE n.profile_id IN (SELECT ${owner} UNION ALL SELECT mine.profile_id FROM profile_owners mine
                                    WHERE mine.customer_id = ${owner})
               AND n.occurred_at > i.occurred_at AND n.occurred_at < ?
               AND n.direction = 'inbound' AND n.channel <> 'system'
               AND n.channel IN (${COMEBACK_CHANNELS.map(() => '?').join(', ')}) AND n.event IS NOT ?) AS back_at
          FROM interactions i INDEXED BY interactions_own_activity
          LEFT JOIN profile_owners o ON o.profile_id = i.profile_id
          WHERE ${HERS} AND i.event = ? AND i.occurred_at < ?
          ORDER BY i.occurred_at, i.id`,
    params: [to, ...COMEBACK_CHANNELS, event, event, to],
  };
}

export async function cancellations(db: Db, event: string, to: number): Promise<CancellationRow[]> {
  const query = cancellationsQuery(event, to);
  return db.all<CancellationRow>(query.sql, query.params);
}

/** An experience as read: by profile (cases, gestures and answers keep the profile they were about). */
export interface ExperienceRow {
  profile_id: string;
  experience: string;
  at: number;
}

/** Detractor answers: NPS ≤ 6, CSAT ≤ 2 (the cancellation survey's own answers are reasons, not experiences). */
const DETRACTOR = `((s.kind = 'nps' AND r.score <= 6) OR (s.kind = 'csat' AND r.score <= 2)) AND r.survey_id IS NOT ?`;

/**
 * Everyone's experiences of [from, to] (both included), each read by time through its own index: SLA clocks that
 * ran out, cases that were repeat contacts or reopened (at their opening), customers' negative words, detractor
 * answers, gestures issued.
 */
export function experiencesQueries(
  from: number,
  to: number,
  cancellationSurveyId: string | null,
): Array<{ sql: string; params: SqlValue[] }> {
  return [
    {
      sql: `SELECT c.customer_id AS profile_id, 'sla_breach' AS experience, b.due_at AS at
            FROM sla_breaches b INDEXED BY sla_breaches_by_due JOIN cases c ON c.id = b.case_id
            WHERE b.due_at >= ? AND b.due_at <= ?`,
      params: [from, to],
    },
    {
      sql: `SELECT customer_id AS profile_id, 'repeat_contact' AS experience, opened_at AS at
            FROM cases INDEXED BY cases_listing
            WHERE opened_at >= ? AND opened_at <= ? AND (repeat_of IS NOT NULL OR contact_count > 1)
            UNION ALL
            SELECT customer_id, 'reopened', opened_at FROM cases INDEXED BY cases_listing
            WHERE opened_at >= ? AND opened_at <= ? AND reopen_count > 0`,
      params: [from, to, from, to],
    },
    {
      sql: `SELECT i.profile_id, 'negative_post' AS experience, i.occurred_at AS at
            FROM interactions i INDEXED BY interactions_listened_by_time
            WHERE i.occurred_at >= ? AND i.occurred_at <= ? AND i.sentiment IS NOT NULL
              AND i.sentiment = 'negative' AND i.direction = 'inbound'`,
      params: [from, to],
    },
    {
      sql: `SELECT r.customer_id AS profile_id, 'detractor' AS experience, r.first_answered_at AS at
            FROM survey_responses r INDEXED BY survey_responses_by_time JOIN surveys s ON s.id = r.survey_id
            WHERE r.first_answered_at >= ? AND r.first_answered_at <= ? AND ${DETRACTOR}`,
      params: [from, to, cancellationSurveyId],
    },
    {
      sql: `SELECT customer_id AS profile_id, 'gesture' AS experience, created_at AS at
            FROM gestures INDEXED BY gestures_issued_by_time
            WHERE status = 'issued' AND created_at >= ? AND created_at <= ?`,
      params: [from, to],
    },
  ];
}

export async function experiences(
  db: Db,
  from: number,
  to: number,
  cancellationSurveyId: string | null,
): Promise<ExperienceRow[]> {
  const rows: ExperienceRow[] = [];
  for (const query of experiencesQueries(from, to, cancellationSurveyId)) {
    rows.push(...(await db.all<ExperienceRow>(query.sql, query.params)));
  }
  return rows;
}

/** `[customerId, from, to]` triples as a table `her(customer_id, profile_id, starts, ends)`: each of her profiles. */
const HER_WINDOWS = `asked(customer_id, starts, ends) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?)
  ),
  her(customer_id, profile_id, starts, ends) AS (
    SELECT customer_id, customer_id, starts, ends FROM asked
    UNION ALL SELECT asked.customer_id, o.profile_id, starts, ends FROM asked JOIN profile_owners o ON o.customer_id = asked.customer_id
  )`;

/**
 * The experiences of some customers, each in her own window ([from, to] per `[customerId, from, to]`): for the
 * customers who churned, whose windows reach further back than everyone's. Each is a look-up of her rows in the
 * index by customer (or profile) and time, so the whole period's experiences are not read for a few customers.
 * The rows name the customer asked about. CROSS JOIN keeps her as the outer loop: the planner, knowing nothing of
 * the JSON's size, otherwise scans a whole index and probes her list with a Bloom filter.
 */
export function experiencesInWindowsQuery(
  windows: ReadonlyArray<readonly [string, number, number]>,
  cancellationSurveyId: string | null,
): { sql: string; params: SqlValue[] } {
  return {
    sql: `WITH ${HER_WINDOWS}
          SELECT her.customer_id AS profile_id, 'sla_breach' AS experience, b.due_at AS at
          FROM her CROSS JOIN cases c INDEXED BY cases_customer ON c.customer_id = her.profile_id AND c.opened_at <= her.ends
          JOIN sla_breaches b ON b.case_id = c.id
          WHERE b.due_at >= her.starts AND b.due_at <= her.ends
          UNION ALL
          SELECT her.customer_id, 'repeat_contact', c.opened_at
          FROM her CROSS JOIN cases c INDEXED BY cases_customer
            ON c.customer_id = her.profile_id AND c.opened_at >= her.starts AND c.opened_at <= her.ends
          WHERE c.repeat_of IS NOT NULL OR c.contact_count > 1
          UNION ALL
          SELECT her.customer_id, 'reopened', c.opened_at
          FROM her CROSS JOIN cases c INDEXED BY cases_customer
            ON c.customer_id = her.profile_id AND c.opened_at >= her.starts AND c.opened_at <= her.ends
          WHERE c.reopen_count > 0
          UNION ALL
          SELECT her.customer_id, 'negative_post', i.occurred_at
          FROM her CROSS JOIN interactions i INDEXED BY interactions_timeline
            ON i.profile_id = her.profile_id AND i.occurred_at >= her.starts AND i.occurred_at <= her.ends
          WHERE i.sentiment = 'negative' AND i.direction = 'inbound'
          UNION ALL
          SELECT her.customer_id, 'detractor', r.first_answered_at
          FROM her CROSS JOIN survey_responses r INDEXED BY survey_responses_by_customer ON r.customer_id = her.profile_id
          CROSS JOIN surveys s ON s.id = r.survey_id
          WHERE r.first_answered_at >= her.starts AND r.first_answered_at <= her.ends AND ${DETRACTOR}
          UNION ALL
          SELECT her.customer_id, 'gesture', g.created_at
          FROM her CROSS JOIN gestures g INDEXED BY gestures_customer
            ON g.customer_id = her.profile_id AND g.created_at >= her.starts AND g.created_at <= her.ends
          WHERE g.status = 'issued'`,
    params: [JSON.stringify(windows), cancellationSurveyId],
  };
}

export async function experiencesInWindows(
  db: Db,
  windows: ReadonlyArray<readonly [string, number, number]>,
  cancellationSurveyId: string | null,
): Promise<ExperienceRow[]> {
  if (windows.length === 0) return [];
  const query = experiencesInWindowsQuery(windows, cancellationSurveyId);
  return db.all<ExperienceRow>(query.sql, query.params);
}

export interface SurveyAnswerRow {
  customer_id: string;
  at: number;
  answers: string;
  comment: string | null;
  questions: string;
}

/** The cancellation survey's answers of [from, to), by the customer they are about now. */
export function surveyAnswersQuery(surveyId: string, from: number, to: number): { sql: string; params: SqlValue[] } {
  return {
    sql: `SELECT COALESCE(o.customer_id, r.customer_id) AS customer_id, r.first_answered_at AS at, r.answers,
                 r.comment, s.questions
          FROM survey_responses r INDEXED BY survey_responses_by_survey
          JOIN surveys s ON s.id = r.survey_id
          LEFT JOIN profile_owners o ON o.profile_id = r.customer_id
          WHERE r.survey_id = ? AND r.first_answered_at >= ? AND r.first_answered_at < ?`,
    params: [surveyId, from, to],
  };
}

export async function surveyAnswers(db: Db, surveyId: string, from: number, to: number): Promise<SurveyAnswerRow[]> {
  const query = surveyAnswersQuery(surveyId, from, to);
  return db.all<SurveyAnswerRow>(query.sql, query.params);
}

/** Whether a survey exists (the cancellation survey setting names one). */
export async function surveyExists(db: Db, surveyId: string): Promise<boolean> {
  return (await db.get<{ one: number }>('SELECT 1 AS one FROM surveys WHERE id = ?', [surveyId])) !== undefined;
}

export interface LastContactRow {
  customer_id: string;
  case_id: string;
  reason: string | null;
  subject: string;
  opened_at: number;
}

/**
 * Each churned customer's last case opened in her window ([from, to], as `[customerId, from, to]` triples): per
 * profile of hers, the newest case of the window is the first entry of the case index by customer and time (newest
 * first), so nothing is sorted; the service keeps the newest of her profiles'.
 */
export function lastContactsQuery(windows: ReadonlyArray<readonly [string, number, number]>): {
  sql: string;
  params: SqlValue[];
} {
  return {
    sql: `WITH ${HER_WINDOWS},
          latest(customer_id, case_id) AS (
            SELECT her.customer_id,
              (SELECT c.id FROM cases c INDEXED BY cases_customer
               WHERE c.customer_id = her.profile_id AND c.opened_at >= her.starts AND c.opened_at <= her.ends
               ORDER BY c.opened_at DESC LIMIT 1)
            FROM her
          )
          SELECT latest.customer_id, c.id AS case_id, c.reason, c.subject, c.opened_at
          FROM latest JOIN cases c ON c.id = latest.case_id`,
    params: [JSON.stringify(windows)],
  };
}

export async function lastContacts(
  db: Db,
  windows: ReadonlyArray<readonly [string, number, number]>,
): Promise<LastContactRow[]> {
  if (windows.length === 0) return [];
  const query = lastContactsQuery(windows);
  return db.all<LastContactRow>(query.sql, query.params);
}

/** Names of the customers whose words are shown, erased ones left out. */
export async function customerNames(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: string; name: string | null }>(
    'SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?)) AND erased_at IS NULL',
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

export interface CohortCountRow {
  cohort: string;
  month: string;
  customers: number;
}

/**
 * Per cohort (the UTC month each canonical customer first seen in [from, to) was first seen) and month up to `now`,
 * how many of them had activity of their own: each member's profiles read in the timeline index from her first
 * sighting on (CROSS JOIN: her profiles are the outer loop, which the planner, without statistics, would otherwise
 * turn round into a scan of the whole index). 1.0 s of CPU for twelve monthly cohorts of 100,000 customers, where a
 * range of the activity index by time, looked up among the members, took 2.2 s. Sizes come from `sightings`.
 */
export function cohortCountsQuery(from: number, to: number, now: number): { sql: string; params: SqlValue[] } {
  const sighting = sightingsQuery(from, to);
  const monthOf = (ms: string) => `strftime('%Y-%m', ${ms} / 1000, 'unixepoch')`;
  return {
    sql: `WITH member AS (${sighting.sql}),
          profile(customer_id, profile_id, first_seen_at) AS (
            SELECT id, id, first_seen_at FROM member
            UNION ALL SELECT member.id, o.profile_id, member.first_seen_at
            FROM member JOIN profile_owners o ON o.customer_id = member.id
          ),
          active AS (
            SELECT DISTINCT profile.customer_id, ${monthOf('profile.first_seen_at')} AS cohort,
                   ${monthOf('i.occurred_at')} AS month
            FROM profile CROSS JOIN interactions i INDEXED BY interactions_timeline
              ON i.profile_id = profile.profile_id AND i.occurred_at >= profile.first_seen_at AND i.occurred_at < ?
            WHERE ${HERS}
          )
          SELECT cohort, month, COUNT(*) AS customers FROM active GROUP BY cohort, month`,
    params: [...sighting.params, now],
  };
}

export async function cohortCounts(db: Db, from: number, to: number, now: number): Promise<CohortCountRow[]> {
  const query = cohortCountsQuery(from, to, now);
  return db.all<CohortCountRow>(query.sql, query.params);
}
