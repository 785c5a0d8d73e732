// Why customers come, stay and leave, as pure rules: the churn settings, the periods asked for, each customer's
// life as spells of activity that end in churn (the churn event, or a silence of the settings' days) and may start
// again (she comes back), and the tallies of the reports: churn rate, reasons, experiences, acquisition, cohorts.
// No I/O: the store reads activity, this file makes sense of it.
import { z } from 'zod';

export const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------------------------
// Settings

export const DEFAULT_CHURN_EVENT = 'Subscription Cancelled';

/**
 * What churn means for this company. A PUT replaces the whole of it: a field left out takes its default, `null`
 * switches a signal off (`inactiveDays: null`: only the event counts; `event: null`: only silence does).
 */
export const churnSettingsSchema = z
  .strictObject({
    event: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullable()
      .default(DEFAULT_CHURN_EVENT)
      .meta({ description: 'The tracked event that means a customer left (null: none, only silence counts)' }),
    inactiveDays: z.number().int().min(1).max(730).nullable().default(90).meta({
      description: 'Days without any activity of hers after which a customer has left (null: only the event)',
    }),
    lookbackDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .default(90)
      .meta({ description: 'How far before leaving the experiences that preceded it are looked for' }),
    cancellationSurveyId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .meta({ description: 'The survey that asks leaving customers why; its answers are reasons' }),
  })
  .superRefine((settings, ctx) => {
    if (settings.event !== null || settings.inactiveDays !== null) return;
    for (const field of ['event', 'inactiveDays']) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'churn needs the event, days of silence, or both' });
    }
  });
export type ChurnSettings = z.output<typeof churnSettingsSchema>;

export const DEFAULT_CHURN_SETTINGS: ChurnSettings = churnSettingsSchema.parse({});

// ---------------------------------------------------------------------------------------------------------------
// Periods

/** A period in ms, `to` exclusive. */
export interface Period {
  from: number;
  to: number;
}

/** The longest period of the churn and acquisition reports (a year, leap day included). */
export const MAX_PERIOD_DAYS = 366;
/** The period when none is asked for: the 90 days up to and including today. */
export const DEFAULT_PERIOD_DAYS = 90;
/** The most cohorts (months) one retention table holds, and its default. */
export const MAX_COHORTS = 24;
export const DEFAULT_COHORTS = 12;

/** A request the rules refuse, with the field to correct. */
export interface PeriodRefusal {
  field: 'from' | 'to';
  reason: string;
}

/** A date (`2026-11-01`, its midnight in UTC) or a date-time with its offset, in ms; null when neither. */
export function momentOf(text: string): number | null {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The period of a churn or acquisition request as of `now` (days are UTC days): `to` is exclusive, without it the
 * period ends as today ends; without `from` it is the 90 days before `to`. It must start before now.
 * @example planPeriod({ from: '2026-10-01', to: '2026-11-01' }, Date.now()) // { period: October }
 */
export function planPeriod(
  request: { from?: string; to?: string },
  now: number,
): { period: Period } | { refusal: PeriodRefusal } {
  const to = request.to === undefined ? startOfDay(now) + DAY_MS : momentOf(request.to);
  if (to === null) return { refusal: { field: 'to', reason: `${request.to} is not a date` } };
  const from = request.from === undefined ? to - DEFAULT_PERIOD_DAYS * DAY_MS : momentOf(request.from);
  if (from === null) return { refusal: { field: 'from', reason: `${request.from} is not a date` } };
  if (from >= to) return { refusal: { field: 'to', reason: 'must be after from (the period ends just before to)' } };
  if (from >= now) return { refusal: { field: 'from', reason: 'the period must start before now' } };
  const days = (to - from) / DAY_MS;
  if (days > MAX_PERIOD_DAYS) {
    return {
      refusal: {
        field: 'from',
        reason: `the period is at most ${MAX_PERIOD_DAYS} days; this one is ${Math.ceil(days)}`,
      },
    };
  }
  return { period: { from, to } };
}

/** The period of the same length just before. */
export function previousPeriod(period: Period): Period {
  return { from: period.from - (period.to - period.from), to: period.from };
}

/**
 * The months of a retention request (UTC): `from` is taken back to its month's first day and `to` on to the next
 * month's, so each cohort is a whole month; without them, the last 12 months including this one.
 * @example planCohorts({ from: '2026-01-15', to: '2026-03-01' }, now) // January and February
 */
export function planCohorts(
  request: { from?: string; to?: string },
  now: number,
): { period: Period } | { refusal: PeriodRefusal } {
  const toMoment = request.to === undefined ? addMonths(monthStart(now), 1) : momentOf(request.to);
  if (toMoment === null) return { refusal: { field: 'to', reason: `${request.to} is not a date` } };
  const to = monthStart(toMoment) === toMoment ? toMoment : addMonths(monthStart(toMoment), 1);
  const fromMoment = request.from === undefined ? addMonths(to, -DEFAULT_COHORTS) : momentOf(request.from);
  if (fromMoment === null) return { refusal: { field: 'from', reason: `${request.from} is not a date` } };
  const from = monthStart(fromMoment);
  if (from >= to) return { refusal: { field: 'to', reason: 'must be after from (the period ends just before to)' } };
  if (from >= now) return { refusal: { field: 'from', reason: 'the first cohort must start before now' } };
  const months = monthsBetween(from, to);
  if (months > MAX_COHORTS) {
    return { refusal: { field: 'from', reason: `at most ${MAX_COHORTS} months of cohorts; this is ${months}` } };
  }
  return { period: { from, to } };
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The first moment of the UTC month of `ms`. */
export function monthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The first moment of the month `months` after (or before) the month of `ms`. */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
}

/** Whole months from the month of `from` to the month of `to`. */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

/** `2026-11`: the UTC month of `ms`, as the store groups months. */
export function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

// ---------------------------------------------------------------------------------------------------------------
// A customer's life: spells of activity, each ending in churn or still going

/** A stretch of her own activity with no silence longer than the settings' days inside it. */
export interface Run {
  start: number;
  end: number;
}

/** A churn event of hers, and her first own doing after it (an order, a visit: not a message), if any. */
export interface Cancellation {
  interactionId: string;
  at: number;
  backAt: number | null;
}

/**
 * What the store read of one customer, from the start of the window on. `firstSeenAt` is null when she was first
 * seen before the window: what she did then is not read, and need not be (see `spellsOf`).
 */
export interface Life {
  customerId: string;
  firstSeenAt: number | null;
  /** Her runs inside the window, in order (mergeRuns). */
  runs: Run[];
  /** Her churn events before the horizon, in order; those before the window too. */
  cancellations: Cancellation[];
}

export const CHURN_KINDS = ['event', 'inactivity'] as const;
export type ChurnKind = (typeof CHURN_KINDS)[number];

export interface Churn {
  /** The churn moment: the event's time, or her last activity + the settings' days. */
  at: number;
  kind: ChurnKind;
  /** When she left: the churn event, or her last activity before the silence. */
  leftAt: number;
  /** The churn event that ended the spell, or the one she sent while already gone; its properties are reasons. */
  cancellation: Cancellation | null;
  /** When she came back, if she did before the horizon. */
  backAt: number | null;
}

/** From when she was active, and how that ended (null: she had not left by the horizon). */
export interface Spell {
  start: number;
  churn: Churn | null;
}

/** What was read: activity from `start` (the window) up to `horizon` (min of the period's end and now), exclusive. */
export interface Window {
  start: number;
  horizon: number;
}

function isAscending(values: readonly number[]): boolean {
  for (let index = 1; index < values.length; index++) if (values[index]! < values[index - 1]!) return false;
  return true;
}

/** The runs of one profile's moments of activity: a silence longer than `gap` ends one. */
export function runsOf(moments: readonly number[], gap: number): Run[] {
  const sorted = isAscending(moments) ? moments : [...moments].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (const moment of sorted) {
    const last = runs.at(-1);
    if (last && moment - last.end <= gap) last.end = moment;
    else runs.push({ start: moment, end: moment });
  }
  return runs;
}

/**
 * Runs merged across her profiles (a merged customer's activity is kept per profile) and with her first sighting:
 * two runs closer than `gap` are one.
 */
export function mergeRuns(runs: readonly Run[], gap: number): readonly Run[] {
  // Nearly every customer has one profile, whose runs come in order and apart: nothing to merge, nothing to copy.
  if (runs.every((run, index) => index === 0 || run.start - runs[index - 1]!.end > gap)) return runs;
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  const merged: Run[] = [];
  for (const run of sorted) {
    const last = merged.at(-1);
    if (last && run.start - last.end <= gap) last.end = Math.max(last.end, run.end);
    else merged.push({ ...run });
  }
  return merged;
}

/**
 * Her spells from the window on. She is active from her first sighting or activity; she churns at the first churn
 * event, or when `inactiveMs` passed after the end of her run (only once that moment is before the horizon: a
 * silence still running is not yet churn). She comes back:
 * - after a churn event, with her first own doing after it (`Cancellation.backAt`: an order, a visit, using the
 *   product), not with a message or a survey answer: writing to us about leaving is not coming back;
 * - after a silence, with her next activity of any kind, unless that is the churn event itself (then she is still
 *   gone, that event's reasons are hers, and she comes back as after the event).
 * A customer who comes back is active again: her next spell may end in churn again.
 *
 * Nothing before the window is needed: with a silence rule the window starts `inactiveMs` before the first period
 * asked about, so whoever has no activity inside it had churned before that period (and is in no population),
 * and her state at its start is read from the runs inside. A churn event before the window still holds if she
 * has not come back since.
 */
export function spellsOf(life: Life, window: Window, inactiveMs: number | null): Spell[] {
  const gap = inactiveMs ?? Number.POSITIVE_INFINITY;
  const sighted = life.firstSeenAt !== null && life.firstSeenAt >= window.start;
  const runs = mergeRuns(
    sighted ? [...life.runs, { start: life.firstSeenAt!, end: life.firstSeenAt! }] : life.runs,
    gap,
  );
  const stillGone = life.cancellations.find(
    (cancellation) =>
      cancellation.at < window.start && (cancellation.backAt ?? Number.POSITIVE_INFINITY) >= window.start,
  );
  const spells: Spell[] = [];
  let start: number | null = stillGone ? stillGone.backAt : (runs[0]?.start ?? null);
  while (start !== null && start < window.horizon) {
    const from = start;
    const run = runs.find((candidate) => candidate.start <= from && from <= candidate.end) ?? {
      start: from,
      end: from,
    };
    const cancellation = life.cancellations.find((candidate) => candidate.at >= from && candidate.at < window.horizon);
    const quietAt = inactiveMs === null ? null : run.end + inactiveMs;
    const goneQuiet = quietAt !== null && quietAt < window.horizon ? quietAt : null;
    if (cancellation && (goneQuiet === null || cancellation.at <= goneQuiet)) {
      const backAt = cancellation.backAt !== null && cancellation.backAt < window.horizon ? cancellation.backAt : null;
      spells.push({
        start: from,
        churn: { at: cancellation.at, kind: 'event', leftAt: cancellation.at, cancellation, backAt },
      });
      start = backAt;
    } else if (goneQuiet !== null) {
      const next = runs.find((candidate) => candidate.start > run.end);
      // Her next activity may be the churn event itself: she came only to cancel.
      const cancelledWhileGone = next
        ? (life.cancellations.find((candidate) => candidate.at === next.start) ?? null)
        : null;
      const returned = cancelledWhileGone ? cancelledWhileGone.backAt : (next?.start ?? null);
      const backAt = returned !== null && returned < window.horizon ? returned : null;
      spells.push({
        start: from,
        churn: { at: goneQuiet, kind: 'inactivity', leftAt: run.end, cancellation: cancelledWhileGone, backAt },
      });
      start = backAt;
    } else {
      spells.push({ start: from, churn: null });
      start = null;
    }
  }
  return spells;
}

/**
 * Whether she counts in a period's population: active at some moment of it. That is, first seen before its end and
 * not churned before its start, or back in it (a customer who comes back is counted again from then on).
 */
export function inPopulation(spells: readonly Spell[], period: Period): boolean {
  return spells.some((spell) => spell.start < period.to && (spell.churn === null || spell.churn.at >= period.from));
}

/** Her first churn in the period, if she churned in it. */
export function churnIn(spells: readonly Spell[], period: Period): Churn | null {
  for (const spell of spells) {
    if (spell.churn && spell.churn.at >= period.from && spell.churn.at < period.to) return spell.churn;
  }
  return null;
}

/** Churned / population; null when nobody was there to churn. */
export function rateOf(churned: number, population: number): number | null {
  return population === 0 ? null : churned / population;
}

// ---------------------------------------------------------------------------------------------------------------
// Experiences that preceded churn

export const EXPERIENCES = [
  'sla_breach',
  'repeat_contact',
  'negative_post',
  'detractor',
  'gesture',
  'reopened',
] as const;
export type Experience = (typeof EXPERIENCES)[number];

/** One experience of a customer (already the canonical customer), at a moment. */
export interface ExperienceFact {
  customerId: string;
  experience: Experience;
  at: number;
}

/** A customer of the population, whether she churned in the period, and the window her experiences count in. */
export interface Outcome {
  customerId: string;
  churned: boolean;
  window: Period;
}

/**
 * The window in which a customer's experiences count, both ends included: the `lookbackMs` before she left, up to
 * her churn moment (for a customer who went quiet, the silence is added: her last case may breach after her last
 * message), or the `lookbackMs` before the reference moment (min of the period's end and now) for the others.
 */
export function experienceWindow(churn: Churn | null, reference: number, lookbackMs: number): Period {
  return churn ? { from: churn.leftAt - lookbackMs, to: churn.at } : { from: reference - lookbackMs, to: reference };
}

export interface ExperienceComparison {
  experience: Experience;
  /** Customers of the population who had it. */
  customers: number;
  /** Of them, those who churned in the period. */
  churnedWith: number;
  withRate: number | null;
  /** Customers of the population who did not have it, and those of them who churned. */
  customersWithout: number;
  churnedWithout: number;
  withoutRate: number | null;
  /** withRate − withoutRate: how many more of every customer who had it churned. */
  lift: number | null;
  /** withRate / withoutRate; null when either is missing or nobody without it churned. */
  ratio: number | null;
}

/** Each experience's churn among those who had it against those who did not; the worst (largest lift) first. */
export function compareExperiences(
  outcomes: readonly Outcome[],
  facts: readonly ExperienceFact[],
): ExperienceComparison[] {
  const byCustomer = new Map(outcomes.map((outcome) => [outcome.customerId, outcome]));
  const had = new Map<Experience, Set<string>>(EXPERIENCES.map((experience) => [experience, new Set()]));
  for (const fact of facts) {
    const outcome = byCustomer.get(fact.customerId);
    if (outcome && fact.at >= outcome.window.from && fact.at <= outcome.window.to) {
      had.get(fact.experience)!.add(fact.customerId);
    }
  }
  const population = outcomes.length;
  const churned = outcomes.filter((outcome) => outcome.churned).length;
  const comparisons = EXPERIENCES.map((experience): ExperienceComparison => {
    const customers = had.get(experience)!;
    const churnedWith = [...customers].filter((customerId) => byCustomer.get(customerId)!.churned).length;
    const customersWithout = population - customers.size;
    const churnedWithout = churned - churnedWith;
    const withRate = rateOf(churnedWith, customers.size);
    const withoutRate = rateOf(churnedWithout, customersWithout);
    return {
      experience,
      customers: customers.size,
      churnedWith,
      withRate,
      customersWithout,
      churnedWithout,
      withoutRate,
      lift: withRate === null || withoutRate === null ? null : withRate - withoutRate,
      ratio: withRate === null || withoutRate === null || withoutRate === 0 ? null : withRate / withoutRate,
    };
  });
  return comparisons.sort(worstFirst);
}

/** The largest lift first; those without a lift (nobody had it, or everybody) last; then more customers first. */
function worstFirst(a: ExperienceComparison, b: ExperienceComparison): number {
  if (a.lift !== b.lift) {
    if (a.lift === null) return 1;
    if (b.lift === null) return -1;
    return b.lift - a.lift;
  }
  return b.customers - a.customers || EXPERIENCES.indexOf(a.experience) - EXPERIENCES.indexOf(b.experience);
}

// ---------------------------------------------------------------------------------------------------------------
// Reasons customers gave

export const REASON_SOURCES = ['event', 'survey', 'last_contact'] as const;
export type ReasonSource = (typeof REASON_SOURCES)[number];

/** Where a churn event keeps its reason, Segment style first, and its customer's own words. */
const EVENT_REASON_KEYS = [
  'reason',
  'cancellation_reason',
  'cancellationReason',
  'cancel_reason',
  'cancelReason',
  'churn_reason',
  'churnReason',
] as const;
const EVENT_COMMENT_KEYS = ['comment', 'feedback', 'comments', 'text', 'message', 'details'] as const;

function textAt(properties: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** The reason a churn event gives, and the words that came with it. */
export function reasonOfEvent(properties: Record<string, unknown>): { reason: string | null; comment: string | null } {
  return { reason: textAt(properties, EVENT_REASON_KEYS), comment: textAt(properties, EVENT_COMMENT_KEYS) };
}

/** A survey question as far as reasons go: its choices are reasons. */
export interface SurveyQuestionShape {
  id: string;
  type: string;
}

/** The options she chose in the survey's choice questions, in the questions' order. */
export function chosenReasons(questions: readonly SurveyQuestionShape[], answers: Record<string, unknown>): string[] {
  const chosen: string[] = [];
  for (const question of questions) {
    if (question.type !== 'choice') continue;
    const answer = answers[question.id];
    for (const value of Array.isArray(answer) ? answer : [answer]) {
      if (typeof value === 'string' && value.trim()) chosen.push(value.trim());
    }
  }
  return chosen;
}

/** One reason one churned customer gave, from one source, with her words if any. */
export interface ReasonMention {
  source: ReasonSource;
  /** null: she gave words but no reason (a survey comment without a choice, a case nobody gave a reason). */
  reason: string | null;
  customerId: string;
  at: number;
  quote: string | null;
}

export interface ReasonTally {
  source: ReasonSource;
  reason: string | null;
  /** Churned customers who gave it. */
  count: number;
  /** count / churned customers of the period. */
  share: number;
  /** Up to `perReason` of their words, newest first, one per customer. */
  quotes: ReasonMention[];
}

/**
 * Reasons by source and reason (spelled as most recently given; "Too expensive" and "too expensive" are one), the
 * most given first; each customer counts once per reason.
 */
export function tallyReasons(mentions: readonly ReasonMention[], churned: number, perReason = 3): ReasonTally[] {
  const groups = new Map<
    string,
    { source: ReasonSource; reason: string | null; mentions: ReasonMention[]; customers: Set<string> }
  >();
  const newestFirst = [...mentions].sort((a, b) => b.at - a.at || a.customerId.localeCompare(b.customerId));
  for (const mention of newestFirst) {
    const key = `${mention.source}\u0000${mention.reason?.toLowerCase() ?? ''}\u0000${mention.reason === null}`;
    const group = groups.get(key) ?? {
      source: mention.source,
      reason: mention.reason,
      mentions: [],
      customers: new Set(),
    };
    groups.set(key, group);
    if (group.customers.has(mention.customerId)) continue;
    group.customers.add(mention.customerId);
    group.mentions.push(mention);
  }
  return [...groups.values()]
    .map((group) => ({
      source: group.source,
      reason: group.reason,
      count: group.mentions.length,
      share: churned === 0 ? 0 : group.mentions.length / churned,
      quotes: group.mentions.filter((mention) => mention.quote !== null).slice(0, perReason),
    }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        REASON_SOURCES.indexOf(a.source) - REASON_SOURCES.indexOf(b.source) ||
        (a.reason ?? '\uffff').localeCompare(b.reason ?? '\uffff'),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Acquisition and cohorts

/** The source of customers whose first touch named none. */
export const UNKNOWN_SOURCE = 'unknown';

/** A customer first seen in the period: her first touch's source, and what became of her up to now. */
export interface Newcomer {
  source: string | null;
  /** She churned at least once since she was first seen. */
  churned: boolean;
  /** She is active now (never churned, or came back). */
  active: boolean;
}

export interface AcquisitionRow {
  source: string;
  customers: number;
  churned: number;
  retained: number;
  /** retained / customers. */
  retainedShare: number;
}

/** New customers per source, the largest first, with how many churned since and how many are still here. */
export function tallyAcquisition(newcomers: readonly Newcomer[]): AcquisitionRow[] {
  const rows = new Map<string, AcquisitionRow>();
  for (const newcomer of newcomers) {
    const source = newcomer.source ?? UNKNOWN_SOURCE;
    const row = rows.get(source) ?? { source, customers: 0, churned: 0, retained: 0, retainedShare: 0 };
    rows.set(source, row);
    row.customers += 1;
    if (newcomer.churned) row.churned += 1;
    if (newcomer.active) row.retained += 1;
  }
  return [...rows.values()]
    .map((row) => ({ ...row, retainedShare: row.retained / row.customers }))
    .sort((a, b) => b.customers - a.customers || a.source.localeCompare(b.source));
}

/** Active customers of a cohort (first-seen month) in a month, as the store counts them. */
export interface CohortCount {
  cohort: string;
  month: string;
  customers: number;
}

export interface Cohort {
  /** The first-seen month, `2026-01`. */
  month: string;
  customers: number;
  /** Month 0 (the first-seen month) to the current month: the share of the cohort active in each. */
  months: Array<{ offset: number; month: string; active: number; share: number }>;
}

/**
 * The cohort table of the period's months up to the month of `now`. Month 0 counts everyone (first seen is a
 * sighting); a later month counts the customers with activity of their own in it.
 */
export function cohortTable(
  period: Period,
  sizes: ReadonlyMap<string, number>,
  counts: readonly CohortCount[],
  now: number,
): Cohort[] {
  const active = new Map(counts.map((count) => [`${count.cohort} ${count.month}`, count.customers]));
  const cohorts: Cohort[] = [];
  for (let start = period.from; start < period.to; start = addMonths(start, 1)) {
    const month = monthKey(start);
    const customers = sizes.get(month) ?? 0;
    const months: Cohort['months'] = [];
    for (let offset = 0; addMonths(start, offset) <= now; offset++) {
      const key = monthKey(addMonths(start, offset));
      const count = offset === 0 ? customers : (active.get(`${month} ${key}`) ?? 0);
      months.push({ offset, month: key, active: count, share: customers === 0 ? 0 : count / customers });
    }
    cohorts.push({ month, customers, months });
  }
  return cohorts;
}

/** How long a quote may be. */
export const QUOTE_LENGTH = 280;

/** Her words cut to about `max` characters at a word, with an ellipsis when anything was left out. */
export function excerpt(text: string, max = QUOTE_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  // Counted in code points, so an emoji is never cut in half.
  const characters = Array.from(clean);
  if (characters.length <= max) return clean;
  const cut = characters.slice(0, max).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
