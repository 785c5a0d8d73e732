// Preference use cases: stated (explicit) preferences, and implicit ones kept current as events arrive.
import type { Db } from '../store/db.ts';
import { inferPreference, observationsOf } from './preference-inference.ts';
import * as prefStore from './preference-store.ts';
import { listObservedEvents } from '../interactions/store.ts';

export interface Preference {
  key: string;
  value: string;
  kind: 'explicit' | 'implicit';
  confidence: number | null;
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
  const observations = observationsOf(properties);
  for (const observation of observations) {
    await prefStore.addObservation(tx, customerId, observation, interactionId, at);
    await decideImplicit(tx, customerId, observation.subject, observation.attribute, at);
  }
}

async function decideImplicit(tx: Db, customerId: string, subject: string, attribute: string, at: number): Promise<void> {
  const tallies = await prefStore.listTallies(tx, customerId, subject, attribute);
  const inferred = inferPreference(subject, attribute, tallies);
  if (!inferred) {
    await prefStore.deletePreference(tx, customerId, 'implicit', `${subject}.${attribute}`);
    return;
  }
  await prefStore.upsertPreference(tx, {
    customerId,
    kind: 'implicit',
    key: inferred.key,
    value: inferred.value,
    confidence: inferred.confidence,
    evidence: inferred.evidence,
    source: 'inferred',
    at,
  });
}

/** Recomputes tallies and implicit preferences from the customer's own events (after a merge or its undo). */
export async function rebuildImplicitPreferences(tx: Db, customerId: string): Promise<void> {
  await prefStore.deleteTallies(tx, customerId);
  await prefStore.deleteImplicitPreferences(tx, customerId);
  const touched = new Map<string, { subject: string; attribute: string; at: number }>();
  for (const event of await listObservedEvents(tx, customerId)) {
    for (const observation of observationsOf(JSON.parse(event.properties) as Record<string, unknown>)) {
      await prefStore.addObservation(tx, customerId, observation, String(event.id), event.occurred_at);
      touched.set(`${observation.subject}\u0000${observation.attribute}`, { ...observation, at: event.occurred_at });
    }
  }
  for (const { subject, attribute, at } of touched.values()) await decideImplicit(tx, customerId, subject, attribute, at);
}
