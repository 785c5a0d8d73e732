// SQL for preferences (explicit and implicit), the behaviour tallies behind implicit ones, and flags.
import type { Db } from '../store/db.ts';
import type { Observation, Tally } from './preference-inference.ts';

export interface PreferenceRow {
  customer_id: string;
  kind: 'explicit' | 'implicit';
  key: string;
  value: string;
  confidence: number | null;
  support: number | null;
  evidence: string;
  source: string | null;
  updated_at: number;
}

export async function listPreferences(db: Db, customerId: string): Promise<PreferenceRow[]> {
  return db.all<PreferenceRow>('SELECT * FROM preferences WHERE customer_id = ? ORDER BY kind, key', [customerId]);
}

export async function upsertPreference(
  db: Db,
  preference: {
    customerId: string;
    kind: 'explicit' | 'implicit';
    key: string;
    value: string;
    confidence: number | null;
    support?: number | null;
    evidence: string[];
    source: string | null;
    at: number;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO preferences (customer_id, kind, key, value, confidence, support, evidence, source, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, kind, key) DO UPDATE SET
       value = excluded.value, confidence = excluded.confidence, support = excluded.support,
       evidence = excluded.evidence, source = excluded.source, updated_at = excluded.updated_at`,
    [
      preference.customerId,
      preference.kind,
      preference.key,
      preference.value,
      preference.confidence,
      preference.support ?? null,
      JSON.stringify(preference.evidence),
      preference.source,
      preference.at,
    ],
  );
}

export async function deletePreference(
  db: Db,
  customerId: string,
  kind: 'explicit' | 'implicit',
  key: string,
): Promise<number> {
  return (
    await db.run('DELETE FROM preferences WHERE customer_id = ? AND kind = ? AND key = ?', [customerId, kind, key])
  ).changes;
}

export async function deleteImplicitPreferences(db: Db, customerId: string): Promise<void> {
  await db.run(`DELETE FROM preferences WHERE customer_id = ? AND kind = 'implicit'`, [customerId]);
}

/** Adds `count` observations of one value; ingest calls it once per value a batch observed. */
export async function addTally(
  db: Db,
  customerId: string,
  observation: Observation,
  count: number,
  lastAt: number,
): Promise<void> {
  await db.run(
    `INSERT INTO behaviour_tallies (customer_id, subject, attribute, value, count, last_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, subject, attribute, value) DO UPDATE SET
       count = behaviour_tallies.count + excluded.count, last_at = MAX(behaviour_tallies.last_at, excluded.last_at)`,
    [customerId, observation.subject, observation.attribute, observation.value, count, lastAt],
  );
}

/** Every tally of one subject of a customer: one range read per subject an ingest batch observed. */
export async function listSubjectTallies(
  db: Db,
  customerId: string,
  subject: string,
): Promise<Array<{ attribute: string } & Tally>> {
  return db.all('SELECT attribute, value, count FROM behaviour_tallies WHERE customer_id = ? AND subject = ?', [
    customerId,
    subject,
  ]);
}

export async function listTallies(db: Db, customerId: string, subject: string, attribute: string): Promise<Tally[]> {
  return db.all<Tally>(
    'SELECT value, count FROM behaviour_tallies WHERE customer_id = ? AND subject = ? AND attribute = ?',
    [customerId, subject, attribute],
  );
}

/** Adds one customer's tallies into another's (a merge); returns the (subject, attribute) pairs touched. */
export async function addTalliesInto(
  db: Db,
  fromCustomerId: string,
  toCustomerId: string,
): Promise<Array<{ subject: string; attribute: string }>> {
  await db.run(
    `INSERT INTO behaviour_tallies (customer_id, subject, attribute, value, count, last_at)
     SELECT ?, subject, attribute, value, count, last_at FROM behaviour_tallies WHERE customer_id = ?
     ON CONFLICT (customer_id, subject, attribute, value) DO UPDATE SET
       count = behaviour_tallies.count + excluded.count, last_at = MAX(behaviour_tallies.last_at, excluded.last_at)`,
    [toCustomerId, fromCustomerId],
  );
  return db.all('SELECT DISTINCT subject, attribute FROM behaviour_tallies WHERE customer_id = ?', [fromCustomerId]);
}

export async function findPreference(
  db: Db,
  customerId: string,
  kind: 'explicit' | 'implicit',
  key: string,
): Promise<PreferenceRow | undefined> {
  return db.get<PreferenceRow>('SELECT * FROM preferences WHERE customer_id = ? AND kind = ? AND key = ?', [
    customerId,
    kind,
    key,
  ]);
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
  flag: {
    customerId: string;
    flag: string;
    source: 'manual' | 'rule';
    reason: string | null;
    setBy: string | null;
    at: number;
  },
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
