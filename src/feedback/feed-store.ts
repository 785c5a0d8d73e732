// SQL for what came in as feedback, across surveys, ideas and advisory boards: counts for a period, the latest low
// scores in the customers' words, and the feed the UI shows (newest first). Digest subscriptions (migration 0025).
import type { Db } from '../store/db.ts';

export async function feedbackCountsBetween(
  db: Db,
  from: number,
  to: number,
): Promise<{ surveyAnswers: number; ideaRequests: number; boardInputs: number }> {
  const row = await db.get<{ surveyAnswers: number; ideaRequests: number; boardInputs: number }>(
    `SELECT
       (SELECT COUNT(*) FROM survey_responses WHERE first_answered_at >= ? AND first_answered_at < ?) AS surveyAnswers,
       (SELECT COUNT(*) FROM idea_requesters WHERE added_at >= ? AND added_at < ?) AS ideaRequests,
       (SELECT COUNT(*) FROM advisory_inputs WHERE at >= ? AND at < ?) AS boardInputs`,
    [from, to, from, to, from, to],
  );
  return row ?? { surveyAnswers: 0, ideaRequests: 0, boardInputs: 0 };
}

/** A low score is a detractor's (NPS 0–6), an unsatisfied customer's (CSAT 1–2), or a hard effort (CES 1–3). */
const LOW_SCORE = `CASE s.kind WHEN 'nps' THEN r.score <= 6 WHEN 'csat' THEN r.score <= 2 WHEN 'ces' THEN r.score <= 3 ELSE 0 END`;

export async function lowScoreCommentsBetween(
  db: Db,
  from: number,
  to: number,
  limit: number,
): Promise<Array<{ survey: string; score: number; comment: string; customerId: string; at: number }>> {
  return db.all(
    `SELECT s.name AS survey, r.score, r.comment, r.customer_id AS customerId, r.first_answered_at AS at
     FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
     WHERE r.first_answered_at >= ? AND r.first_answered_at < ? AND r.comment IS NOT NULL AND r.score IS NOT NULL
       AND ${LOW_SCORE}
     ORDER BY r.first_answered_at DESC LIMIT ?`,
    [from, to, limit],
  );
}

export interface FeedRow {
  kind: 'survey_answer' | 'idea_request' | 'board_input';
  at: number;
  customerId: string | null;
  text: string | null;
  score: number | null;
  surveyKind: string | null;
  /** The survey's, idea's or board's id and name. */
  sourceId: string;
  sourceName: string;
  ideaNumber: number | null;
}

/** Feedback of every kind before `before`, newest first. */
export async function feedBefore(db: Db, before: number, limit: number): Promise<FeedRow[]> {
  return db.all<FeedRow>(
    `SELECT * FROM (
       SELECT 'survey_answer' AS kind, r.first_answered_at AS at, r.customer_id AS customerId, r.comment AS text,
              r.score, s.kind AS surveyKind, s.id AS sourceId, s.name AS sourceName, NULL AS ideaNumber
       FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE r.first_answered_at < ?
       UNION ALL
       SELECT 'idea_request', q.added_at, q.customer_id, q.text, NULL, NULL, i.id, i.title, i.number
       FROM idea_requesters q JOIN ideas i ON i.id = q.idea_id WHERE q.added_at < ?
       UNION ALL
       SELECT 'board_input', a.at, a.customer_id, a.text, NULL, NULL, b.id, b.name, NULL
       FROM advisory_inputs a JOIN advisory_boards b ON b.id = a.board_id WHERE a.at < ?
     ) ORDER BY at DESC LIMIT ?`,
    [before, before, before, limit],
  );
}

export interface DigestSubscription {
  staffId: string;
  frequency: 'daily' | 'weekly';
  lastSentAt: number;
}

export async function subscriptionOf(db: Db, staffId: string): Promise<DigestSubscription | undefined> {
  return db.get<DigestSubscription>(
    `SELECT staff_id AS staffId, frequency, last_sent_at AS lastSentAt FROM feedback_digest_subscriptions
     WHERE staff_id = ?`,
    [staffId],
  );
}

export async function subscribe(db: Db, staffId: string, frequency: 'daily' | 'weekly', at: number): Promise<void> {
  await db.run(
    `INSERT INTO feedback_digest_subscriptions (staff_id, frequency, last_sent_at) VALUES (?, ?, ?)
     ON CONFLICT (staff_id) DO UPDATE SET frequency = excluded.frequency`,
    [staffId, frequency, at],
  );
}

export async function unsubscribe(db: Db, staffId: string): Promise<void> {
  await db.run('DELETE FROM feedback_digest_subscriptions WHERE staff_id = ?', [staffId]);
}

/** Subscriptions whose period has run since their last digest, with the staff member's address (active only). */
export async function dueSubscriptions(
  db: Db,
  now: number,
): Promise<Array<DigestSubscription & { email: string; name: string }>> {
  return db.all(
    `SELECT d.staff_id AS staffId, d.frequency, d.last_sent_at AS lastSentAt, s.email, s.name
     FROM feedback_digest_subscriptions d JOIN staff s ON s.id = d.staff_id
     WHERE s.disabled_at IS NULL
       AND d.last_sent_at <= ? - CASE d.frequency WHEN 'daily' THEN 86400000 ELSE 604800000 END`,
    [now],
  );
}

export async function markDigestSent(db: Db, staffId: string, at: number): Promise<void> {
  await db.run('UPDATE feedback_digest_subscriptions SET last_sent_at = ? WHERE staff_id = ?', [at, staffId]);
}
