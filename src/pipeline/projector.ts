// The projector: reads the event log in order and applies each event to the application database exactly once.
// A batch's projections and the cursor past it commit in one transaction, so a crash at any moment either
// applied the batch and moved the cursor, or did neither; idempotency stays exact because the pipeline checks
// each event's durable key (source + sourceId), not a time window. Batches are sized to the backlog: one event
// when one arrives, up to `maxBatch` when thousands wait, so a quiet system is fresh and a busy one efficient.
import { checkpointBetweenTransactions, type Db } from '../store/db.ts';
import type { Appended, EventLog, Origin } from '../eventlog/index.ts';
import type { IncomingEvent } from '../interactions/index.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ingestEvents, type IngestResult, readYieldMs, turnTaker } from './service.ts';
import { DomainError } from '../shared/errors.ts';
import { asOf } from '../shared/clock.ts';
import { findBySourceId } from '../interactions/index.ts';
import * as projectionStore from './projection-store.ts';
import { KeptOutcomes, PositionWaiters } from './waiting.ts';

export const PROJECTOR = 'timeline';
/** The WAL size past which the projector copies it back between two batches (see projectBatch). */
const WAL_RESTART_BYTES = 1024 * 1024 * 1024;

/**
 * Turns a logged body back into the event the pipeline applies. An edge may log its input as validated and leave
 * the mapping to the projection, off the path of its answer (the tracking API does); by default a body is an
 * `IncomingEvent` already.
 */
export type EventDecoder = (body: unknown, origin: Origin, appendedAt: number) => IncomingEvent;

/** What an edge's event came to once projected: the pipeline's result, and what the edge's own step added. */
export interface ProjectedOutcome {
  result: IngestResult;
  /** What `onStored` returned as `detail` (a channel's case outcome). */
  detail?: unknown;
}

/** How the events of one edge are projected. */
export interface EdgeProjection {
  decode?: EventDecoder;
  /**
   * Runs for each event stored or found stored, in the batch's transaction (its failure rejects the event alone):
   * inbound messages are carried to their cases here. `added` joins the event's result; `detail` its outcome.
   */
  onStored?: (
    tx: Db,
    event: IncomingEvent,
    result: IngestResult,
    origin: Origin,
    body: unknown,
    // biome-ignore lint/suspicious/noConfusingVoidType: hooks that add nothing are plain async functions returning void
  ) => Promise<{ added?: Partial<IngestResult>; detail?: unknown } | void>;
  /** The appender waits for what became of its events (`outcomesOf`): keep each outcome until it is collected. */
  keepsOutcomes?: boolean;
}

/** Entries that are records, not events (the audit of a view): applied in the batch's transaction, in log order. */
export type RecordProjection = (tx: Db, body: unknown, origin: Origin, appendedAt: number) => Promise<void>;

export interface ProjectorOptions {
  /** How each edge's events are projected; an edge without an entry logged plain `IncomingEvent`s. */
  edges?: Partial<Record<Origin['edge'], EdgeProjection>>;
  /** Edges whose entries are records applied as they are, outside the ingest pipeline. */
  records?: Partial<Record<Origin['edge'], RecordProjection>>;
  /**
   * Events a transaction at most (default 1,000). Its commit and the work after its last event cannot let the event
   * loop turn, so they are what a request arriving meanwhile waits for: measured at 50,000 events, 1,000 a batch
   * projects as fast as 5,000 (0.062–0.066 against 0.058–0.070, one sitting) with a fifth of that wait.
   */
  maxBatch?: number;
  /** How often the log is looked at for appends by other processes (`rapport import`). */
  pollMs?: number;
  /** Days the log keeps projected events for rebuilds (`rapport reproject`). */
  retentionDays?: number;
  /** A batch that fails as a whole (a bug, a full disk) is retried after this long; it is never skipped. */
  retryMs?: number;
  onError?: (error: unknown) => void;
  /**
   * Told after each batch commits, with the outcomes of edges that keep them (`keepsOutcomes`), which are then
   * handed over instead of kept here: a projection on its own thread sends them to the app's.
   */
  onProjected?: (outcomes: ReadonlyArray<[position: number, outcome: ProjectedOutcome]>) => void;
}

export interface ProjectionStatus {
  head: number;
  projected: number;
  backlog: number;
  /** How long the oldest event not yet projected has waited, in seconds (0 when none waits). */
  lagSeconds: number;
  /** Events a second over the last minute. */
  appendedPerSecond: number;
  projectedPerSecond: number;
  rejected: number;
  /** The last failure of a whole batch, while it is being retried. */
  failing: string | null;
}

/**
 * What the rest of the app uses of a projection, wherever it runs: in this thread (`Projector`), or on a thread of
 * its own (app/projector-thread.ts), so that requests never wait behind a batch.
 */
export interface ProjectionControl {
  /** Projects whatever waits and follows the log (again, after `stop`). */
  start(): Promise<void>;
  /** Pauses: a batch being applied finishes first; the backlog goes on being counted. */
  stop(): Promise<void>;
  close(): Promise<void>;
  /** Resolves true once `position` is projected, false if `timeoutMs` passes first (`Infinity`: no limit). */
  waitFor(position: number, timeoutMs: number): Promise<boolean>;
  isPaused(): boolean;
  /** The position projected through. */
  position(): number;
  /** How far behind the projection is, in seconds (see `Projector.backlogSeconds`). */
  backlogSeconds(now?: number): number;
  status(): Promise<ProjectionStatus>;
  /** What became of an append's events once projected; null when `timeoutMs` passes first or it is paused. */
  outcomesOf(appended: Appended, timeoutMs: number): Promise<ProjectedOutcome[] | null>;
}

/** Where a projector stands, as a projection on another thread tells the app after each batch. */
export interface ProjectorState {
  projected: number;
  head: number;
  /** Events a second while busy, smoothed. */
  drainRate: number;
  oldestWaitingSince: number | null;
  paused: boolean;
  failing: string | null;
}

/** The formula both kinds of projection answer `backlogSeconds` with. */
export function backlogSecondsOf(state: ProjectorState, now: number): number {
  const backlog = state.head - state.projected;
  if (backlog <= 0) return 0;
  const toDrain = state.drainRate > 0 ? backlog / state.drainRate : 0;
  const waited = state.oldestWaitingSince === null ? 0 : (now - state.oldestWaitingSince) / 1000;
  return Math.max(toDrain, waited);
}

/** Events counted per second over the last minute. */
class RateMeter {
  private readonly counts = new Map<number, number>();
  add(count: number, at = Date.now()): void {
    const second = Math.floor(at / 1000);
    this.counts.set(second, (this.counts.get(second) ?? 0) + count);
    for (const key of this.counts.keys()) if (key < second - 60) this.counts.delete(key);
  }
  perSecond(at = Date.now()): number {
    const since = Math.floor(at / 1000) - 60;
    let total = 0;
    for (const [second, count] of this.counts) if (second >= since) total += count;
    // One decimal: a quiet source sends less than one event a second.
    return Math.round((total / 60) * 10) / 10;
  }
}

export class Projector implements ProjectionControl {
  private projected = 0;
  private head = 0;
  private oldestWaitingSince: number | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private failing: string | null = null;
  private readonly waiters = new PositionWaiters();
  private readonly appended = new RateMeter();
  private readonly applied = new RateMeter();
  /** Events a second while busy, smoothed: how fast a backlog drains. */
  private drainRate = 0;
  private poll: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastPrune = 0;
  /** Outcomes kept for appenders that wait for them, by position (see `keepsOutcomes`); collected or expired. */
  private readonly outcomes = new KeptOutcomes<ProjectedOutcome>();
  private readonly options: Required<Omit<ProjectorOptions, 'onError' | 'edges' | 'records' | 'onProjected'>> &
    Pick<ProjectorOptions, 'onError' | 'edges' | 'records' | 'onProjected'>;

  constructor(
    private readonly db: Db,
    private readonly log: EventLog,
    options: ProjectorOptions = {},
  ) {
    this.options = { maxBatch: 1000, pollMs: 250, retentionDays: 7, retryMs: 1000, ...options };
  }

  /** The log's head moved (an append this projector's own log connection did not make): project it now. */
  noteAppended(head: number): void {
    this.noteHead(head);
    this.wake();
  }

  /** Where it stands: what another thread needs to answer `waitFor`, `position` and `backlogSeconds`. */
  state(): ProjectorState {
    return {
      projected: this.projected,
      head: this.head,
      drainRate: this.drainRate,
      oldestWaitingSince: this.oldestWaitingSince,
      paused: this.stopped,
      failing: this.failing,
    };
  }

  /** Reads where it stopped and projects whatever waits; then follows the log until `stop`. */
  async start(): Promise<void> {
    this.projected = await projectionStore.cursorOf(this.db, PROJECTOR);
    this.head = await this.log.head();
    this.stopped = false;
    this.unsubscribe ??= this.log.onAppend((head) => {
      this.noteHead(head);
      this.wake();
    });
    if (!this.poll) {
      this.poll = setInterval(
        () =>
          void this.refreshHead()
            .then(() => this.wake())
            .catch((error) => this.options.onError?.(error)),
        this.options.pollMs,
      );
      this.poll.unref();
    }
    this.wake();
  }

  /**
   * Stops projecting (a batch being applied finishes first) but goes on watching the log's head, so the backlog
   * and the backpressure it causes stay true; `start` goes on from the cursor.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.draining;
  }

  /** Stops for good. */
  async close(): Promise<void> {
    await this.stop();
    clearInterval(this.poll);
    this.poll = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.waiters.endAll();
  }

  /** Resolves true once `position` is projected, false if `timeoutMs` passes first (`Infinity`: no limit). */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.projected >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  /** Stopped (paused by an admin, or not started yet). */
  isPaused(): boolean {
    return this.stopped;
  }

  /** The position projected through. */
  position(): number {
    return this.projected;
  }

  /**
   * How far behind the projection is, in seconds: the longer of what the backlog will take at the rate batches
   * drain at, and how long the oldest waiting event has waited already (a stalled projector drains nothing, so
   * its backlog grows old, not long). The ingest edges refuse new events above a limit.
   */
  backlogSeconds(now = Date.now()): number {
    return backlogSecondsOf(this.state(), now);
  }

  async status(): Promise<ProjectionStatus> {
    await this.refreshHead();
    const oldest = await this.log.appendedAtAfter(this.projected);
    return {
      head: this.head,
      projected: this.projected,
      backlog: Math.max(0, this.head - this.projected),
      lagSeconds: oldest === null ? 0 : Math.max(0, (Date.now() - oldest) / 1000),
      appendedPerSecond: this.appended.perSecond(),
      projectedPerSecond: this.applied.perSecond(),
      rejected: await projectionStore.rejectionCount(this.db),
      failing: this.failing,
    };
  }

  private async refreshHead(): Promise<void> {
    // Appends by another process are counted when seen.
    this.noteHead(await this.log.head());
  }

  private noteHead(head: number): void {
    if (head <= this.head) return;
    this.appended.add(head - this.head);
    this.head = head;
    if (this.oldestWaitingSince === null && this.head > this.projected) this.oldestWaitingSince = Date.now();
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped && this.head > this.projected) {
        try {
          await this.projectBatch();
          this.failing = null;
          // Between two batches, whatever waits (an acknowledgement, a look-up) goes first.
          if (readYieldMs() !== null) await nextTurn();
        } catch (error) {
          this.failing = error instanceof Error ? error.message : String(error);
          this.options.onError?.(error);
          await new Promise((resolve) => setTimeout(resolve, this.options.retryMs));
        }
      }
    } while (this.again && !this.stopped);
    this.outcomes.expire();
    await this.pruneNowAndThen();
  }

  /** Applies the next batch; returns how many events it held. Public for `rapport reproject` and tests. */
  async projectBatch(): Promise<number> {
    const started = performance.now();
    // All at once, without a savepoint per event; only a batch that holds an event the projection cannot apply
    // is done again event by event, so that one is set aside (a rejection) and the rest land.
    const result = await this.applyBatch('all-or-nothing').catch((error: unknown) => {
      if (error instanceof DomainError) return this.applyBatch('skip-failed');
      throw error;
    });
    this.projected = Math.max(this.projected, result.through);
    this.noteHead(result.through);
    if (result.count > 0) {
      this.applied.add(result.count);
      const seconds = (performance.now() - started) / 1000;
      const rate = result.count / Math.max(seconds, 0.001);
      this.drainRate = this.drainRate === 0 ? rate : 0.8 * this.drainRate + 0.2 * rate;
    }
    this.oldestWaitingSince = this.head > this.projected ? await this.log.appendedAtAfter(this.projected) : null;
    // Only what committed is told.
    if (this.options.onProjected) this.options.onProjected([...result.kept]);
    else this.outcomes.keep(result.kept);
    this.waiters.reached(this.projected);
    // Batch after batch (an import, a reprojection) leaves the checkpoint thread no moment to finish copying the
    // WAL back, and the WAL only starts over once it has: 300,000 imported rows grew it to 2.8 GB for a 130 MB
    // database. Past 1 GB, it is copied back here, between two batches, so the next one starts it over (rarely,
    // since doing it on this thread costs the projection: at 128 MB, 10–15 % of its rate; BENCHMARKS.md).
    await checkpointBetweenTransactions(this.db, { logAbove: WAL_RESTART_BYTES });
    return result.count;
  }

  /** One transaction: the next entries of the log applied, their rejections kept, and the cursor past them. */
  private async applyBatch(
    mode: 'all-or-nothing' | 'skip-failed',
  ): Promise<{ from: number; through: number; count: number; kept: Map<number, ProjectedOutcome> }> {
    const kept = new Map<number, ProjectedOutcome>();
    const applied = await this.db.transaction(async (tx) => {
      // Read inside the transaction: it holds the writer, so no other projector can move the cursor meanwhile.
      const from = await projectionStore.cursorOf(tx, PROJECTOR);
      const entries = await this.log.eventsAfter(from, this.options.maxBatch);
      if (entries.length === 0) return { from, through: from, count: 0, kept };
      const origins = new Map<string, Origin>();
      const originOf = (json: string) => {
        let origin = origins.get(json);
        if (!origin) {
          origin = JSON.parse(json) as Origin;
          origins.set(json, origin);
        }
        return origin;
      };
      // Records (audit of views) go as they are; events go through the pipeline, in one call for the batch.
      const events: IncomingEvent[] = [];
      const eventEntries: Array<{ position: number; appendedAt: number; origin: Origin; body: unknown }> = [];
      // Decoding thousands of bodies takes tens of milliseconds: the event loop turns meanwhile, as in the pipeline.
      const takeTurn = turnTaker();
      for (const entry of entries) {
        await takeTurn();
        const origin = originOf(entry.origin);
        const body: unknown = JSON.parse(entry.body);
        const record = this.options.records?.[origin.edge];
        if (record) {
          await asOf(entry.appendedAt, entry.position, () => record(tx, body, origin, entry.appendedAt));
          continue;
        }
        events.push(this.decode(body, origin, entry.appendedAt));
        eventEntries.push({ position: entry.position, appendedAt: entry.appendedAt, origin, body });
      }
      const through = entries.at(-1)!.position;
      const details = new Map<number, unknown>();
      const now = Date.now();
      await ingestEvents(tx, events, {
        onEventError: mode,
        actorOf: (index) => eventEntries[index]!.origin.actor,
        receivedAtOf: (index) => eventEntries[index]!.appendedAt,
        positionOf: (index) => eventEntries[index]!.position,
        onStored: async (inner, event, result) => {
          const entry = eventEntries[result.index]!;
          const hook = this.options.edges?.[entry.origin.edge]?.onStored;
          const step = hook ? await hook(inner, event, result, entry.origin, entry.body) : undefined;
          if (step && step.detail !== undefined) details.set(result.index, step.detail);
          return step?.added;
        },
        beforeCommit: async (inner, report) => {
          for (const result of report.results) {
            const entry = eventEntries[result.index]!;
            if (this.options.edges?.[entry.origin.edge]?.keepsOutcomes) {
              kept.set(entry.position, { result, detail: details.get(result.index) });
            }
            if (result.status !== 'rejected') continue;
            const event = events[result.index]!;
            await projectionStore.recordRejection(inner, {
              position: entry.position,
              source: event.source,
              sourceId: event.sourceId,
              code: result.error!.code,
              message: result.error!.message,
              field: result.error!.field,
              rejectedAt: now,
            });
          }
          await projectionStore.moveCursor(inner, PROJECTOR, through, now);
        },
      });
      return { from, through, count: entries.length, kept };
    });
    return applied;
  }

  /**
   * What became of the events an edge appended (one per position, in order, each result's `index` its place in
   * the append), once they are projected; null when `timeoutMs` passes first or the projection is paused.
   */
  async outcomesOf(appended: Appended, timeoutMs: number): Promise<ProjectedOutcome[] | null> {
    // Paused, nothing will be projected: waiting would only hold the answer back.
    if (this.stopped && this.projected < appended.last) return null;
    if (!(await this.waitFor(appended.last, timeoutMs))) return null;
    return collectOutcomes(appended, this.outcomes.byPosition, (position) =>
      recallOutcome(this.db, this.log, (...args) => this.decode(...args), position),
    );
  }

  /** A logged body as the event the pipeline applies: through its edge's decoder, or as logged. */
  private decode(body: unknown, origin: Origin, appendedAt: number): IncomingEvent {
    const decode = this.options.edges?.[origin.edge]?.decode;
    return decode ? decode(body, origin, appendedAt) : (body as IncomingEvent);
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.log
      .prune(this.projected, now - this.options.retentionDays * 86_400_000)
      .catch((error) => this.options.onError?.(error));
  }
}

/**
 * An outcome the asking thread did not see (a second projector on the same database, `rapport import`'s, applied
 * it; or nobody collected it for a minute), read back from the database: rejected with its reason, or on the
 * timeline: stored by this very event when the interaction was received when the log acknowledged it (a projected
 * event's interaction is stamped with that moment), else a duplicate of one stored before. (The same message
 * appended twice within one millisecond would read as stored both times.)
 */
export async function recallOutcome(
  db: Db,
  log: EventLog,
  decode: EventDecoder,
  position: number,
): Promise<ProjectedOutcome> {
  const rejection = await projectionStore.rejectionAt(db, position);
  if (rejection) {
    const { code, message, field } = rejection;
    return { result: { index: 0, status: 'rejected', error: { code, message, field } } };
  }
  const [entry] = await log.eventsAfter(position - 1, 1);
  if (entry?.position === position) {
    const event = decode(JSON.parse(entry.body), JSON.parse(entry.origin) as Origin, entry.appendedAt);
    const stored = await findBySourceId(db, event.source, event.sourceId);
    if (stored) {
      const status = stored.received_at === entry.appendedAt ? 'stored' : 'duplicate';
      return { result: { index: 0, status, interactionId: String(stored.id), customerId: stored.customer_id } };
    }
  }
  throw new Error(`The outcome of log position ${position} is neither on the timeline nor among the rejections`);
}

/** An append's outcomes in order, each taken from those kept (and forgotten there) or recalled from the database. */
export async function collectOutcomes(
  appended: Appended,
  kept: Map<number, ProjectedOutcome>,
  recall: (position: number) => Promise<ProjectedOutcome>,
): Promise<ProjectedOutcome[]> {
  const found: ProjectedOutcome[] = [];
  for (let position = appended.first; position <= appended.last; position++) {
    const outcome = kept.get(position) ?? (await recall(position));
    kept.delete(position);
    found.push({ result: { ...outcome.result, index: position - appended.first }, detail: outcome.detail });
  }
  return found;
}
