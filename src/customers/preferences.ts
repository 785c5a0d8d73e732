// Preference use cases: stated (explicit) preferences, and implicit ones kept current as events arrive.
import type { Db } from '../store/db.ts';
import { MAX_EVIDENCE, MIN_OBSERVATIONS, inferPreference, isEvidenceFor, observationsOf } from './preference-inference.ts';
import * as prefStore from './preference-store.ts';
import { listObservedEvents } from '../interactions/store.ts';

/** How far back to look for evidence when a preference is first inferred (rare, so a bounded scan is fine). */
const EVIDENCE_SCAN = 200;

export interface Preference {
  key: string;
  value: string;
  kind: 'explicit' | 'implicit';
  confidence: number | null;
  /** Implicit only: how many observations carried the value. */
  support: number | null;
  evidence: string[];
  source: string | null;
  updatedAt: string;
}

export function toPreference(row: prefStore.PreferenceRow): Preference {
  return {
    key: row.key,
    value: row.value,
    kind: row.kind,
    confidence: row.confidence,
    support: row.support,
    evidence: JSON.parse(row.evidence) as string[],
    source: row.source,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function setExplicitPreference(
  db: Db,
  customerId: string,
  key: string,
  value: string,
  source: string,
  at = Date.now(),
): Promise<void> {
  await prefStore.upsertPreference(db, { customerId, kind: 'explicit', key, value, confidence: null, evidence: [], source, at });
}

/** Tallies one event's observations and re-decides the implicit preferences they touch. */
export async function observeBehaviour(
  tx: Db,
  customerId: string,
  interactionId: string,
  properties: Record<string, unknown>,
  at: number,
): Promise<void> {
  for (const observation of observationsOf(properties)) {
    await prefStore.addObservation(tx, customerId, observation, at);
    await decideImplicit(tx, customerId, observation.subject, observation.attribute, at, { id: interactionId, value: observation.value });
  }
}

/** Re-applies the rule to one (subject, attribute) after its tallies changed. */
export async function decideImplicit(
  tx: Db,
  customerId: string,
  subject: string,
  attribute: string,
  at: number,
  latest?: { id: string; value: string },
): Promise<void> {
  const tallies = await prefStore.listTallies(tx, customerId, subject, attribute);
  // Tallies only grow between rebuilds, so below the minimum no preference exists or can: nothing to write.
  if (tallies.reduce((sum, tally) => sum + tally.count, 0) < MIN_OBSERVATIONS) return;
  const key = `${subject}.${attribute}`;
  const inferred = inferPreference(subject, attribute, tallies);
  const existing = await prefStore.findPreference(tx, customerId, 'implicit', key);
  if (!inferred) {
    if (existing) await prefStore.deletePreference(tx, customerId, 'implicit', key);
    return;
  }
  let evidence: string[];
  if (existing?.value === inferred.value) {
    const previous = JSON.parse(existing.evidence) as string[];
    evidence = latest?.value === inferred.value ? [...previous, latest.id].slice(-MAX_EVIDENCE) : previous;
  } else {
    evidence = await findEvidence(tx, customerId, subject, attribute, inferred.value);
  }
  await prefStore.upsertPreference(tx, {
    customerId,
    kind: 'implicit',
    key,
    value: inferred.value,
    confidence: inferred.confidence,
    support: inferred.support,
    evidence,
    source: 'inferred',
    at,
  });
}

/** The latest events that observed this value, oldest first. */
async function findEvidence(tx: Db, customerId: string, subject: string, attribute: string, value: string): Promise<string[]> {
  const events = await listObservedEvents(tx, customerId, EVIDENCE_SCAN);
  return events
    .filter((event) => isEvidenceFor(JSON.parse(event.properties) as Record<string, unknown>, subject, attribute, value))
    .slice(0, MAX_EVIDENCE)
    .map((event) => String(event.id))
    .reverse();
}

/** Recomputes tallies and implicit preferences from the customer's own events (after a merge is undone). */
export async function rebuildImplicitPreferences(tx: Db, customerId: string): Promise<void> {
  await prefStore.deleteTallies(tx, customerId);
  await prefStore.deleteImplicitPreferences(tx, customerId);
  const touched = new Map<string, { subject: string; attribute: string; at: number }>();
  for (const event of await listObservedEvents(tx, customerId)) {
    for (const observation of observationsOf(JSON.parse(event.properties) as Record<string, unknown>)) {
      await prefStore.addObservation(tx, customerId, observation, event.occurred_at);
      const pair = `${observation.subject}\u0000${observation.attribute}`;
      const seen = touched.get(pair);
      touched.set(pair, { ...observation, at: Math.max(seen?.at ?? 0, event.occurred_at) });
    }
  }
  for (const { subject, attribute, at } of touched.values()) await decideImplicit(tx, customerId, subject, attribute, at);
}

/** After a merge: the absorbed profile's tallies join the survivor's and the touched preferences are re-decided. */
export async function absorbBehaviour(tx: Db, absorbedId: string, survivorId: string, at: number): Promise<void> {
  const touched = await prefStore.addTalliesInto(tx, absorbedId, survivorId);
  await prefStore.deleteTallies(tx, absorbedId);
  await prefStore.deleteImplicitPreferences(tx, absorbedId);
  for (const { subject, attribute } of touched) await decideImplicit(tx, survivorId, subject, attribute, at);
}
