// SQL for SLA policies and the breaches recorded against cases.
import type { Db } from '../store/db.ts';
import type { SlaMetric, SlaPolicy, SlaTargets } from './policy.ts';

interface PolicyRow {
  id: string;
  name: string;
  targets: string;
  business_hours_only: number;
  archived_at: number | null;
}

/** A policy as stored: archived ones still run the clocks of the cases that started on them. */
export interface StoredPolicy extends SlaPolicy {
  archivedAt: number | null;
}

function toPolicy(row: PolicyRow): StoredPolicy {
  return {
    id: row.id,
    name: row.name,
    targets: JSON.parse(row.targets) as SlaTargets,
    businessHoursOnly: row.business_hours_only === 1,
    archivedAt: row.archived_at,
  };
}

export async function insertPolicy(db: Db, policy: SlaPolicy): Promise<void> {
  const now = Date.now();
  await db.run(
    'INSERT INTO sla_policies (id, name, targets, business_hours_only, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    [policy.id, policy.name, JSON.stringify(policy.targets), policy.businessHoursOnly ? 1 : 0, now, now],
  );
}

export async function updatePolicy(db: Db, policy: SlaPolicy): Promise<void> {
  await db.run('UPDATE sla_policies SET name = ?, targets = ?, business_hours_only = ?, updated_at = ? WHERE id = ?', [
    policy.name,
    JSON.stringify(policy.targets),
    policy.businessHoursOnly ? 1 : 0,
    Date.now(),
    policy.id,
  ]);
}

export async function findPolicy(db: Db, id: string): Promise<StoredPolicy | undefined> {
  const row = await db.get<PolicyRow>('SELECT * FROM sla_policies WHERE id = ?', [id]);
  return row && toPolicy(row);
}

export async function listPolicies(
  db: Db,
  options: { includeArchived: boolean } = { includeArchived: false },
): Promise<StoredPolicy[]> {
  const where = options.includeArchived ? '' : 'WHERE archived_at IS NULL';
  return (await db.all<PolicyRow>(`SELECT * FROM sla_policies ${where} ORDER BY name`)).map(toPolicy);
}

export async function findPolicyByName(db: Db, name: string): Promise<StoredPolicy | undefined> {
  const row = await db.get<PolicyRow>('SELECT * FROM sla_policies WHERE name = ?', [name]);
  return row && toPolicy(row);
}

/** The active teams whose cases run on the policy, by name: while there is one, it cannot be archived. */
export async function activeTeamsOnPolicy(db: Db, policyId: string): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    'SELECT name FROM teams WHERE sla_policy_id = ? AND archived_at IS NULL ORDER BY name',
    [policyId],
  );
  return rows.map((row) => row.name);
}

export async function setPolicyArchived(db: Db, id: string, archivedAt: number | null): Promise<void> {
  await db.run('UPDATE sla_policies SET archived_at = ? WHERE id = ?', [archivedAt, id]);
}

export interface Breach {
  metric: SlaMetric;
  dueAt: number;
  recordedAt: number;
}

export async function recordBreach(
  db: Db,
  caseId: string,
  metric: SlaMetric,
  dueAt: number,
  recordedAt: number,
): Promise<boolean> {
  const result = await db.run(
    'INSERT OR IGNORE INTO sla_breaches (case_id, metric, due_at, recorded_at) VALUES (?, ?, ?, ?)',
    [caseId, metric, dueAt, recordedAt],
  );
  return result.changes > 0;
}

export async function breachesOf(db: Db, caseId: string): Promise<Breach[]> {
  const rows = await db.all<{ metric: SlaMetric; due_at: number; recorded_at: number }>(
    'SELECT metric, due_at, recorded_at FROM sla_breaches WHERE case_id = ? ORDER BY due_at',
    [caseId],
  );
  return rows.map((row) => ({ metric: row.metric, dueAt: row.due_at, recordedAt: row.recorded_at }));
}

/**
 * Active clocks past due since `since` and not yet recorded: the sweeper records each as a breach once.
 * One that ran out before `since` is history (see cases/history.ts), never announced now.
 */
export async function overdueClocks(
  db: Db,
  now: number,
  since = 0,
): Promise<Array<{ caseId: string; metric: SlaMetric; dueAt: number }>> {
  return db.all(
    `SELECT caseId, metric, dueAt FROM (
       SELECT id AS caseId, 'first_response' AS metric, first_response_due_at AS dueAt FROM cases
         WHERE first_response_at IS NULL AND first_response_due_at < ? AND status IN ('new', 'open', 'pending')
       UNION ALL
       SELECT id, 'next_response', next_response_due_at FROM cases
         WHERE next_response_due_at < ? AND status IN ('new', 'open', 'pending')
       UNION ALL
       SELECT id, 'resolution', resolution_due_at FROM cases
         WHERE resolution_due_at < ? AND status IN ('new', 'open', 'pending') AND resolution_paused_at IS NULL
     ) AS overdue
     WHERE overdue.dueAt >= ? AND NOT EXISTS (
       SELECT 1 FROM sla_breaches b WHERE b.case_id = overdue.caseId AND b.metric = overdue.metric AND b.due_at = overdue.dueAt
     )`,
    [now, now, now, since],
  );
}

/**
 * A clock the events show was met after all (a replayed thread whose answer arrived after the sweep had
 * noticed the due time pass): the breach the sweep recorded is withdrawn. Returns whether one was.
 */
export async function withdrawBreach(db: Db, caseId: string, metric: SlaMetric, dueAt: number): Promise<boolean> {
  const result = await db.run('DELETE FROM sla_breaches WHERE case_id = ? AND metric = ? AND due_at = ?', [
    caseId,
    metric,
    dueAt,
  ]);
  return result.changes > 0;
}
