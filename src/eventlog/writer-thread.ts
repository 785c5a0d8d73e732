// The event log's commits on a thread of their own (writer-worker.ts): each commit is synced to the disk, and a
// sync takes milliseconds, more while the projection writes; on the thread that answers requests, every answer and
// look-up due meanwhile waited for it. The app's thread now only hands each group of appends over and goes on.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../shared/workers.ts';

/** One append of a group: its origin and events, serialised. */
export interface SerialisedAppend {
  origin: string;
  events: Array<{ key: string; body: string }>;
}

/** The positions one append was given (log.ts's `Appended`). */
interface Appended {
  first: number;
  last: number;
}

export type ToWriter =
  | { kind: 'commit'; id: number; appendedAt: number; group: SerialisedAppend[] }
  | { kind: 'close'; id: number };

export type FromWriter =
  | { kind: 'ready' }
  | { kind: 'committed'; id: number; appended: Appended[] }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'closed'; id: number };

interface Waiting {
  resolve(appended: Appended[]): void;
  reject(error: Error): void;
}

export class LogWriterThread {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private alive = true;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWriter) => this.receive(message));
    worker.on('exit', () => {
      this.alive = false;
      for (const waiting of this.waiting.values()) waiting.reject(new Error('the event log writer stopped'));
      this.waiting.clear();
    });
  }

  static async open(file: string): Promise<LogWriterThread> {
    const worker = startWorker(new URL('./writer-worker.ts', import.meta.url), { file });
    await new Promise<void>((resolve, reject) => {
      const ready = (message: FromWriter) => {
        if (message.kind !== 'ready') return;
        worker.off('message', ready);
        resolve();
      };
      worker.on('message', ready);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the event log writer exited with ${code} as it started`)));
    });
    return new LogWriterThread(worker);
  }

  /** Whether it still takes commits (a writer that died leaves them to the caller's own connection). */
  isAlive(): boolean {
    return this.alive;
  }

  /** Commits the group in one transaction, synced; resolves with each append's positions, in order. */
  commit(appendedAt: number, group: SerialisedAppend[]): Promise<Appended[]> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'commit', id, appendedAt, group } satisfies ToWriter);
    });
  }

  /** Commits what it was given, closes its connection and ends. */
  async close(): Promise<void> {
    if (!this.alive) return;
    const id = ++this.nextId;
    const closed = new Promise<void>((resolve) =>
      this.waiting.set(id, { resolve: () => resolve(), reject: () => resolve() }),
    );
    this.worker.postMessage({ kind: 'close', id } satisfies ToWriter);
    await closed;
    await this.worker.terminate();
  }

  private receive(message: FromWriter): void {
    if (message.kind === 'ready') return;
    const waiting = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    if (!waiting) return;
    if (message.kind === 'committed') waiting.resolve(message.appended);
    else if (message.kind === 'failed') waiting.reject(new Error(message.message));
    else waiting.resolve([]);
  }
}
