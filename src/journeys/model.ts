// Journeys as pure rules: which touchpoint an interaction belongs to, how a customer's matched interactions fall
// into episodes, and the period a report covers. What is measured in those episodes is in measures.ts. No I/O.
import { DateTime } from 'luxon';

/**
 * What a target can hold a touchpoint to. Scores follow domain.md's definitions, as the survey results do:
 * `csat` is the % of CSAT answers of 4–5 (on 1–5), `nps` % promoters − % detractors, `ces` the mean on 1–7;
 * `csat_average` is the mean CSAT score, for targets written as "CSAT ≥ 4.5".
 */
export const TARGET_METRICS = [
  'first_response_minutes',
  'resolution_hours',
  'csat',
  'csat_average',
  'nps',
  'ces',
  'contacts',
  'completion',
  'wait_hours',
  'sentiment',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const COMPARATORS = ['atMost', 'atLeast'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The values a metric can take: a target outside them could never be met or never be missed. */
export const METRIC_RANGES: Record<TargetMetric, { min: number; max: number; label: string }> = {
  first_response_minutes: { min: 0, max: 525_600, label: 'First response (minutes)' },
  resolution_hours: { min: 0, max: 8_784, label: 'Resolution (hours)' },
  csat: { min: 0, max: 100, label: 'CSAT (% satisfied)' },
  csat_average: { min: 1, max: 5, label: 'CSAT average (1–5)' },
  nps: { min: -100, max: 100, label: 'NPS' },
  ces: { min: 1, max: 7, label: 'CES (1–7)' },
  contacts: { min: 0, max: 1_000, label: 'Contacts per episode' },
  completion: { min: 0, max: 100, label: 'Completion (%)' },
  wait_hours: { min: 0, max: 8_784, label: 'Wait (hours)' },
  sentiment: { min: -1, max: 1, label: 'Sentiment (−1…+1)' },
};

/** Which interactions belong to a touchpoint (definition.ts validates it): all fields given must match. */
export interface Matcher {
  events?: readonly string[];
  channels?: readonly string[];
  types?: readonly string[];
  reasons?: readonly string[];
  pages?: readonly string[];
  direction?: string;
}

export interface JourneyTarget {
  metric: TargetMetric;
  comparator: Comparator;
  value: number;
}

export interface JourneyTouchpoint {
  id: string;
  name: string;
  matcher: Matcher;
  targets: readonly JourneyTarget[];
}

export interface JourneyStage {
  id: string;
  name: string;
  touchpoints: readonly JourneyTouchpoint[];
}

/** A touchpoint with its place: `index` in journey order (stage by stage), `stageIndex` its stage's. */
export interface PlacedTouchpoint {
  index: number;
  stageIndex: number;
  stage: JourneyStage;
  touchpoint: JourneyTouchpoint;
}

/** The touchpoints in journey order: the first stage's in their order, then the next stage's. */
export function placedTouchpoints(stages: readonly JourneyStage[]): PlacedTouchpoint[] {
  return stages
    .flatMap((stage, stageIndex) => stage.touchpoints.map((touchpoint) => ({ stageIndex, stage, touchpoint })))
    .map((placed, index) => ({ ...placed, index }));
}

/** What a matcher reads of an interaction. `caseReason` is the reason of the case it is part of, if any. */
export interface InteractionFacts {
  event: string | null;
  channel: string;
  type: string;
  direction: string;
  reason: string | null;
  caseReason: string | null;
  path: string | null;
  url: string | null;
}

const among = (values: readonly string[] | undefined, value: string | null) =>
  values === undefined || (value !== null && values.includes(value));

const startsWithAny = (prefixes: readonly string[], value: string | null) =>
  value !== null && prefixes.some((prefix) => value.startsWith(prefix));

/** All fields the matcher gives must match; any value of a field may. */
export function matches(matcher: Matcher, facts: InteractionFacts): boolean {
  if (!among(matcher.events, facts.event)) return false;
  if (!among(matcher.channels, facts.channel)) return false;
  if (!among(matcher.types, facts.type)) return false;
  if (matcher.direction !== undefined && matcher.direction !== facts.direction) return false;
  if (matcher.reasons && !(among(matcher.reasons, facts.reason) || among(matcher.reasons, facts.caseReason))) {
    return false;
  }
  if (matcher.pages) {
    if (facts.type !== 'page_view') return false;
    if (!startsWithAny(matcher.pages, facts.path) && !startsWithAny(matcher.pages, facts.url)) return false;
  }
  return true;
}

/**
 * The touchpoint an interaction belongs to: the first in journey order whose matcher it matches (as the first
 * matching assignment rule wins), so an interaction counts once even where matchers overlap; null when none.
 */
export function touchpointOf(touchpoints: readonly PlacedTouchpoint[], facts: InteractionFacts): number | null {
  for (const placed of touchpoints) if (matches(placed.touchpoint.matcher, facts)) return placed.index;
  return null;
}

/** A matched interaction: where and when the customer was, and what the measures read of it. */
export interface Visit {
  interactionId: number;
  at: number;
  touchpoint: number;
  inbound: boolean;
  caseId: string | null;
  /** Listening's −1…+1 of its text, if read. */
  sentimentScore: number | null;
  /** The invitation a survey answer answered, for its score. */
  invitationId: string | null;
}

/** One customer's pass through the journey: her visits in time order, from the first to the last. */
export interface Episode {
  customerId: string;
  visits: Visit[];
}

/**
 * A customer's visits (in time order) cut into episodes: one ends when more than `episodeMs` pass without a visit,
 * and the next visit starts a new one. Only the episodes that start in [from, to) are kept; the visits before
 * `from` are read only to tell whether an early visit in the period continues an episode begun before it.
 */
export function episodesOf(
  customerId: string,
  visits: readonly Visit[],
  episodeMs: number,
  period: { from: number; to: number },
): Episode[] {
  const episodes: Episode[] = [];
  let current: Visit[] = [];
  const close = () => {
    const start = current[0];
    if (start && start.at >= period.from && start.at < period.to) episodes.push({ customerId, visits: current });
  };
  for (const visit of visits) {
    const previous = current[current.length - 1];
    if (previous && visit.at - previous.at > episodeMs) {
      close();
      current = [];
    }
    current.push(visit);
  }
  close();
  return episodes;
}

/** The longest period a report covers at once: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;
/** The period when none is asked for: the 30 days up to the end of today. */
export const DEFAULT_REPORT_DAYS = 30;

export interface ReportPeriod {
  from: number;
  to: number;
  timeZone: string;
}

/**
 * The period of a report as of `now`: a date is its midnight in the zone, `to` is exclusive, and without `to` the
 * period ends as today ends; without `from` it is the 30 days before `to`. At most 366 days.
 * @example planPeriod({ from: '2026-11-01', to: '2026-12-01', timeZone: 'UTC' }, Date.now())
 */
export function planPeriod(
  request: { from?: string; to?: string; timeZone: string },
  now: number,
): { period: ReportPeriod } | { refusal: { field: 'from' | 'to' | 'tz'; reason: string } } {
  const zone = request.timeZone;
  if (!DateTime.now().setZone(zone).isValid) {
    return { refusal: { field: 'tz', reason: 'an IANA time zone such as UTC or Europe/Berlin' } };
  }
  const to = request.to
    ? DateTime.fromISO(request.to, { zone })
    : DateTime.fromMillis(now, { zone }).startOf('day').plus({ days: 1 });
  if (!to.isValid) return { refusal: { field: 'to', reason: `${request.to} is not a date` } };
  const from = request.from ? DateTime.fromISO(request.from, { zone }) : to.minus({ days: DEFAULT_REPORT_DAYS });
  if (!from.isValid) return { refusal: { field: 'from', reason: `${request.from} is not a date` } };
  if (from >= to) return { refusal: { field: 'to', reason: 'must be after from (the period ends just before to)' } };
  const days = to.diff(from, 'days').days;
  if (days > MAX_REPORT_DAYS) {
    return {
      refusal: {
        field: 'from',
        reason: `the period is at most ${MAX_REPORT_DAYS} days; this one is ${Math.ceil(days)}`,
      },
    };
  }
  return { period: { from: from.toMillis(), to: to.toMillis(), timeZone: zone } };
}

/** An instant as ISO 8601 with its zone's offset, as the caller's days read. */
export function isoIn(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISO() ?? new Date(ms).toISOString();
}
