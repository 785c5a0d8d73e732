// Implicit preferences: the pure rule that turns repeated behaviour into "she prefers red apples".
//
// A track event that names what was consumed (properties.item, product, product_name, sku or category)
// is an observation of that subject; each of its other short categorical properties (colour, size,
// flavour, …) is tallied per value. For a (subject, attribute) pair with n observations whose most
// frequent value was seen k times, we infer `subject.attribute = value` when k ≥ 3 and k/n ≥ 0.8.
// Confidence is Laplace's rule of succession, (k + 1) / (n + 2): 3 of 3 → 0.8, 10 of 10 → 0.92.

export const SUBJECT_KEYS = ['item', 'product', 'product_name', 'sku', 'category'] as const;
export const MIN_OBSERVATIONS = 3;
export const MIN_SHARE = 0.8;
export const MAX_EVIDENCE = 20;

const IGNORED_ATTRIBUTES = new Set([
  ...SUBJECT_KEYS,
  'id',
  'url',
  'path',
  'title',
  'referrer',
  'search',
  'price',
  'revenue',
  'total',
  'value',
  'quantity',
  'currency',
  'coupon',
  'discount',
  'order_id',
  'checkout_id',
  'name',
  'description',
  'text',
  'image_url',
]);
const MAX_VALUE_LENGTH = 40;

export interface Observation {
  subject: string;
  attribute: string;
  value: string;
}

function normaliseToken(raw: unknown): string | null {
  if (typeof raw === 'boolean') return String(raw);
  if (typeof raw !== 'string') return null;
  const token = raw.trim().toLowerCase();
  return token.length > 0 && token.length <= MAX_VALUE_LENGTH ? token : null;
}

function isIdLike(key: string): boolean {
  return /(^|_)id$|Id$|_at$|At$/.test(key);
}

/** The observations one event contributes; empty when the event names no subject. */
export function observationsOf(properties: Record<string, unknown> | undefined): Observation[] {
  if (!properties) return [];
  let subject: string | null = null;
  for (const key of SUBJECT_KEYS) {
    subject = normaliseToken(properties[key]);
    if (subject) break;
  }
  if (!subject) return [];
  const observations: Observation[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    if (IGNORED_ATTRIBUTES.has(key) || isIdLike(key) || key.length > 40) continue;
    const value = normaliseToken(raw);
    if (value !== null) observations.push({ subject, attribute: key.toLowerCase(), value });
  }
  return observations;
}

export interface Tally {
  value: string;
  count: number;
}

export interface InferredPreference {
  key: string;
  value: string;
  confidence: number;
  /** How many observations carried the value (k). */
  support: number;
}

/** True when the observation carries this subject, attribute and value: it is evidence for the preference. */
export function isEvidenceFor(
  properties: Record<string, unknown>,
  subject: string,
  attribute: string,
  value: string,
): boolean {
  return observationsOf(properties).some(
    (o) => o.subject === subject && o.attribute === attribute && o.value === value,
  );
}

/** Applies the rule to every value seen for one (subject, attribute); null when nothing is clear enough. */
export function inferPreference(
  subject: string,
  attribute: string,
  tallies: readonly Tally[],
): InferredPreference | null {
  let total = 0;
  let top: Tally | undefined;
  for (const tally of tallies) {
    total += tally.count;
    if (!top || tally.count > top.count) top = tally;
  }
  if (!top || top.count < MIN_OBSERVATIONS || top.count / total < MIN_SHARE) return null;
  return {
    key: `${subject}.${attribute}`,
    value: top.value,
    confidence: Math.round(((top.count + 1) / (total + 2)) * 100) / 100,
    support: top.count,
  };
}

/**
 * An implicit preference as the rule leaves it. Its evidence is a plan while an ingest batch is
 * replayed: first the look-up of the latest events that observed the value (when `findUpTo` is set:
 * over the customer's events up to that interaction id, or all of them when it is null), then `ids`.
 */
export interface ImplicitState {
  value: string;
  confidence: number;
  support: number;
  evidence: { find: { upTo: string | null } | null; ids: string[] };
  at: number;
}

/**
 * Re-applies the rule to one (subject, attribute) after its tallies changed, as `latest` arrived
 * (or, without it, after a merge or rebuild). Returns the preference now; null when there is none;
 * undefined when there are too few observations for the rule to say anything (nothing to write).
 * Evidence grows with each event that carries the inferred value; a new value looks its evidence up.
 */
export function decideImplicit(
  subject: string,
  attribute: string,
  tallies: readonly Tally[],
  current: ImplicitState | null,
  at: number,
  latest?: { id: string; value: string },
): ImplicitState | null | undefined {
  // Tallies only grow between rebuilds, so below the minimum no preference exists or can.
  if (tallies.reduce((sum, tally) => sum + tally.count, 0) < MIN_OBSERVATIONS) return undefined;
  const inferred = inferPreference(subject, attribute, tallies);
  if (!inferred) return null;
  let evidence: ImplicitState['evidence'];
  if (current?.value === inferred.value) {
    evidence =
      latest?.value === inferred.value
        ? { find: current.evidence.find, ids: [...current.evidence.ids, latest.id].slice(-MAX_EVIDENCE) }
        : current.evidence;
  } else {
    evidence = { find: { upTo: latest?.id ?? null }, ids: [] };
  }
  return { value: inferred.value, confidence: inferred.confidence, support: inferred.support, evidence, at };
}
