// The retention reports: who churned in a period (and in the one before), the reasons they gave and the experiences
// that preceded it; newcomers per acquisition source and what became of them; cohorts by first-seen month. Each
// customer's life is read once per report (runs of activity, churn events, first sightings) and walked by the model.
import { recordView } from '../audit/index.ts';
import { type Actor, auditActor } from '../shared/actor.ts';
import { invalidField } from '../shared/errors.ts';
import type { Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import {
  type Cancellation,
  type Churn,
  type ChurnSettings,
  chosenReasons,
  churnIn,
  churnSettingsSchema,
  cohortTable,
  compareExperiences,
  DAY_MS,
  DEFAULT_CHURN_SETTINGS,
  type Experience,
  type ExperienceFact,
  experienceWindow,
  inPopulation,
  type Life,
  monthKey,
  type Newcomer,
  type Outcome,
  type Period,
  previousPeriod,
  type ReasonMention,
  rateOf,
  reasonOfEvent,
  runsOf,
  type SurveyQuestionShape,
  spellsOf,
  tallyAcquisition,
  tallyReasons,
  type Window,
  excerpt,
} from './model.ts';
import type { AcquisitionReport, ChurnReport, RetentionReport } from './responses.ts';
import * as store from './store.ts';

const SETTINGS_KEY = 'retention.churn';

/** The audit action of customers' words shown as churn reasons. */
export const REASONS_VIEWED = 'customer.churn_reasons_viewed';

export async function readChurnSettings(db: Db): Promise<ChurnSettings> {
  const parsed = churnSettingsSchema.safeParse((await readSetting(db, SETTINGS_KEY)) ?? {});
  return parsed.success ? parsed.data : DEFAULT_CHURN_SETTINGS;
}

/** Replaces the churn settings (validated at the edge); the cancellation survey must exist. */
export async function writeChurnSettings(db: Db, settings: ChurnSettings): Promise<ChurnSettings> {
  if (settings.cancellationSurveyId !== null && !(await store.surveyExists(db, settings.cancellationSurveyId))) {
    throw invalidField('cancellationSurveyId', 'No survey with this id', `No survey ${settings.cancellationSurveyId}`);
  }
  await writeSetting(db, SETTINGS_KEY, settings);
  return settings;
}

/** Lives of customers as read for a window, with what else the reports need of them. */
interface ReadLives {
  lives: Life[];
  sources: Map<string, string | null>;
  /** Churn events by interaction id, with their properties (reasons). */
  properties: Map<string, string | null>;
  ownerOf(profileId: string): string | null;
}

/**
 * Everyone who could have been active in the window: those first seen in it, those with activity in it, those
 * with a churn event before its horizon. `newSince`: only customers first seen in [newSince, window.horizon).
 */
async function readLives(
  db: Db,
  settings: ChurnSettings,
  window: Window,
  inactiveMs: number | null,
  newcomers?: Period,
): Promise<ReadLives> {
  const owners = await store.profileOwners(db);
  const erased = await store.erasedCustomers(db);
  const ownerOf = (profileId: string) => {
    const owner = owners.get(profileId) ?? profileId;
    return erased.has(owner) ? null : owner;
  };
  const lives = new Map<string, Life>();
  const lifeOf = (customerId: string): Life => {
    let life = lives.get(customerId);
    if (!life) {
      life = { customerId, firstSeenAt: null, runs: [], cancellations: [] };
      lives.set(customerId, life);
    }
    return life;
  };
  const sources = new Map<string, string | null>();
  const sighted = newcomers ?? { from: window.start, to: window.horizon };
  for (const row of await store.sightings(db, sighted.from, sighted.to)) {
    lifeOf(row.id).firstSeenAt = row.first_seen_at;
    sources.set(row.id, row.source);
  }
  // With newcomers only, the others' activity is neither needed nor kept.
  const wanted = (customerId: string | null): customerId is string =>
    customerId !== null && (!newcomers || sources.has(customerId));

  if (inactiveMs !== null) {
    for (const row of await store.activity(db, { from: window.start, to: window.horizon }, newcomers?.from)) {
      const owner = ownerOf(row.profile_id);
      if (!wanted(owner)) continue;
      lifeOf(owner).runs.push(...runsOf(row.moments.split(',').map(Number), inactiveMs));
    }
  }
  const properties = new Map<string, string | null>();
  if (settings.event !== null) {
    for (const row of await store.cancellations(db, settings.event, window.horizon)) {
      const owner = ownerOf(row.customer_id);
      if (!wanted(owner)) continue;
      const cancellation: Cancellation = { interactionId: String(row.id), at: row.at, backAt: row.back_at };
      lifeOf(owner).cancellations.push(cancellation);
      properties.set(cancellation.interactionId, row.properties);
    }
  }
  return { lives: [...lives.values()], sources, properties, ownerOf };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The churn report of a validated period as of `now`: its population and churn against the period before, the
 * reasons churned customers gave (each customer whose words are shown is audited as seen), and the experiences
 * compared.
 */
export async function churnReport(db: Db, period: Period, actor: Actor, now: number): Promise<ChurnReport> {
  const settings = await readChurnSettings(db);
  const previous = previousPeriod(period);
  const horizon = Math.min(period.to, now);
  const inactiveMs = settings.inactiveDays === null ? null : settings.inactiveDays * DAY_MS;
  const lookbackMs = settings.lookbackDays * DAY_MS;
  // A silence that ends in churn in the previous period started up to inactiveDays before it.
  const window: Window = { start: inactiveMs === null ? store.BEGINNING : previous.from - inactiveMs, horizon };
  const read = await readLives(db, settings, window, inactiveMs);

  const outcomes: Outcome[] = [];
  const churns = new Map<string, Churn>();
  let previousPopulation = 0;
  let previousChurned = 0;
  for (const life of read.lives) {
    const spells = spellsOf(life, window, inactiveMs);
    if (inPopulation(spells, previous)) {
      previousPopulation += 1;
      if (churnIn(spells, previous)) previousChurned += 1;
    }
    if (!inPopulation(spells, period)) continue;
    const churn = churnIn(spells, period);
    if (churn) churns.set(life.customerId, churn);
    outcomes.push({
      customerId: life.customerId,
      churned: churn !== null,
      window: experienceWindow(churn, horizon, lookbackMs),
    });
  }

  const experiences = compareExperiences(
    outcomes,
    await experienceFacts(db, outcomes, horizon, lookbackMs, settings, read),
  );
  const mentions = await reasonMentions(db, churns, settings, read, lookbackMs, now);
  const reasons = tallyReasons(mentions, churns.size);
  const shown = [...new Set(reasons.flatMap((reason) => reason.quotes.map((quote) => quote.customerId)))];
  const names = await store.customerNames(db, shown);
  await recordViews(db, reasons, actor);
  const kinds = [...churns.values()];
  return {
    from: iso(period.from),
    to: iso(period.to),
    previousFrom: iso(previous.from),
    previousTo: iso(previous.to),
    settings,
    population: outcomes.length,
    churned: churns.size,
    churnRate: rateOf(churns.size, outcomes.length),
    churnedByEvent: kinds.filter((churn) => churn.kind === 'event').length,
    churnedByInactivity: kinds.filter((churn) => churn.kind === 'inactivity').length,
    previous: {
      population: previousPopulation,
      churned: previousChurned,
      churnRate: rateOf(previousChurned, previousPopulation),
    },
    reasons: reasons.map((reason) => ({
      source: reason.source,
      reason: reason.reason,
      count: reason.count,
      share: reason.share,
      quotes: reason.quotes
        .filter((quote) => names.has(quote.customerId))
        .map((quote) => ({
          customerId: quote.customerId,
          customerName: names.get(quote.customerId) ?? null,
          text: excerpt(quote.quote ?? ''),
          at: iso(quote.at),
        })),
    })),
    experiences,
  };
}

/**
 * The experiences in everyone's windows: those of the lookback before the reference moment (everyone who stayed has
 * that window) read by time for all, and those of the customers who churned read in their own windows.
 */
async function experienceFacts(
  db: Db,
  outcomes: readonly Outcome[],
  reference: number,
  lookbackMs: number,
  settings: ChurnSettings,
  read: ReadLives,
): Promise<ExperienceFact[]> {
  const churned = outcomes
    .filter((outcome) => outcome.churned)
    .map((outcome) => [outcome.customerId, outcome.window.from, outcome.window.to] as const);
  const rows = [
    ...(await store.experiences(db, reference - lookbackMs, reference, settings.cancellationSurveyId)),
    ...(await store.experiencesInWindows(db, churned, settings.cancellationSurveyId)),
  ];
  const facts: ExperienceFact[] = [];
  for (const row of rows) {
    const customerId = read.ownerOf(row.profile_id);
    if (customerId) facts.push({ customerId, experience: row.experience as Experience, at: row.at });
  }
  return facts;
}

/**
 * What churned customers said: the churn event's reason (including that she gave none), the cancellation survey's
 * choices answered from the lookback before she left until she came back, and her last case before leaving.
 */
async function reasonMentions(
  db: Db,
  churns: ReadonlyMap<string, Churn>,
  settings: ChurnSettings,
  read: ReadLives,
  lookbackMs: number,
  now: number,
): Promise<ReasonMention[]> {
  const mentions: ReasonMention[] = [];
  if (churns.size === 0) return mentions;
  for (const [customerId, churn] of churns) {
    if (!churn.cancellation) continue;
    const { reason, comment } = reasonOfEvent(parseObject(read.properties.get(churn.cancellation.interactionId)));
    mentions.push({ source: 'event', reason, customerId, at: churn.cancellation.at, quote: comment });
  }
  let since = Number.POSITIVE_INFINITY;
  for (const churn of churns.values()) since = Math.min(since, churn.leftAt - lookbackMs);
  if (settings.cancellationSurveyId !== null) {
    for (const row of await store.surveyAnswers(db, settings.cancellationSurveyId, since, now + 1)) {
      const customerId = read.ownerOf(row.customer_id);
      const churn = customerId ? churns.get(customerId) : undefined;
      if (!customerId || !churn || row.at < churn.leftAt - lookbackMs || row.at >= (churn.backAt ?? Infinity)) continue;
      const chosen = chosenReasons(parseArray(row.questions), parseObject(row.answers));
      if (chosen.length === 0 && !row.comment) continue;
      for (const reason of chosen.length > 0 ? chosen : [null]) {
        mentions.push({ source: 'survey', reason, customerId, at: row.at, quote: row.comment });
      }
    }
  }
  const windows = [...churns].map(([customerId, churn]) => [customerId, churn.leftAt - lookbackMs, churn.at] as const);
  const latest = new Map<string, store.LastContactRow>();
  for (const row of await store.lastContacts(db, windows)) {
    const seen = latest.get(row.customer_id);
    if (!seen || row.opened_at > seen.opened_at) latest.set(row.customer_id, row);
  }
  for (const row of latest.values()) {
    mentions.push({
      source: 'last_contact',
      reason: row.reason,
      customerId: row.customer_id,
      at: row.opened_at,
      quote: row.subject,
    });
  }
  return mentions;
}

function parseObject(text: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseArray(text: string): SurveyQuestionShape[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as SurveyQuestionShape[]) : [];
  } catch {
    return [];
  }
}

/** One view per customer whose words are shown, naming the reasons they were shown under. */
async function recordViews(db: Db, reasons: ReturnType<typeof tallyReasons>, actor: Actor): Promise<void> {
  const shown = new Map<string, string[]>();
  for (const reason of reasons) {
    for (const quote of reason.quotes) {
      shown.set(quote.customerId, [...(shown.get(quote.customerId) ?? []), `${reason.source}:${reason.reason ?? ''}`]);
    }
  }
  for (const [customerId, shownUnder] of shown) {
    await recordView(db, {
      ...auditActor(actor),
      action: REASONS_VIEWED,
      customerId,
      detail: { shownIn: 'churn', reasons: shownUnder },
    });
  }
}

/** Newcomers of a validated period per acquisition source, and what became of them up to `now`. */
export async function acquisitionReport(db: Db, period: Period, now: number): Promise<AcquisitionReport> {
  const settings = await readChurnSettings(db);
  const inactiveMs = settings.inactiveDays === null ? null : settings.inactiveDays * DAY_MS;
  const window: Window = { start: period.from, horizon: now };
  const read = await readLives(db, settings, window, inactiveMs, { from: period.from, to: Math.min(period.to, now) });
  const newcomers: Newcomer[] = read.lives.map((life) => {
    const spells = spellsOf(life, window, inactiveMs);
    return {
      source: read.sources.get(life.customerId) ?? null,
      churned: spells.some((spell) => spell.churn !== null),
      active: spells.at(-1)?.churn === null,
    };
  });
  const sources = tallyAcquisition(newcomers);
  const sum = (pick: (row: (typeof sources)[number]) => number) => sources.reduce((total, row) => total + pick(row), 0);
  const customers = sum((row) => row.customers);
  const retained = sum((row) => row.retained);
  return {
    from: iso(period.from),
    to: iso(period.to),
    customers,
    churned: sum((row) => row.churned),
    retained,
    retainedShare: rateOf(retained, customers),
    sources,
  };
}

/** The cohorts of a validated period of whole months, up to the month of `now`. */
export async function retentionReport(db: Db, period: Period, now: number): Promise<RetentionReport> {
  const sizes = new Map<string, number>();
  for (const row of await store.sightings(db, period.from, period.to)) {
    const month = monthKey(row.first_seen_at);
    sizes.set(month, (sizes.get(month) ?? 0) + 1);
  }
  const counts = await store.cohortCounts(db, period.from, period.to, now);
  return { from: iso(period.from), to: iso(period.to), cohorts: cohortTable(period, sizes, counts, now) };
}
