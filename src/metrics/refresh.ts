// Keeps the metric cells current: takes what the triggers queued (cases, answers, gestures) and the listened texts
// past the cursor, subtracts what each subject counted before and adds what it counts now. Runs before every metrics
// read and on the app's timer, so a dashboard never recomputes from scratch and never lags.
import { DateTime } from 'luxon';
import type { Db } from '../store/db.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import {
  type Cell,
  type CellDimension,
  caseFact,
  contributionsOf,
  emptyCell,
  type Fact,
  type Filed,
  addTo,
  isEmptyCell,
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
  readCell,
  responseRows,
  type SubjectKind,
  storedFacts,
  storeFact,
  textsBetween,
  writeCell,
} from './store.ts';

const TIMEZONE_KEY = 'metrics.timezone';
const CURSOR_KEY = 'metrics.interactionCursor';
const SUBJECTS_PER_BATCH = 2000;
const TEXT_IDS_PER_BATCH = 20_000;
const DAY_MS = 86_400_000;

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

/** Brings every cell up to date; returns how many subjects and texts it counted. */
export async function refreshMetrics(db: Db): Promise<{ subjects: number; texts: number }> {
  let subjects = 0;
  let texts = 0;
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const dayOf = localDayIn(await metricsTimeZone(tx));
      const counted = await countQueued(tx, dayOf);
      const read = await countTexts(tx, dayOf);
      return { counted, read };
    });
    subjects += step.counted;
    texts += step.read.texts;
    if (step.counted === 0 && step.read.done) return { subjects, texts };
  }
}

/** Cell changes gathered over a batch, so each touched cell is read and written once. */
class Deltas {
  private readonly cells = new Map<
    string,
    { at: { metric: string; dim: CellDimension; day: number; key: string }; cell: Cell }
  >();

  add(contributions: readonly Filed[], sign: 1 | -1): void {
    for (const c of contributions) {
      const id = `${c.cell}\u0000${c.dim}\u0000${c.day}\u0000${c.key}`;
      let entry = this.cells.get(id);
      if (!entry) {
        entry = { at: { metric: c.cell, dim: c.dim, day: c.day, key: c.key }, cell: emptyCell() };
        this.cells.set(id, entry);
      }
      addTo(entry.cell, c, sign);
    }
  }

  async apply(db: Db): Promise<void> {
    for (const { at, cell } of this.cells.values()) {
      if (isEmptyCell(cell)) continue;
      const stored = (await readCell(db, at)) ?? emptyCell();
      stored.n += cell.n;
      stored.total += cell.total;
      stored.hits += cell.hits;
      if (cell.hist) {
        stored.hist ??= {};
        for (const [bucket, [count, sum]] of Object.entries(cell.hist)) {
          const [c, s] = stored.hist[bucket] ?? [0, 0];
          if (c + count === 0) delete stored.hist[bucket];
          else stored.hist[bucket] = [c + count, s + sum];
        }
        if (!Object.keys(stored.hist).length) stored.hist = null;
      }
      await writeCell(db, at, isEmptyCell(stored) ? null : stored);
    }
  }
}

async function countQueued(db: Db, dayOf: (ms: number) => number): Promise<number> {
  const queued = await dirtySubjects(db, SUBJECTS_PER_BATCH);
  if (!queued.length) return 0;
  const byKind = new Map<SubjectKind, string[]>();
  for (const { kind, id } of queued) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  const deltas = new Deltas();
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
  await deltas.apply(db);
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
    for (const row of rows) facts.set(row.id, caseFact(row, flags.get(row.customer_id) ?? [], dayOf));
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

async function countTexts(db: Db, dayOf: (ms: number) => number): Promise<{ texts: number; done: boolean }> {
  const cursor = Number((await readSetting(db, CURSOR_KEY)) ?? 0);
  const last = await lastInteractionId(db);
  if (last <= cursor) return { texts: 0, done: true };
  const upTo = Math.min(last, cursor + TEXT_IDS_PER_BATCH);
  const rows = await textsBetween(db, cursor, upTo);
  const deltas = new Deltas();
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
  await deltas.apply(db);
  await writeSetting(db, CURSOR_KEY, upTo);
  return { texts: rows.length, done: upTo >= last };
}
