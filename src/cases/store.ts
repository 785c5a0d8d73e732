// SQL for cases, their conversation, thread references and history.
import type { Db, SqlValue } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import type { Channel, Direction, InsightColumns } from '../interactions/index.ts';
import type { CaseRecord, DeliveryStatus, MessageKind } from './model.ts';
import { currentEvent } from '../shared/clock.ts';

export interface CaseRow {
  id: string;
  number: number;
  customer_id: string;
  subject: string;
  channel: string;
  status: string;
  priority: string;
  reason: string | null;
  tags: string;
  assignee_id: string | null;
  team_id: string | null;
  sla_policy_id: string | null;
  opened_at: number;
  first_response_at: number | null;
  last_inbound_at: number | null;
  last_outbound_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  first_response_due_at: number | null;
  next_response_due_at: number | null;
  resolution_due_at: number | null;
  reopen_count: number;
  contact_count: number;
  repeat_of: string | null;
  first_contact_resolution: number | null;
  resolution_paused_at: number | null;
  updated_at: number;
}

const COLUMNS: ReadonlyArray<[keyof CaseRecord, keyof CaseRow]> = [
  ['id', 'id'],
  ['number', 'number'],
  ['customerId', 'customer_id'],
  ['subject', 'subject'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['priority', 'priority'],
  ['reason', 'reason'],
  ['tags', 'tags'],
  ['assigneeId', 'assignee_id'],
  ['teamId', 'team_id'],
  ['slaPolicyId', 'sla_policy_id'],
  ['openedAt', 'opened_at'],
  ['firstResponseAt', 'first_response_at'],
  ['lastInboundAt', 'last_inbound_at'],
  ['lastOutboundAt', 'last_outbound_at'],
  ['resolvedAt', 'resolved_at'],
  ['closedAt', 'closed_at'],
  ['firstResponseDueAt', 'first_response_due_at'],
  ['nextResponseDueAt', 'next_response_due_at'],
  ['resolutionDueAt', 'resolution_due_at'],
  ['reopenCount', 'reopen_count'],
  ['contactCount', 'contact_count'],
  ['repeatOf', 'repeat_of'],
  ['firstContactResolution', 'first_contact_resolution'],
  ['resolutionPausedAt', 'resolution_paused_at'],
  ['updatedAt', 'updated_at'],
];

export function toCase(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    subject: row.subject,
    channel: row.channel as CaseRecord['channel'],
    status: row.status as CaseRecord['status'],
    priority: row.priority as CaseRecord['priority'],
    reason: row.reason,
    tags: JSON.parse(row.tags) as string[],
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    slaPolicyId: row.sla_policy_id,
    openedAt: row.opened_at,
    firstResponseAt: row.first_response_at,
    lastInboundAt: row.last_inbound_at,
    lastOutboundAt: row.last_outbound_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    firstResponseDueAt: row.first_response_due_at,
    nextResponseDueAt: row.next_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    reopenCount: row.reopen_count,
    contactCount: row.contact_count,
    repeatOf: row.repeat_of,
    firstContactResolution: row.first_contact_resolution === null ? null : row.first_contact_resolution === 1,
    resolutionPausedAt: row.resolution_paused_at,
    updatedAt: row.updated_at,
  };
}

function columnValue(record: CaseRecord, key: keyof CaseRecord): SqlValue {
  const value = record[key];
  if (key === 'tags') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as SqlValue;
}

export async function insertCase(db: Db, record: CaseRecord): Promise<void> {
  const names = COLUMNS.map(([, column]) => column).join(', ');
  const marks = COLUMNS.map(() => '?').join(', ');
  await db.run(
    `INSERT INTO cases (${names}) VALUES (${marks})`,
    COLUMNS.map(([key]) => columnValue(record, key)),
  );
}

/** Writes the fields of `changes` (and updated_at) to the case. */
export async function updateCase(db: Db, id: string, changes: Partial<CaseRecord>, at: number): Promise<void> {
  const assignments: string[] = [];
  const params: SqlValue[] = [];
  for (const [key, column] of COLUMNS) {
    if (key === 'id' || key === 'updatedAt' || !(key in changes)) continue;
    assignments.push(`${column} = ?`);
    params.push(columnValue(changes as CaseRecord, key));
  }
  assignments.push('updated_at = ?');
  params.push(at, id);
  await db.run(`UPDATE cases SET ${assignments.join(', ')} WHERE id = ?`, params);
}

export async function findCase(db: Db, id: string): Promise<CaseRecord | undefined> {
  const row = await db.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [id]);
  return row && toCase(row);
}

export async function findCaseByNumber(db: Db, number: number): Promise<CaseRecord | undefined> {
  const row = await db.get<CaseRow>('SELECT * FROM cases WHERE number = ?', [number]);
  return row && toCase(row);
}

/** Of the cases with these numbers, the one with the highest id (the newest): what a `[#number]` tag names. */
export async function latestCaseNumbered(db: Db, numbers: readonly number[]): Promise<CaseRecord | undefined> {
  const row = await db.get<CaseRow>(
    `SELECT * FROM cases WHERE number IN (${numbers.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`,
    numbers,
  );
  return row && toCase(row);
}

export async function nextCaseNumber(db: Db): Promise<number> {
  const row = await db.get<{ n: number | null }>('SELECT MAX(number) AS n FROM cases');
  return (row?.n ?? 1000) + 1;
}

// The queues (filters, sorts, paging, totals) are in list-store.ts.

/** Active cases whose nearest SLA due time is before `until`, soonest first: the "breaching soon" queue. */
export async function listCasesDueBefore(
  db: Db,
  until: number,
  limit: number,
  filter: { teamId?: string; assigneeId?: string } = {},
): Promise<CaseRecord[]> {
  const where = [`status IN ('new', 'open', 'pending')`];
  const params: SqlValue[] = [];
  if (filter.teamId) {
    where.push('team_id = ?');
    params.push(filter.teamId);
  }
  if (filter.assigneeId) {
    where.push('assignee_id = ?');
    params.push(filter.assigneeId);
  }
  // 9e18 stands for "no clock running" so MIN picks the clocks that are.
  const rows = await db.all<CaseRow>(
    `SELECT * FROM (
       SELECT cases.*,
              MIN(CASE WHEN first_response_at IS NULL THEN COALESCE(first_response_due_at, 9e18) ELSE 9e18 END,
                  COALESCE(next_response_due_at, 9e18),
                  CASE WHEN resolution_paused_at IS NULL THEN COALESCE(resolution_due_at, 9e18) ELSE 9e18 END) AS nearest_due_at
       FROM cases WHERE ${where.join(' AND ')}
     )
     WHERE nearest_due_at <= ?
     ORDER BY nearest_due_at ASC LIMIT ?`,
    [...params, until, limit],
  );
  return rows.map(toCase);
}

/**
 * The customer's recent cases, newest first: threading and repeat-contact candidates. A case still
 * being worked on counts however long ago it opened, since she may still be writing to it.
 */
export async function recentCasesOf(db: Db, customerIds: readonly string[], since: number): Promise<CaseRecord[]> {
  const rows = await db.all<CaseRow>(
    `SELECT * FROM cases WHERE customer_id IN (${customerIds.map(() => '?').join(', ')})
       AND (opened_at >= ? OR status IN ('new', 'open', 'pending'))
     ORDER BY opened_at DESC LIMIT 50`,
    [...customerIds, since],
  );
  return rows.map(toCase);
}

export async function caseForThreadRefs(db: Db, channel: string, refs: readonly string[]): Promise<string | null> {
  if (refs.length === 0) return null;
  const row = await db.get<{ case_id: string }>(
    `SELECT case_id FROM case_thread_refs WHERE channel = ? AND ref IN (${refs.map(() => '?').join(', ')})
     ORDER BY case_id DESC LIMIT 1`,
    [channel, ...refs],
  );
  return row?.case_id ?? null;
}

export async function addThreadRef(db: Db, channel: string, ref: string, caseId: string): Promise<void> {
  await db.run('INSERT OR IGNORE INTO case_thread_refs (channel, ref, case_id) VALUES (?, ?, ?)', [
    channel,
    ref,
    caseId,
  ]);
}

export interface CaseMessageInsert {
  caseId: string;
  interactionId: number;
  kind: MessageKind;
  authorStaffId: string | null;
  at: number;
  delivery?: DeliveryStatus | null;
  externalId?: string | null;
  /** The merged-away case whose thread the message came by, when it lands on that case's survivor. */
  originCaseId?: string | null;
}

/** A case a historical message opened closed: metrics count it as a contact, not as a resolution (migration 0029). */
export async function markHistorical(db: Db, caseId: string): Promise<void> {
  await db.run('UPDATE cases SET historical = 1 WHERE id = ?', [caseId]);
}

export async function insertCaseMessage(db: Db, message: CaseMessageInsert): Promise<number> {
  // The origin column is named only when set (rarely: a merged case's thread), so the usual statement is unchanged.
  const origin = message.originCaseId ? [message.originCaseId] : [];
  await db.run(
    `INSERT INTO case_messages (case_id, interaction_id, kind, author_staff_id, at, delivery, next_attempt_at, external_id${origin.length ? ', origin_case_id' : ''})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?${origin.length ? ', ?' : ''})`,
    [
      message.caseId,
      message.interactionId,
      message.kind,
      message.authorStaffId,
      message.at,
      message.delivery ?? null,
      message.delivery === 'queued' ? message.at : null,
      message.externalId ?? null,
      ...origin,
    ],
  );
  await db.run('UPDATE interactions SET case_id = ? WHERE id = ?', [message.caseId, message.interactionId]);
  const row = await db.get<{ id: number }>('SELECT last_insert_rowid() AS id');
  return row!.id;
}

export interface CaseMessageRow extends InsightColumns {
  id: number;
  case_id: string;
  interaction_id: number;
  kind: MessageKind;
  author_staff_id: string | null;
  author_name: string | null;
  at: number;
  delivery: DeliveryStatus | null;
  delivery_attempts: number;
  delivery_error: string | null;
  external_id: string | null;
  channel: Channel;
  direction: Direction;
  text: string | null;
  properties: string | null;
  /** Set when the message came from another case's thread (a merged case): that case and its number. */
  origin_case_id: string | null;
  origin_number: number | null;
}

export async function messagesOf(db: Db, caseId: string): Promise<CaseMessageRow[]> {
  return db.all<CaseMessageRow>(
    `SELECT m.id, m.case_id, m.interaction_id, m.kind, m.author_staff_id, s.name AS author_name, m.at, m.delivery,
            m.delivery_attempts, m.delivery_error, m.external_id, i.channel, i.direction, i.text, i.properties,
            m.origin_case_id, o.number AS origin_number, i.sentiment, i.sentiment_score, i.urgent, i.urgency_score,
            i.language, i.reason, i.reason_confidence
     FROM case_messages m
     JOIN interactions i ON i.id = m.interaction_id
     LEFT JOIN staff s ON s.id = m.author_staff_id
     LEFT JOIN cases o ON o.id = m.origin_case_id
     WHERE m.case_id = ?
     ORDER BY m.at, m.id`,
    [caseId],
  );
}

export async function recordCaseEvent(
  db: Db,
  caseId: string,
  at: number,
  actor: Pick<Actor, 'kind' | 'id'>,
  change: Record<string, unknown>,
): Promise<void> {
  await db.run(
    'INSERT INTO case_events (case_id, at, actor_kind, actor_id, change, log_position) VALUES (?, ?, ?, ?, ?, ?)',
    [caseId, at, actor.kind, actor.id, JSON.stringify(change), currentEvent()?.position ?? null],
  );
}

/** The changes to a case that projecting the event at one log position wrote (its opening, a reopening…). */
export async function caseChangesAtPosition(
  db: Db,
  caseId: string,
  position: number,
): Promise<Array<Record<string, unknown>>> {
  const rows = await db.all<{ change: string }>(
    'SELECT change FROM case_events WHERE case_id = ? AND log_position = ? ORDER BY id',
    [caseId, position],
  );
  return rows.map((row) => JSON.parse(row.change) as Record<string, unknown>);
}

export async function caseEventsOf(
  db: Db,
  caseId: string,
): Promise<Array<{ at: number; actorKind: Actor['kind']; actorId: string | null; change: Record<string, unknown> }>> {
  // actor_kind is written only from an Actor (recordCaseEvent).
  const rows = await db.all<{ at: number; actor_kind: Actor['kind']; actor_id: string | null; change: string }>(
    'SELECT at, actor_kind, actor_id, change FROM case_events WHERE case_id = ? ORDER BY at, id',
    [caseId],
  );
  return rows.map((row) => ({
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    change: JSON.parse(row.change),
  }));
}

export async function customersOfCases(db: Db, caseIds: readonly string[]): Promise<string[]> {
  const rows = await db.all<{ customer_id: string }>(
    `SELECT DISTINCT customer_id FROM cases WHERE id IN (${caseIds.map(() => '?').join(', ')})`,
    caseIds,
  );
  return rows.map((row) => row.customer_id);
}

export async function hasRepeatContact(db: Db, caseId: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS yes FROM cases WHERE repeat_of = ? LIMIT 1', [caseId])) !== undefined;
}

/** Cases still being worked on for these profiles, newest first: what the context card lists. */
export async function activeCasesOf(db: Db, customerIds: readonly string[], limit: number): Promise<CaseRecord[]> {
  const rows = await db.all<CaseRow>(
    `SELECT * FROM cases WHERE customer_id IN (${customerIds.map(() => '?').join(', ')}) AND status IN ('new', 'open', 'pending')
     ORDER BY opened_at DESC LIMIT ?`,
    [...customerIds, limit],
  );
  return rows.map(toCase);
}

/** The case a reply we sent went out on, by the channel's id of it. */
export async function caseOfReply(db: Db, externalId: string): Promise<string | undefined> {
  const row = await db.get<{ case_id: string }>(
    "SELECT case_id FROM case_messages WHERE external_id = ? AND kind = 'reply'",
    [externalId],
  );
  return row?.case_id;
}

/** The case an interaction is a message of (a duplicate delivery finds where the first one went). */
export async function caseOfInteraction(
  db: Db,
  interactionId: number,
): Promise<{ case_id: string; number: number; customer_id: string; repeat_of: string | null } | undefined> {
  return db.get(
    `SELECT m.case_id, c.number, c.customer_id, c.repeat_of FROM case_messages m JOIN cases c ON c.id = m.case_id
     WHERE m.interaction_id = ?`,
    [interactionId],
  );
}

/** The earlier case was not resolved on first contact after all. */
export async function clearFirstContactResolution(db: Db, caseId: string): Promise<void> {
  await db.run('UPDATE cases SET first_contact_resolution = 0 WHERE id = ? AND first_contact_resolution = 1', [caseId]);
}

/** Resolved cases that have waited since `resolvedBefore`, the longest first. */
export async function resolvedCasesBefore(db: Db, resolvedBefore: number, limit: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    `SELECT id FROM cases WHERE status = 'resolved' AND resolved_at <= ? ORDER BY resolved_at LIMIT ?`,
    [resolvedBefore, limit],
  );
  return rows.map((row) => row.id);
}

/** The names a case view shows for its customer and assignee. */
export async function namesOf(
  db: Db,
  customerId: string,
  assigneeId: string | null,
): Promise<{ customer: string | null; assignee: string | null }> {
  const row = await db.get<{ customer: string | null; assignee: string | null }>(
    `SELECT (SELECT name FROM customers WHERE id = ?) AS customer, (SELECT name FROM staff WHERE id = ?) AS assignee`,
    [customerId, assigneeId],
  );
  return { customer: row?.customer ?? null, assignee: row?.assignee ?? null };
}

/** What decides whether a staff member may be given a case, and the team the case then follows. */
export async function assigneeFacts(
  db: Db,
  staffId: string,
): Promise<{ role: string; disabled_at: number | null; team_id: string | null } | undefined> {
  return db.get('SELECT role, disabled_at, team_id FROM staff WHERE id = ?', [staffId]);
}

/** An active staff member who answers calls (not a viewer), by email. */
export async function callAgentByEmail(db: Db, email: string): Promise<{ id: string } | undefined> {
  return db.get<{ id: string }>(`SELECT id FROM staff WHERE email = ? AND disabled_at IS NULL AND role <> 'viewer'`, [
    email,
  ]);
}

/** A case a customer may be asked about once it is resolved. */
export interface ResolvedCase {
  id: string;
  number: number;
  customerId: string;
  subject: string;
  resolvedAt: number;
}

/**
 * Cases resolved after `after` and up to `through` (a resolution undone since, by a reopening or a merge, has
 * cleared its time), oldest first; by the partial index cases_resolved_at.
 */
export async function casesResolvedBetween(
  db: Db,
  after: number,
  through: number,
  limit: number,
): Promise<ResolvedCase[]> {
  return db.all<ResolvedCase>(
    `SELECT id, number, customer_id AS customerId, subject, resolved_at AS resolvedAt FROM cases
     WHERE resolved_at > ? AND resolved_at <= ? ORDER BY resolved_at, id LIMIT ?`,
    [after, through, limit],
  );
}

/** When each of these cases was first answered, and its team (for what other capabilities measure). */
export async function firstResponsesOf(db: Db, caseIds: readonly string[]): Promise<Map<string, FirstResponse>> {
  const found = new Map<string, FirstResponse>();
  for (let start = 0; start < caseIds.length; start += 500) {
    const page = caseIds.slice(start, start + 500);
    const rows = await db.all<{
      id: string;
      number: number;
      subject: string;
      first_response_at: number | null;
      team_id: string | null;
    }>(
      `SELECT id, number, subject, first_response_at, team_id FROM cases WHERE id IN (${page.map(() => '?').join(', ')})`,
      page,
    );
    for (const row of rows)
      found.set(row.id, {
        number: row.number,
        subject: row.subject,
        firstResponseAt: row.first_response_at,
        teamId: row.team_id,
      });
  }
  return found;
}

/** A case's first response and team, with its number and subject to link to it. */
export interface FirstResponse {
  number: number;
  subject: string;
  firstResponseAt: number | null;
  teamId: string | null;
}
