// Keeps the metric cells current: takes what the triggers queued (cases, answers, gestures) and the listened texts
// past the cursor, subtracts what each subject counted before and adds what it counts now. Runs before every metrics
// read and on the app's timer, so a dashboard never recomputes from scratch and never lags.
import { DateTime } from 'luxon';
import { ALWAYS_OPEN, businessMillisBetween, type Calendar } from '../sla/index.ts';
import { checkpointBetweenTransactions, type Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import {
  addDelta,
  addTo,
  applyDelta,
  type BusinessSeconds,
  caseFact,
  type CellDelta,
  contributionsOf,
  emptyCell,
  emptyDelta,
  type Fact,
  type Filing,
  isEmptyCell,
  type Place,
  periodStart,
} from './model.ts';
import {
  caseRows,
  clearMetrics,
  dirtySubjects,
  flagsOf,
  forgetDirty,
  gestureRows,
  lastInteractionId,
  markEverythingDirty,
  pendingCount,
  pendingUpTo,
  addToCell,
  type CellAddress,
  readCell,
  responseRows,
  type SubjectKind,
  storedFacts,
  storeFact,
  teamHours,
  textsBetween,
  writeCell,
} from './store.ts';

const TIMEZONE_KEY = 'metrics.timezone';
const CURSOR_KEY = 'metrics.interactionCursor';
const SUBJECTS_PER_BATCH = 2000;
const SUBJECTS_PER_ROUND = 5_000;
const CELL_IDS = 64;
const DAY_IDS = 200_000;
const DAY_OFFSET = 100_000;
const TEXT_IDS_PER_ROUND = 50_000;
const DAY_MS = 86_400_000;

/** Open seconds between two moments by a team's calendar (always open without a team). */
export async function businessClock(db: Db): Promise<(teamId: string | null) => BusinessSeconds> {
  const calendars = new Map<string, Calendar>(
    (await teamHours(db)).map((row) => [
      row.id,
      {
        timezone: row.timezone,
        hours: JSON.parse(row.business_hours) as Calendar['hours'],
        holidays: JSON.parse(row.holidays) as string[],
      },
    ]),
  );
  return (teamId) => {
    const calendar = (teamId === null ? undefined : calendars.get(teamId)) ?? ALWAYS_OPEN;
    return (from, to) => Math.max(0, Math.round(businessMillisBetween(from, to, calendar) / 1000));
  };
}

/** The zone whose days the metrics count (a manager's setting); UTC until one is chosen. */
export async function metricsTimeZone(db: Db): Promise<string> {
  const zone = await readSetting(db, TIMEZONE_KEY);
  return typeof zone === 'string' ? zone : 'UTC';
}

/** Days since 1970-01-01 in a zone: the local date of a moment, as a number. */
export function localDayIn(zone: string): (ms: number) => number {
  if (zone === 'UTC') return (ms) => Math.floor(ms / DAY_MS);
  return (ms) => Math.floor((ms + DateTime.fromMillis(ms, { zone }).offset * 60_000) / DAY_MS);
}

/** The moment a local day starts in a zone. */
export function dayStartIn(zone: string, day: number): number {
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  return DateTime.fromISO(date, { zone }).toMillis();
}

/**
 * A new time zone files every day differently: the cells are rebuilt from the facts' sources (the queue refills
 * from every case, answer and gesture, and the texts are read again from the start).
 */
export async function setMetricsTimeZone(db: Db, zone: string): Promise<void> {
  await db.transaction(async (tx) => {
    if ((await metricsTimeZone(tx)) === zone) return;
    await writeSetting(tx, TIMEZONE_KEY, zone);
    await rebuildMetrics(tx);
  });
}

export async function rebuildMetrics(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await clearMetrics(tx);
    await markEverythingDirty(tx);
    await writeSetting(tx, CURSOR_KEY, 0);
  });
}

type Counted = { subjects: number; texts: number };
const NOTHING: Counted = { subjects: 0, texts: 0 };

/**
 * Brings every cell up to date before a read and on the app's timer; returns how many subjects and texts it counted.
 * A queue of a rebuild's size (an upgrade queues every case, a new time zone too) is not counted here, holding a
 * dashboard request or the writer for minutes: it starts the catch-up (below), and until it ends, reads answer from
 * the cells counted so far and say how much is still to count.
 */
export async function refreshMetrics(db: Db): Promise<Counted> {
  if (catchUps.has(db.root)) return NOTHING;
  const { above } = catchUpSettings(db);
  if ((await pendingUpTo(db, above)) >= above) {
    startCatchUp(db);
    return NOTHING;
  }
  return countAllMetrics(db);
}

/**
 * Counts everything queued, now, in rounds of one transaction each: it takes the queue `batch` subjects at a time,
 * gathers every cell change in memory and writes each touched cell once at the end, so a rebuild of a million cases
 * rewrites a cell once per round, not once per batch. `round` bounds how long one transaction holds the writer.
 */
export async function countAllMetrics(
  db: Db,
  { batch = SUBJECTS_PER_BATCH, round = SUBJECTS_PER_ROUND }: { batch?: number; round?: number } = {},
): Promise<Counted> {
  let subjects = 0;
  let texts = 0;
  for (;;) {
    const step = await countRound(db, batch, round);
    subjects += step.counted;
    texts += step.read.texts;
    if (step.counted === 0 && step.read.done) return { subjects, texts };
    // A full round means more to come at once: let the WAL be copied back before the next one.
    if (step.counted >= round) await checkpointBetweenTransactions(db);
  }
}

async function countRound(db: Db, batch: number, round: number) {
  return db.transaction(async (tx) => {
    const dayOf = localDayIn(await metricsTimeZone(tx));
    const deltas = new Deltas();
    let counted = 0;
    for (;;) {
      const more = await countQueued(tx, dayOf, Math.min(batch, round - counted), deltas);
      counted += more;
      if (more === 0 || counted >= round) break;
    }
    const read = await countTexts(tx, dayOf, deltas);
    await deltas.apply(tx);
    return { counted, read };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The catch-up: a rebuild counted in the background while the app serves.

export interface CatchUpSettings {
  /** A queue at least this long is caught up in the background. */
  above: number;
  /** Subjects per transaction: the writer is held a few seconds at a time, the projector and staff go between. */
  round: number;
  /** Told when a catch-up ends, with what it counted, or fails (it is started again by the next read or tick). */
  onDone?: (counted: Counted & { seconds: number }) => void;
  onError?: (error: unknown) => void;
  /** Awaited between two rounds (tests hold a catch-up half-way with it). */
  betweenRounds?: () => Promise<void>;
}

// Rounds of 20,000 hold the writer a few seconds each; between them the projection (which gives the app's thread the
// writer first) gets a moment to apply what arrived.
const CATCH_UP_DEFAULTS: CatchUpSettings = { above: 50_000, round: 20_000 };
const CATCH_UP_PAUSE_MS = 25;
const catchUpConfig = new WeakMap<object, CatchUpSettings>();
const catchUps = new WeakMap<object, { remaining: number; stopped: boolean; done: Promise<void> }>();

export function configureMetricsCatchUp(db: Db, settings: Partial<CatchUpSettings>): void {
  catchUpConfig.set(db.root, { ...catchUpSettings(db), ...settings });
}

function catchUpSettings(db: Db): CatchUpSettings {
  return catchUpConfig.get(db.root) ?? CATCH_UP_DEFAULTS;
}

/** How many subjects a catch-up under way still has to count; null when none runs. */
export function metricsStillToCount(db: Db): number | null {
  return catchUps.get(db.root)?.remaining ?? null;
}

/** Lets a catch-up under way finish its round and stop (before the database closes); the next read starts it again. */
export async function stopMetricsCatchUp(db: Db): Promise<void> {
  const running = catchUps.get(db.root);
  if (!running) return;
  running.stopped = true;
  await running.done;
}

function startCatchUp(db: Db): void {
  const settings = catchUpSettings(db);
  const state = { remaining: settings.above, stopped: false, done: Promise.resolve() };
  catchUps.set(db.root, state);
  const started = performance.now();
  state.done = (async () => {
    let subjects = 0;
    let texts = 0;
    try {
      state.remaining = await pendingCount(db);
      while (!state.stopped) {
        const step = await countRound(db, SUBJECTS_PER_BATCH * 10, settings.round);
        subjects += step.counted;
        texts += step.read.texts;
        state.remaining = Math.max(0, state.remaining - step.counted);
        if (step.counted === 0 && step.read.done) break;
        if (step.counted >= settings.round) await checkpointBetweenTransactions(db);
        await (settings.betweenRounds?.() ?? new Promise((resolve) => setTimeout(resolve, CATCH_UP_PAUSE_MS)));
      }
      if (!state.stopped) settings.onDone?.({ subjects, texts, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      (settings.onError ?? ((failure) => process.emitWarning(`metrics catch-up failed: ${String(failure)}`)))(error);
    } finally {
      catchUps.delete(db.root);
    }
  })();
}

/**
 * Cell changes gathered over a round, so each touched cell is written once. Changes are kept per day under a
 * number (place, cell, day) rather than a string, since a million cases make fifty million of them; weeks and
 * months are folded from the days when the round is written.
 */
class Deltas {
  private readonly places = new Map<string, number>();
  private readonly placeList: Place[] = [];
  private readonly cellNames = new Map<string, number>();
  private readonly cellList: string[] = [];
  private readonly days = new Map<number, CellDelta>();

  private idOf<T>(ids: Map<string, number>, list: T[], name: string, value: T): number {
    let id = ids.get(name);
    if (id === undefined) {
      id = list.length;
      ids.set(name, id);
      list.push(value);
    }
    return id;
  }

  add({ places, parts }: Filing, sign: 1 | -1): void {
    for (const place of places) {
      const placeId = this.idOf(this.places, this.placeList, `${place[0]}\u0000${place[1]}`, place);
      for (const part of parts) {
        const cellId = this.idOf(this.cellNames, this.cellList, part.cell, part.cell);
        // Days since 1970 ± 100 000 fit five decimal digits; places and cells are few hundred and few dozen.
        const id = (placeId * CELL_IDS + cellId) * DAY_IDS + (part.day + DAY_OFFSET);
        let delta = this.days.get(id);
        if (!delta) {
          delta = emptyDelta();
          this.days.set(id, delta);
        }
        addTo(delta, part, sign);
      }
    }
  }

  /** Each day's change, and the same folded into its week and its month. */
  private *byGrain(): Generator<{ at: CellAddress; delta: CellDelta }> {
    const folded = new Map<string, { at: CellAddress; delta: CellDelta }>();
    for (const [id, delta] of this.days) {
      if (isEmptyCell(delta)) continue;
      const day = (id % DAY_IDS) - DAY_OFFSET;
      const rest = Math.floor(id / DAY_IDS);
      const [dim, key] = this.placeList[Math.floor(rest / CELL_IDS)] as Place;
      const metric = this.cellList[rest % CELL_IDS] as string;
      yield { at: { metric, dim, grain: 'day', day, key }, delta };
      for (const grain of ['week', 'month'] as const) {
        const start = periodStart(day, grain);
        const name = `${metric}\u0000${dim}\u0000${key}\u0000${grain}\u0000${start}`;
        let entry = folded.get(name);
        if (!entry) {
          entry = { at: { metric, dim, grain, day: start, key }, delta: emptyDelta() };
          folded.set(name, entry);
        }
        addDelta(entry.delta, delta);
      }
    }
    yield* folded.values();
  }

  /**
   * Counts and sums are added by the database in one statement; a histogram is read, merged and written back. A
   * count cell that falls to zero stays as a row of zeros, which every query reads as nothing.
   */
  async apply(db: Db): Promise<void> {
    for (const { at, delta } of this.byGrain()) {
      if (isEmptyCell(delta)) continue;
      if (!delta.hist) {
        await addToCell(db, at, delta);
        continue;
      }
      const stored = applyDelta((await readCell(db, at)) ?? emptyCell(), delta);
      await writeCell(db, at, isEmptyCell(stored) ? null : stored);
    }
  }
}

async function countQueued(db: Db, dayOf: (ms: number) => number, batch: number, deltas: Deltas): Promise<number> {
  const queued = batch > 0 ? await dirtySubjects(db, batch) : [];
  if (!queued.length) return 0;
  const byKind = new Map<SubjectKind, string[]>();
  for (const { kind, id } of queued) {
    const ids = byKind.get(kind);
    if (ids) ids.push(id);
    else byKind.set(kind, [id]);
  }
  for (const [kind, ids] of byKind) {
    const now = await factsNow(db, kind, ids, dayOf);
    const before = await storedFacts(db, kind, ids);
    for (const id of ids) {
      const old = before.get(id);
      const next = now.get(id) ?? null;
      const nextJson = next === null ? null : JSON.stringify(next);
      if (old === nextJson || (old === undefined && nextJson === null)) continue;
      if (old !== undefined) deltas.add(contributionsOf(JSON.parse(old) as Fact), -1);
      if (next !== null) deltas.add(contributionsOf(next), 1);
      await storeFact(db, kind, id, nextJson);
    }
    await forgetDirty(db, kind, ids);
  }
  return queued.length;
}

/** What each subject counts now; absent: it counts nothing (deleted, absorbed by a merge, an answer with no score). */
async function factsNow(
  db: Db,
  kind: SubjectKind,
  ids: string[],
  dayOf: (ms: number) => number,
): Promise<Map<string, Fact>> {
  const facts = new Map<string, Fact>();
  if (kind === 'case') {
    const rows = (await caseRows(db, ids)).filter((row) => row.absorbed === 0);
    const flags = await flagsOf(
      db,
      rows.map((row) => row.customer_id),
    );
    const clockOf = await businessClock(db);
    for (const row of rows)
      facts.set(row.id, caseFact(row, flags.get(row.customer_id) ?? [], dayOf, clockOf(row.team_id)));
  } else if (kind === 'response') {
    const rows = (await responseRows(db, ids)).filter(
      (row) => row.score !== null && (row.kind === 'nps' || row.kind === 'csat' || row.kind === 'ces'),
    );
    const flags = await flagsOf(
      db,
      rows.map((row) => row.customer_id),
    );
    for (const row of rows)
      facts.set(row.id, {
        kind: 'response',
        survey: row.kind as 'nps' | 'csat' | 'ces',
        day: dayOf(row.answered_at),
        score: row.score ?? 0,
        ...caseDimensions(row, flags.get(row.customer_id) ?? []),
      });
  } else {
    const rows = (await gestureRows(db, ids)).filter((row) => row.status === 'issued');
    const flags = await flagsOf(
      db,
      rows.map((row) => row.customer_id),
    );
    for (const row of rows)
      facts.set(row.id, {
        kind: 'gesture',
        day: dayOf(row.issued_at),
        currency: row.currency,
        amount: row.amount,
        ...caseDimensions(row, flags.get(row.customer_id) ?? []),
        // A gesture's agent is who gave it, whoever holds the case.
        agent: row.issued_by,
      });
  }
  return facts;
}

/** Without a case an answer has no channel, team or reason of its own: it counts overall and in its segments. */
function caseDimensions(
  row: {
    channel: string | null;
    team_id: string | null;
    assignee_id: string | null;
    reason: string | null;
    priority: string | null;
  },
  segments: string[],
): { channel: string; team: string; agent: string; reason: string; priority: string; segments: string[] } {
  return {
    channel: row.channel ?? '',
    team: row.team_id ?? '',
    agent: row.assignee_id ?? '',
    reason: row.reason ?? '',
    priority: row.priority ?? '',
    segments,
  };
}

async function countTexts(
  db: Db,
  dayOf: (ms: number) => number,
  deltas: Deltas,
): Promise<{ texts: number; done: boolean }> {
  const cursor = Number((await readSetting(db, CURSOR_KEY)) ?? 0);
  const last = await lastInteractionId(db);
  if (last <= cursor) return { texts: 0, done: true };
  const upTo = Math.min(last, cursor + TEXT_IDS_PER_ROUND);
  const rows = await textsBetween(db, cursor, upTo);
  for (const row of rows)
    deltas.add(
      contributionsOf({
        kind: 'text',
        day: dayOf(row.occurred_at),
        channel: row.channel,
        reason: row.reason ?? '',
        score: row.sentiment_score,
        negative: row.sentiment === 'negative',
      }),
      1,
    );
  await writeSetting(db, CURSOR_KEY, upTo);
  return { texts: rows.length, done: upTo >= last };
}
