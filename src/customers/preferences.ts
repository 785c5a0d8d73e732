// Preference use cases: stated (explicit) preferences, and implicit ones kept current as events arrive.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import {
  MAX_EVIDENCE,
  MIN_OBSERVATIONS,
  decideImplicit,
  isEvidenceFor,
  observationsOf,
  type ImplicitState,
  type Observation,
  type Tally,
} from './preference-inference.ts';
import * as prefStore from './preference-store.ts';
import { listObservedEvents, profilesOf } from '../interactions/index.ts';
import type { PreferenceSchema } from './responses.ts';
import { now } from '../shared/clock.ts';

/** How far back to look for evidence when a preference is first inferred (rare, so a bounded scan is fine). */
const EVIDENCE_SCAN = 200;

export type Preference = z.infer<typeof PreferenceSchema>;

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
  at = now(),
): Promise<void> {
  await prefStore.upsertPreference(db, {
    customerId,
    kind: 'explicit',
    key,
    value,
    confidence: null,
    evidence: [],
    source,
    at,
  });
}

interface PendingObservation {
  customerId: string;
  interactionId: string;
  at: number;
  observation: Observation;
}

// Observations of the open ingest transaction (one writer at a time per database). Applying them
// together costs one tally read per customer and subject and one write per tally value and
// preference, instead of up to four statements per observation; the rule still runs once per
// observation, in arrival order.
const pendingByDatabase = new WeakMap<object, PendingObservation[]>();

/** Notes one event's observations; applyObservedBehaviour must run before its transaction ends. */
export function observeBehaviour(
  tx: Db,
  customerId: string,
  interactionId: string,
  properties: Record<string, unknown>,
  at: number,
): void {
  const observations = observationsOf(properties);
  if (observations.length === 0) return;
  let pending = pendingByDatabase.get(tx.root);
  if (!pending) {
    pending = [];
    pendingByDatabase.set(tx.root, pending);
  }
  for (const observation of observations) pending.push({ customerId, interactionId, at, observation });
}

/** For a transaction that failed: what it observed never happened. */
export function discardObservedBehaviour(db: Db): void {
  pendingByDatabase.delete(db.root);
}

/**
 * Tallies what was observed since the last call and re-decides the implicit preferences it touched,
 * with the same results as applying each observation as it arrived.
 */
export async function applyObservedBehaviour(tx: Db): Promise<void> {
  const pending = pendingByDatabase.get(tx.root);
  if (!pending) return;
  pendingByDatabase.delete(tx.root);
  // customer → subject → attribute → observations in arrival order
  const grouped = new Map<string, Map<string, Map<string, PendingObservation[]>>>();
  for (const item of pending) {
    const { subject, attribute } = item.observation;
    let subjects = grouped.get(item.customerId);
    if (!subjects) {
      subjects = new Map();
      grouped.set(item.customerId, subjects);
    }
    let attributes = subjects.get(subject);
    if (!attributes) {
      attributes = new Map();
      subjects.set(subject, attributes);
    }
    const list = attributes.get(attribute);
    if (list) list.push(item);
    else attributes.set(attribute, [item]);
  }
  for (const [customerId, subjects] of grouped) {
    for (const [subject, attributes] of subjects) await applyToSubject(tx, customerId, subject, attributes);
  }
}

/** One read of the subject's tallies; then per attribute, the rule once per observation, in memory. */
async function applyToSubject(
  tx: Db,
  customerId: string,
  subject: string,
  attributes: Map<string, PendingObservation[]>,
): Promise<void> {
  const tallies = new Map<string, Map<string, number>>();
  for (const row of await prefStore.listSubjectTallies(tx, customerId, subject)) {
    let counts = tallies.get(row.attribute);
    if (!counts) {
      counts = new Map();
      tallies.set(row.attribute, counts);
    }
    counts.set(row.value, row.count);
  }
  for (const [attribute, observed] of attributes) {
    const counts = tallies.get(attribute) ?? new Map<string, number>();
    const added = new Map<string, { count: number; lastAt: number }>();
    // Read only once the rule can say something, as most pairs stay below the minimum for a while.
    let row: prefStore.PreferenceRow | undefined | null = null;
    let state: ImplicitState | null = null;
    for (const { interactionId, at, observation } of observed) {
      counts.set(observation.value, (counts.get(observation.value) ?? 0) + 1);
      const seen = added.get(observation.value);
      added.set(observation.value, { count: (seen?.count ?? 0) + 1, lastAt: Math.max(seen?.lastAt ?? at, at) });
      if (countOf(counts) < MIN_OBSERVATIONS) continue;
      if (row === null) {
        row = await prefStore.findPreference(tx, customerId, 'implicit', `${subject}.${attribute}`);
        state = row ? stateOf(row) : null;
      }
      state =
        decideImplicit(subject, attribute, talliesOf(counts), state, at, {
          id: interactionId,
          value: observation.value,
        }) ?? null;
    }
    for (const [value, { count, lastAt }] of added)
      await prefStore.addTally(tx, customerId, { subject, attribute, value }, count, lastAt);
    if (row !== null) await saveImplicit(tx, customerId, subject, attribute, state, row !== undefined);
  }
}

function pairKey(subject: string, attribute: string): string {
  return `${subject}\u0000${attribute}`;
}

function countOf(counts: Map<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

function talliesOf(counts: Map<string, number>): Tally[] {
  return [...counts].map(([value, count]) => ({ value, count }));
}

function stateOf(row: prefStore.PreferenceRow): ImplicitState {
  return {
    value: row.value,
    confidence: row.confidence ?? 0,
    support: row.support ?? 0,
    evidence: { find: null, ids: JSON.parse(row.evidence) as string[] },
    at: row.updated_at,
  };
}

async function saveImplicit(
  tx: Db,
  customerId: string,
  subject: string,
  attribute: string,
  state: ImplicitState | null,
  stored: boolean,
): Promise<void> {
  const key = `${subject}.${attribute}`;
  if (!state) {
    if (stored) await prefStore.deletePreference(tx, customerId, 'implicit', key);
    return;
  }
  const { find, ids } = state.evidence;
  const evidence = find
    ? [...(await findEvidence(tx, customerId, subject, attribute, state.value, find.upTo)), ...ids].slice(-MAX_EVIDENCE)
    : ids;
  await prefStore.upsertPreference(tx, {
    customerId,
    kind: 'implicit',
    key,
    value: state.value,
    confidence: state.confidence,
    support: state.support,
    evidence,
    source: 'inferred',
    at: state.at,
  });
}

/** Re-applies the rule to one (subject, attribute) after its tallies changed outside ingest (merge, rebuild). */
async function redecideImplicit(
  tx: Db,
  customerId: string,
  subject: string,
  attribute: string,
  at: number,
): Promise<void> {
  const tallies = await prefStore.listTallies(tx, customerId, subject, attribute);
  const row = await prefStore.findPreference(tx, customerId, 'implicit', `${subject}.${attribute}`);
  const next = decideImplicit(subject, attribute, tallies, row ? stateOf(row) : null, at);
  if (next !== undefined) await saveImplicit(tx, customerId, subject, attribute, next, row !== undefined);
}

/** The latest events (up to an interaction id, when given) that observed this value, oldest first. */
async function findEvidence(
  tx: Db,
  customerId: string,
  subject: string,
  attribute: string,
  value: string,
  upTo: string | null,
): Promise<string[]> {
  const events = await listObservedEvents(tx, await profilesOf(tx, customerId), {
    newest: EVIDENCE_SCAN,
    upToId: upTo === null ? undefined : Number(upTo),
  });
  return events
    .filter((event) =>
      isEvidenceFor(JSON.parse(event.properties) as Record<string, unknown>, subject, attribute, value),
    )
    .slice(0, MAX_EVIDENCE)
    .map((event) => String(event.id))
    .reverse();
}

/** Recomputes tallies and implicit preferences from the customer's own events (after a merge is undone). */
export async function rebuildImplicitPreferences(tx: Db, customerId: string): Promise<void> {
  await prefStore.deleteTallies(tx, customerId);
  await prefStore.deleteImplicitPreferences(tx, customerId);
  const tallies = new Map<string, Observation & { count: number; lastAt: number }>();
  const touched = new Map<string, { subject: string; attribute: string; at: number }>();
  for (const event of await listObservedEvents(tx, await profilesOf(tx, customerId))) {
    for (const observation of observationsOf(JSON.parse(event.properties) as Record<string, unknown>)) {
      const key = `${pairKey(observation.subject, observation.attribute)}\u0000${observation.value}`;
      const tally = tallies.get(key);
      if (tally) {
        tally.count++;
        tally.lastAt = Math.max(tally.lastAt, event.occurred_at);
      } else {
        tallies.set(key, { ...observation, count: 1, lastAt: event.occurred_at });
      }
      const pair = pairKey(observation.subject, observation.attribute);
      const seen = touched.get(pair);
      touched.set(pair, {
        subject: observation.subject,
        attribute: observation.attribute,
        at: Math.max(seen?.at ?? 0, event.occurred_at),
      });
    }
  }
  for (const tally of tallies.values()) await prefStore.addTally(tx, customerId, tally, tally.count, tally.lastAt);
  for (const { subject, attribute, at } of touched.values())
    await redecideImplicit(tx, customerId, subject, attribute, at);
}

/** After a merge: the absorbed profile's tallies join the survivor's and the touched preferences are re-decided. */
export async function absorbBehaviour(tx: Db, absorbedId: string, survivorId: string, at: number): Promise<void> {
  const touched = await prefStore.addTalliesInto(tx, absorbedId, survivorId);
  await prefStore.deleteTallies(tx, absorbedId);
  await prefStore.deleteImplicitPreferences(tx, absorbedId);
  for (const { subject, attribute } of touched) await redecideImplicit(tx, survivorId, subject, attribute, at);
}
