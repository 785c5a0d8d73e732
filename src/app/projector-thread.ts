// The projection on a thread of its own (projector-worker.ts), with its own connections to both files: a batch's
// thousands of statements no longer share the event loop with the requests, so an acknowledgement or a look-up
// waits for nothing but its own work, and on two cores the projection and the answers run at once. This side
// answers what the app asks of a projection (ProjectionControl) from the state the thread sends after each batch.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../shared/workers.ts';
import { type SqliteDatabase, WriterTurns } from '../store/sqlite.ts';
import type { Appended, EventLog } from '../eventlog/index.ts';
import type { Config } from './config.ts';
import {
  backlogSecondsOf,
  collectOutcomes,
  KeptOutcomes,
  PositionWaiters,
  type EventDecoder,
  type ProjectedOutcome,
  type ProjectionControl,
  type ProjectionStatus,
  type ProjectorState,
  recallOutcome,
} from '../pipeline/index.ts';

/** What the app tells the projection's thread. */
export type ToProjection =
  | { kind: 'appended'; head: number }
  | { kind: 'start' | 'stop' | 'status' | 'close'; id: number };

/** What the projection's thread tells the app. */
export type FromProjection =
  | { kind: 'state'; state: ProjectorState; outcomes: Array<[number, ProjectedOutcome]> }
  | { kind: 'answer'; id: number; status?: ProjectionStatus }
  | { kind: 'error'; message: string; stack?: string };

/** What the thread opens: the same files as the app, with the app's retention. */
export interface ProjectionThreadData {
  databaseFile: string;
  eventLogFile: string;
  logRetentionDays: number;
  /** WriterTurns' buffer: the app's writes to rapport.db go first (store/sqlite.ts). */
  writerTurns: SharedArrayBuffer;
}

export interface ProjectorThreadOptions {
  /** The app's own connections: outcomes another projector applied are read back through them. */
  db: SqliteDatabase;
  log: EventLog;
  config: Pick<Config, 'databaseFile' | 'eventLogFile' | 'logRetentionDays'>;
  decode: EventDecoder;
  onError(error: unknown): void;
}

const RESTART_AFTER_MS = 1000;

export class ProjectorThread implements ProjectionControl {
  private worker: Worker | null = null;
  private state: ProjectorState = {
    projected: 0,
    head: 0,
    drainRate: 0,
    oldestWaitingSince: null,
    paused: true,
    failing: null,
  };
  private readonly waiters = new PositionWaiters();
  private readonly outcomes = new KeptOutcomes<ProjectedOutcome>();
  private readonly answers = new Map<number, (message: Extract<FromProjection, { kind: 'answer' }>) => void>();
  private nextRequest = 0;
  private closed = false;
  /** Whether the app wants it running: a thread started again after a crash resumes only if so. */
  private wanted = false;
  private ready: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  private readonly turns = new WriterTurns();

  private constructor(private readonly options: ProjectorThreadOptions) {
    // The app's writes (staff work, a key's last use) go before the projection's next batch, never after a second
    // of SQLite's sleep-and-retry.
    options.db.takeTurns(this.turns, 'first');
    // Appends by this process reach the thread at once (its own connection sees no append events); the head
    // counts here too, so backpressure is right between two of the thread's reports.
    this.unsubscribe = options.log.onAppend((head) => {
      this.noteHead(head);
      this.worker?.postMessage({ kind: 'appended', head } satisfies ToProjection);
    });
  }

  /** Starts the thread (paused until `start`) and resolves once it has read where the projection stands. */
  static async open(options: ProjectorThreadOptions): Promise<ProjectorThread> {
    const thread = new ProjectorThread(options);
    thread.spawn();
    await thread.ready;
    return thread;
  }

  async start(): Promise<void> {
    this.wanted = true;
    await this.ask('start');
  }

  async stop(): Promise<void> {
    this.wanted = false;
    await this.ask('stop');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.wanted = false;
    await this.ask('close').catch((error: unknown) => this.options.onError(error));
    this.closed = true;
    this.unsubscribe();
    await this.worker?.terminate();
    this.worker = null;
    this.waiters.endAll();
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.state.projected >= position) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return this.waiters.wait(position, timeoutMs);
  }

  isPaused(): boolean {
    return this.state.paused;
  }

  position(): number {
    return this.state.projected;
  }

  backlogSeconds(now = Date.now()): number {
    return backlogSecondsOf(this.state, now);
  }

  async status(): Promise<ProjectionStatus> {
    const answer = await this.ask('status');
    return answer.status!;
  }

  async outcomesOf(appended: Appended, timeoutMs: number): Promise<ProjectedOutcome[] | null> {
    if (this.state.paused && this.state.projected < appended.last) return null;
    if (!(await this.waitFor(appended.last, timeoutMs))) return null;
    const { db, log, decode } = this.options;
    return collectOutcomes(appended, this.outcomes.byPosition, (position) => recallOutcome(db, log, decode, position));
  }

  private spawn(): void {
    const workerData: ProjectionThreadData = {
      databaseFile: this.options.config.databaseFile,
      eventLogFile: this.options.config.eventLogFile,
      logRetentionDays: this.options.config.logRetentionDays,
      writerTurns: this.turns.shared,
    };
    const worker = startWorker(new URL('./projector-worker.ts', import.meta.url), workerData);
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const first = (message: FromProjection) => {
        if (message.kind !== 'state') return;
        worker.off('message', first);
        resolve();
      };
      worker.on('message', first);
      worker.once('exit', () => reject(new Error('the projection thread stopped while it started')));
    });
    // A failed start is told by the exit below; nobody awaits it after the first.
    this.ready.catch(() => undefined);
    worker.on('message', (message: FromProjection) => this.receive(message));
    worker.on('error', (error) => this.options.onError(error));
    worker.on('exit', (code) => {
      for (const answer of this.answers.values()) answer({ kind: 'answer', id: -1 });
      this.answers.clear();
      if (this.closed || this.worker !== worker) return;
      // A thread that died (a bug, out of memory) is started again: the log keeps everything it had not applied.
      // Questions asked meanwhile wait for the new thread.
      this.worker = null;
      let restarted!: (ready: Promise<void>) => void;
      this.ready = new Promise((resolve) => (restarted = resolve));
      this.state = { ...this.state, failing: `the projection thread stopped (exit code ${code}); restarting` };
      this.options.onError(new Error(this.state.failing!));
      setTimeout(() => {
        if (this.closed) return;
        this.spawn();
        restarted(this.ready);
        void this.ready.then(() => (this.wanted ? this.ask('start') : undefined)).catch(this.options.onError);
      }, RESTART_AFTER_MS).unref();
    });
  }

  private receive(message: FromProjection): void {
    switch (message.kind) {
      case 'state': {
        const now = Date.now();
        this.outcomes.keep(message.outcomes, now);
        // The head may be ahead here: appends made since the thread last looked, whose wait began when they were
        // made (a report written before the thread saw them must not restart it).
        const head = Math.max(this.state.head, message.state.head);
        const progressed = message.state.projected !== this.state.projected;
        const waitingSince = message.state.oldestWaitingSince ?? (progressed ? null : this.state.oldestWaitingSince);
        this.state = {
          ...message.state,
          head,
          oldestWaitingSince: head > message.state.projected ? (waitingSince ?? now) : null,
        };
        this.waiters.reached(this.state.projected);
        this.outcomes.expire(now);
        return;
      }
      case 'answer':
        this.answers.get(message.id)?.(message);
        this.answers.delete(message.id);
        return;
      case 'error':
        this.options.onError(Object.assign(new Error(message.message), { stack: message.stack }));
        return;
    }
  }

  private async ask(kind: 'start' | 'stop' | 'status' | 'close'): Promise<Extract<FromProjection, { kind: 'answer' }>> {
    await this.ready;
    const worker = this.worker;
    if (!worker) throw new Error('the projection thread is closed');
    const id = ++this.nextRequest;
    const answer = new Promise<Extract<FromProjection, { kind: 'answer' }>>((resolve, reject) =>
      this.answers.set(id, (message) =>
        message.id === id ? resolve(message) : reject(new Error('the projection thread stopped before it answered')),
      ),
    );
    worker.postMessage({ kind, id } satisfies ToProjection);
    return answer;
  }

  private noteHead(head: number): void {
    if (head <= this.state.head) return;
    this.state = { ...this.state, head };
    if (this.state.oldestWaitingSince === null && head > this.state.projected) {
      this.state.oldestWaitingSince = Date.now();
    }
  }
}
