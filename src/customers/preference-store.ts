// SQL for preferences (explicit and implicit), the behaviour tallies behind implicit ones, and flags.
import type { Db } from '../store/db.ts';
import type { Observation, Tally } from './preference-inference.ts';
import { MAX_EVIDENCE } from './preference-inference.ts';

export interface PreferenceRow {
  customer_id: string;
  kind: 'explicit' | 'implicit';
  key: string;
  value: string;
  confidence: number | null;
  evidence: string;
  source: string | null;
  updated_at: number;
}

export async function listPreferences(db: Db, customerId: string): Promise<PreferenceRow[]> {
  return db.all<PreferenceRow>('SELECT * FROM preferences WHERE customer_id = ? ORDER BY kind, key', [customerId]);
}

export async function upsertPreference(
  db: Db,
  preference: { customerId: string; kind: 'explicit' | 'implicit'; key: string; value: string; confidence: number | null; evidence: string[]; source: string | null; at: number },
): Promise<void> {
  await db.run(
    `INSERT INTO preferences (customer_id, kind, key, value, confidence, evidence, source, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, kind, key) DO UPDATE SET
       value = excluded.value, confidence = excluded.confidence, evidence = excluded.evidence,
       source = excluded.source, updated_at = excluded.updated_at`,
    [
      preference.customerId,
      preference.kind,
      preference.key,
      preference.value,
      preference.confidence,
      JSON.stringify(preference.evidence),
      preference.source,
      preference.at,
    ],
  );
}

export async function deletePreference(db: Db, customerId: string, kind: 'explicit' | 'implicit', key: string): Promise<number> {
  return (await db.run('DELETE FROM preferences WHERE customer_id = ? AND kind = ? AND key = ?', [customerId, kind, key])).changes;
}

export async function deleteImplicitPreferences(db: Db, customerId: string): Promise<void> {
  await db.run(`DELETE FROM preferences WHERE customer_id = ? AND kind = 'implicit'`, [customerId]);
}

/** Adds one observation to the running tally; keeps the latest evidence ids only. */
export async function addObservation(db: Db, customerId: string, observation: Observation, interactionId: string, at: number): Promise<void> {
  const existing = await db.get<{ evidence: string }>(
    'SELECT evidence FROM behaviour_tallies WHERE customer_id = ? AND subject = ? AND attribute = ? AND value = ?',
    [customerId, observation.subject, observation.attribute, observation.value],
  );
  if (!existing) {
    await db.run(
      `INSERT INTO behaviour_tallies (customer_id, subject, attribute, value, count, evidence, last_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
      [customerId, observation.subject, observation.attribute, observation.value, JSON.stringify([interactionId]), at],
    );
    return;
  }
  const evidence = [...(JSON.parse(existing.evidence) as string[]), interactionId].slice(-MAX_EVIDENCE);
  await db.run(
    `UPDATE behaviour_tallies SET count = count + 1, evidence = ?, last_at = MAX(last_at, ?)
     WHERE customer_id = ? AND subject = ? AND attribute = ? AND value = ?`,
    [JSON.stringify(evidence), at, customerId, observation.subject, observation.attribute, observation.value],
  );
}

export async function listTallies(db: Db, customerId: string, subject: string, attribute: string): Promise<Tally[]> {
  const rows = await db.all<{ value: string; count: number; evidence: string }>(
    'SELECT value, count, evidence FROM behaviour_tallies WHERE customer_id = ? AND subject = ? AND attribute = ?',
    [customerId, subject, attribute],
  );
  return rows.map((row) => ({ value: row.value, count: row.count, evidence: JSON.parse(row.evidence) as string[] }));
}

export async function deleteTallies(db: Db, customerId: string): Promise<void> {
  await db.run('DELETE FROM behaviour_tallies WHERE customer_id = ?', [customerId]);
}

export interface FlagRow {
  customer_id: string;
  flag: string;
  source: 'manual' | 'rule';
  reason: string | null;
  set_by: string | null;
  set_at: number;
}

export async function listFlags(db: Db, customerId: string): Promise<FlagRow[]> {
  return db.all<FlagRow>('SELECT * FROM customer_flags WHERE customer_id = ? ORDER BY flag', [customerId]);
}

export async function upsertFlag(
  db: Db,
  flag: { customerId: string; flag: string; source: 'manual' | 'rule'; reason: string | null; setBy: string | null; at: number },
): Promise<void> {
  await db.run(
    `INSERT INTO customer_flags (customer_id, flag, source, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, flag) DO UPDATE SET source = excluded.source, reason = excluded.reason,
       set_by = excluded.set_by, set_at = excluded.set_at`,
    [flag.customerId, flag.flag, flag.source, flag.reason, flag.setBy, flag.at],
  );
}

export async function deleteFlag(db: Db, customerId: string, flag: string): Promise<number> {
  return (await db.run('DELETE FROM customer_flags WHERE customer_id = ? AND flag = ?', [customerId, flag])).changes;
}
