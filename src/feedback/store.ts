// SQL for surveys, their invitations (signed links, by the hash of their secret) and responses (migration 0022).
import type { Db, SqlValue } from '../store/db.ts';
import type { Answers, Question, SurveyKind } from './model.ts';
import type { FollowUpRule, Survey, SurveyTrigger } from './survey-model.ts';

interface SurveyRow {
  id: string;
  name: string;
  kind: SurveyKind;
  questions: string;
  trigger: string;
  quiet_days: number;
  link_valid_days: number;
  follow_up: string;
  active: number;
  created_at: number;
  created_by: string | null;
}

const toSurvey = (row: SurveyRow): Survey => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  questions: JSON.parse(row.questions) as Question[],
  trigger: JSON.parse(row.trigger) as SurveyTrigger,
  quietDays: row.quiet_days,
  linkValidDays: row.link_valid_days,
  followUp: JSON.parse(row.follow_up) as FollowUpRule,
  active: row.active === 1,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const surveyValues = (survey: Survey): SqlValue[] => [
  survey.name,
  survey.kind,
  JSON.stringify(survey.questions),
  JSON.stringify(survey.trigger),
  survey.quietDays,
  survey.linkValidDays,
  JSON.stringify(survey.followUp),
  survey.active ? 1 : 0,
];

export async function insertSurvey(db: Db, survey: Survey): Promise<void> {
  await db.run(
    `INSERT INTO surveys (name, kind, questions, trigger, quiet_days, link_valid_days, follow_up, active, id, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...surveyValues(survey), survey.id, survey.createdAt, survey.createdBy],
  );
}

export async function updateSurvey(db: Db, survey: Survey): Promise<void> {
  await db.run(
    `UPDATE surveys SET name = ?, kind = ?, questions = ?, trigger = ?, quiet_days = ?, link_valid_days = ?,
       follow_up = ?, active = ?
     WHERE id = ?`,
    [...surveyValues(survey), survey.id],
  );
}

export async function findSurvey(db: Db, id: string): Promise<Survey | undefined> {
  const row = await db.get<SurveyRow>('SELECT * FROM surveys WHERE id = ?', [id]);
  return row && toSurvey(row);
}

export async function listSurveys(db: Db): Promise<Survey[]> {
  return (await db.all<SurveyRow>('SELECT * FROM surveys ORDER BY created_at, id')).map(toSurvey);
}

/** The survey switched on most recently created, if any. */
export async function newestActiveSurvey(db: Db): Promise<Survey | undefined> {
  const row = await db.get<SurveyRow>(
    'SELECT * FROM surveys WHERE active = 1 ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  return row && toSurvey(row);
}

/** Who asked: staff sending it, a trigger's sweep, or a `{{survey.link}}` in a case reply (migration 0030). */
export type InvitationOrigin = 'staff' | 'trigger' | 'reply';

export interface Invitation {
  id: string;
  surveyId: string;
  customerId: string;
  caseId: string | null;
  origin: InvitationOrigin;
  sentAt: number;
  expiresAt: number;
  answeredAt: number | null;
  completedAt: number | null;
}

interface InvitationRow {
  id: string;
  survey_id: string;
  customer_id: string;
  case_id: string | null;
  origin: InvitationOrigin;
  sent_at: number;
  expires_at: number;
  answered_at: number | null;
  completed_at: number | null;
}

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  surveyId: row.survey_id,
  customerId: row.customer_id,
  caseId: row.case_id,
  origin: row.origin,
  sentAt: row.sent_at,
  expiresAt: row.expires_at,
  answeredAt: row.answered_at,
  completedAt: row.completed_at,
});

/** `queued`: to be emailed (the sweep mints its link then); else the link is handed to whoever asked. */
export async function insertInvitation(
  db: Db,
  invitation: Omit<Invitation, 'answeredAt' | 'completedAt'>,
  tokenHash: string,
  delivery: 'link' | 'queued' = 'link',
): Promise<void> {
  await db.run(
    `INSERT INTO survey_invitations (id, survey_id, customer_id, case_id, origin, token_hash, sent_at, expires_at,
       delivery, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      invitation.id,
      invitation.surveyId,
      invitation.customerId,
      invitation.caseId,
      invitation.origin,
      tokenHash,
      invitation.sentAt,
      invitation.expiresAt,
      delivery,
      delivery === 'queued' ? invitation.sentAt : null,
    ],
  );
}

export async function invitationByTokenHash(db: Db, tokenHash: string): Promise<Invitation | undefined> {
  const row = await db.get<InvitationRow>('SELECT * FROM survey_invitations WHERE token_hash = ?', [tokenHash]);
  return row && toInvitation(row);
}

export async function findInvitation(db: Db, id: string): Promise<Invitation | undefined> {
  const row = await db.get<InvitationRow>('SELECT * FROM survey_invitations WHERE id = ?', [id]);
  return row && toInvitation(row);
}

/** When any of these profiles was last invited to any survey (the quiet period is per customer, not per survey). */
export async function lastInvitedAt(db: Db, profiles: readonly string[]): Promise<number | null> {
  const row = await db.get<{ at: number | null }>(
    `SELECT MAX(sent_at) AS at FROM survey_invitations WHERE customer_id IN (${profiles.map(() => '?').join(', ')})`,
    profiles,
  );
  return row?.at ?? null;
}

export async function markInvitationAnswered(db: Db, id: string, at: number, complete: boolean): Promise<void> {
  await db.run(
    `UPDATE survey_invitations SET answered_at = COALESCE(answered_at, ?),
       completed_at = CASE WHEN ? THEN COALESCE(completed_at, ?) ELSE completed_at END
     WHERE id = ?`,
    [at, complete ? 1 : 0, at, id],
  );
}

export interface StoredResponse {
  invitationId: string;
  surveyId: string;
  customerId: string;
  caseId: string | null;
  score: number | null;
  comment: string | null;
  answers: Answers;
  complete: boolean;
  firstAnsweredAt: number;
  updatedAt: number;
  followUpCaseId: string | null;
}

interface ResponseRow {
  invitation_id: string;
  survey_id: string;
  customer_id: string;
  case_id: string | null;
  score: number | null;
  comment: string | null;
  answers: string;
  complete: number;
  first_answered_at: number;
  updated_at: number;
  follow_up_case_id: string | null;
}

const toResponse = (row: ResponseRow): StoredResponse => ({
  invitationId: row.invitation_id,
  surveyId: row.survey_id,
  customerId: row.customer_id,
  caseId: row.case_id,
  score: row.score,
  comment: row.comment,
  answers: JSON.parse(row.answers) as Answers,
  complete: row.complete === 1,
  firstAnsweredAt: row.first_answered_at,
  updatedAt: row.updated_at,
  followUpCaseId: row.follow_up_case_id,
});

export async function findResponse(db: Db, invitationId: string): Promise<StoredResponse | undefined> {
  const row = await db.get<ResponseRow>('SELECT * FROM survey_responses WHERE invitation_id = ?', [invitationId]);
  return row && toResponse(row);
}

export async function saveResponse(db: Db, response: StoredResponse): Promise<void> {
  await db.run(
    `INSERT INTO survey_responses (invitation_id, survey_id, customer_id, case_id, score, comment, answers, complete,
       first_answered_at, updated_at, follow_up_case_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (invitation_id) DO UPDATE SET score = excluded.score, comment = excluded.comment,
       answers = excluded.answers, complete = excluded.complete, updated_at = excluded.updated_at,
       follow_up_case_id = excluded.follow_up_case_id`,
    [
      response.invitationId,
      response.surveyId,
      response.customerId,
      response.caseId,
      response.score,
      response.comment,
      JSON.stringify(response.answers),
      response.complete ? 1 : 0,
      response.firstAnsweredAt,
      response.updatedAt,
      response.followUpCaseId,
    ],
  );
}

/** A survey's responses, newest first, a page at a time (`before`: the first_answered_at of the last one seen). */
export async function responsesOf(
  db: Db,
  surveyId: string,
  options: { from: number; to: number; limit: number },
): Promise<StoredResponse[]> {
  const rows = await db.all<ResponseRow>(
    `SELECT * FROM survey_responses WHERE survey_id = ? AND first_answered_at >= ? AND first_answered_at < ?
     ORDER BY first_answered_at DESC, invitation_id DESC LIMIT ?`,
    [surveyId, options.from, options.to, options.limit],
  );
  return rows.map(toResponse);
}

/** Every score of a survey in a period (for its NPS, CSAT or CES and the distribution), and how many answered. */
export async function scoresOf(
  db: Db,
  surveyId: string,
  from: number,
  to: number,
): Promise<{ scores: number[]; responses: number; complete: number; invited: number }> {
  const scores = await db.all<{ score: number }>(
    `SELECT score FROM survey_responses
     WHERE survey_id = ? AND first_answered_at >= ? AND first_answered_at < ? AND score IS NOT NULL`,
    [surveyId, from, to],
  );
  const counts = await db.get<{ responses: number; complete: number | null }>(
    `SELECT COUNT(*) AS responses, SUM(complete) AS complete FROM survey_responses
     WHERE survey_id = ? AND first_answered_at >= ? AND first_answered_at < ?`,
    [surveyId, from, to],
  );
  const invited = await db.get<{ invited: number }>(
    'SELECT COUNT(*) AS invited FROM survey_invitations WHERE survey_id = ? AND sent_at >= ? AND sent_at < ?',
    [surveyId, from, to],
  );
  return {
    scores: scores.map((row) => row.score),
    responses: counts?.responses ?? 0,
    complete: counts?.complete ?? 0,
    invited: invited?.invited ?? 0,
  };
}

/** A customer's responses and invitations go with her (erasure); the count of responses erased. */
export async function deleteSurveyDataOf(db: Db, profiles: readonly string[]): Promise<number> {
  const marks = profiles.map(() => '?').join(', ');
  const erased = await db.run(`DELETE FROM survey_responses WHERE customer_id IN (${marks})`, profiles);
  await db.run(`DELETE FROM survey_invitations WHERE customer_id IN (${marks})`, profiles);
  return erased.changes;
}

/** A customer's responses, for her export. */
export async function responsesOfCustomer(db: Db, profiles: readonly string[]): Promise<StoredResponse[]> {
  const rows = await db.all<ResponseRow>(
    `SELECT * FROM survey_responses WHERE customer_id IN (${profiles.map(() => '?').join(', ')})
     ORDER BY first_answered_at`,
    profiles,
  );
  return rows.map(toResponse);
}

/**
 * Whether any survey was already sent about this case (a case is asked about once): by a trigger, by staff, or as a
 * link in a reply on it.
 */
export async function invitedAboutCase(db: Db, caseId: string): Promise<boolean> {
  const row = await db.get<{ found: number }>('SELECT 1 AS found FROM survey_invitations WHERE case_id = ? LIMIT 1', [
    caseId,
  ]);
  return row !== undefined;
}

export interface QueuedInvitation extends Invitation {
  deliveryAttempts: number;
}

/** Invitations whose email is due, oldest first. */
export async function dueInvitations(db: Db, now: number, limit: number): Promise<QueuedInvitation[]> {
  const rows = await db.all<InvitationRow & { delivery_attempts: number }>(
    `SELECT * FROM survey_invitations WHERE delivery = 'queued' AND next_attempt_at <= ?
     ORDER BY next_attempt_at, id LIMIT ?`,
    [now, limit],
  );
  return rows.map((row) => ({ ...toInvitation(row), deliveryAttempts: row.delivery_attempts }));
}

/** The invitation as emailed: its link minted now (the hash replaced), valid from now. */
export async function markInvitationSent(
  db: Db,
  id: string,
  sent: { tokenHash: string; at: number; expiresAt: number },
): Promise<void> {
  await db.run(
    `UPDATE survey_invitations SET token_hash = ?, sent_at = ?, expires_at = ?, delivery = 'sent',
       delivery_attempts = delivery_attempts + 1, next_attempt_at = NULL, delivery_error = NULL
     WHERE id = ?`,
    [sent.tokenHash, sent.at, sent.expiresAt, id],
  );
}

/** A failed try: tried again at `nextAttemptAt`, or failed for good when that is null. */
export async function markInvitationAttempt(
  db: Db,
  id: string,
  error: string,
  nextAttemptAt: number | null,
): Promise<void> {
  await db.run(
    `UPDATE survey_invitations SET delivery_attempts = delivery_attempts + 1, next_attempt_at = ?, delivery_error = ?,
       delivery = CASE WHEN ? IS NULL THEN 'failed' ELSE delivery END
     WHERE id = ?`,
    [nextAttemptAt, error.slice(0, 500), nextAttemptAt, id],
  );
}

export async function activeSurveysTriggeredBy(db: Db, on: string): Promise<Survey[]> {
  const rows = await db.all<SurveyRow>(
    `SELECT * FROM surveys WHERE active = 1 AND json_extract(trigger, '$.on') = ? ORDER BY created_at, id`,
    [on],
  );
  return rows.map(toSurvey);
}

/** Survey comments the company chose to follow up (a follow-up case), made in a period. */
export async function followedUpCommentsBetween(
  db: Db,
  from: number,
  to: number,
): Promise<Array<{ askedAt: number; followUpCaseId: string }>> {
  return db.all(
    `SELECT first_answered_at AS askedAt, follow_up_case_id AS followUpCaseId FROM survey_responses
     WHERE follow_up_case_id IS NOT NULL AND comment IS NOT NULL AND first_answered_at >= ? AND first_answered_at < ?`,
    [from, to],
  );
}

/** The answers about a case, or of a customer's profiles, newest first, with their survey's name and kind. */
export async function responsesAbout(
  db: Db,
  about: { caseId?: string; profiles?: readonly string[] },
  limit: number,
): Promise<Array<StoredResponse & { surveyName: string; kind: SurveyKind }>> {
  const where = about.caseId
    ? 'r.case_id = ?'
    : `r.customer_id IN (${(about.profiles ?? []).map(() => '?').join(', ') || 'NULL'})`;
  const rows = await db.all<ResponseRow & { survey_name: string; kind: SurveyKind }>(
    `SELECT r.*, s.name AS survey_name, s.kind FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
     WHERE ${where} ORDER BY r.first_answered_at DESC LIMIT ?`,
    [...(about.caseId ? [about.caseId] : (about.profiles ?? [])), limit],
  );
  return rows.map((row) => ({ ...toResponse(row), surveyName: row.survey_name, kind: row.kind }));
}
