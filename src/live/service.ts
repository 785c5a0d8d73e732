// The live hub: one watcher per database polls the case change log every second and fans each change
// out to the open streams, with presence kept beside it. It runs only while someone is listening.
import type { Database, Db } from '../store/db.ts';
import {
  CATCH_UP_LIMIT,
  CHANGES_KEPT,
  HEARTBEAT_EVERY_MS,
  MAX_STREAMS_PER_STAFF,
  PresenceBoard,
  WATCH_EVERY_MS,
  formatEvent,
  type PresenceState,
  type PresentPerson,
} from './model.ts';
import { changesBetween, latestChangeId, oldestChangeId, pruneChanges } from './store.ts';
import { liveErrors } from './errors.ts';

/** One open stream: where it writes, whose it is, and which case it watches (null: every case, the inbox). */
export interface LiveStream {
  staffId: string;
  caseId: string | null;
  write(chunk: string): void;
  end(): void;
  /** Whether whoever opened it may still read cases; asked at every heartbeat. */
  stillAllowed?(): Promise<boolean>;
}

const PRUNE_EVERY_TICKS = 60;
/** More distinct cases than this in one look, and the inboxes are told to fetch again once instead. */
const MANY_CHANGES = 50;

export class LiveHub {
  private readonly streams = new Set<LiveStream>();
  private readonly presence = new PresenceBoard();
  private cursor = 0;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  private ticking = false;
  private ticks = 0;
  private closed = false;

  constructor(private readonly db: Db) {}

  /**
   * Adds a stream and sends it what it missed since `lastEventId` (a reconnect), then keeps it told.
   * Refuses a person with too many streams open.
   */
  async open(stream: LiveStream, lastEventId: number | null): Promise<void> {
    this.assertRoomFor(stream.staffId);
    await this.start();
    // Shut down while the watcher started: end this one too, or the server would wait for it.
    if (this.closed) {
      stream.end();
      return;
    }
    // Added and its cursor taken in one synchronous step: every change after `upTo` reaches it by the
    // watcher, every change up to it by the catch-up below, so none falls between.
    this.streams.add(stream);
    const upTo = this.cursor;
    if (lastEventId !== null && lastEventId < upTo) await this.catchUp(stream, lastEventId, upTo);
    else stream.write(formatEvent({ type: 'ready', id: upTo, data: {} }));
    if (stream.caseId)
      stream.write(
        formatEvent({
          type: 'presence',
          data: { caseId: stream.caseId, people: this.presence.on(stream.caseId, Date.now()) },
        }),
      );
  }

  /** Refuses a new stream while shutting down, or to a person with too many open (before any byte is sent). */
  assertRoomFor(staffId: string): void {
    if (this.closed) throw liveErrors.error('shutting_down', 'The server is shutting down; try again in a moment');
    const open = [...this.streams].filter((other) => other.staffId === staffId).length;
    if (open >= MAX_STREAMS_PER_STAFF) {
      throw liveErrors.error('too_many_streams', `You have ${open} live streams open; close some tabs and reload`);
    }
  }

  /** Removes a stream (the browser went away); the watcher stops with the last one. */
  remove(stream: LiveStream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.stop();
  }

  /** Ends the streams whose people may no longer read cases (signed out, token revoked, disabled). */
  async recheckStreams(): Promise<void> {
    for (const stream of [...this.streams]) {
      if (stream.stillAllowed && !(await stream.stillAllowed().catch(() => false))) {
        this.remove(stream);
        stream.end();
      }
    }
  }

  /** A heartbeat from someone on a case; tells the others when what they see changes. */
  markPresence(caseId: string, staffId: string, name: string, state: PresenceState | 'left'): PresentPerson[] {
    const now = Date.now();
    const changed =
      state === 'left'
        ? this.presence.leave(caseId, staffId)
        : this.presence.mark(caseId, { staffId, name, state }, now);
    if (changed) this.announcePresence(caseId, now);
    return this.presence.on(caseId, now);
  }

  /** Ends every stream, so that closing the HTTP server does not wait on them. */
  close(): void {
    this.closed = true;
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    this.stop();
  }

  get streamCount(): number {
    return this.streams.size;
  }

  private async catchUp(stream: LiveStream, after: number, upTo: number): Promise<void> {
    const oldest = await oldestChangeId(this.db);
    const missed = await changesBetween(this.db, after, upTo, CATCH_UP_LIMIT + 1);
    // Pruned past, or too much to replay one by one: the browser fetches what it shows again.
    if ((oldest !== null && oldest > after + 1) || missed.length > CATCH_UP_LIMIT) {
      stream.write(formatEvent({ type: 'resync', id: upTo, data: {} }));
      return;
    }
    for (const change of latestPerCase(missed)) {
      if (!stream.caseId || stream.caseId === change.caseId) {
        stream.write(
          formatEvent({ type: 'case.changed', id: change.id, data: { id: change.caseId, number: change.number } }),
        );
      }
    }
    stream.write(formatEvent({ type: 'ready', id: upTo, data: {} }));
  }

  private start(): Promise<void> {
    if (this.timer) return Promise.resolve();
    this.starting ??= latestChangeId(this.db).then((latest) => {
      this.cursor = Math.max(this.cursor, latest);
      this.starting = null;
      if (this.timer || this.closed) return;
      this.timer = setInterval(() => void this.tick(), WATCH_EVERY_MS);
      this.heartbeat = setInterval(() => {
        this.broadcast(() => ': heartbeat\n\n');
        void this.recheckStreams();
      }, HEARTBEAT_EVERY_MS);
      // Streams keep the process busy anyway; the timers themselves must not hold a CLI open.
      this.timer.unref();
      this.heartbeat.unref();
    });
    return this.starting;
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = this.heartbeat = null;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = Date.now();
      for (const caseId of this.presence.expire(now)) this.announcePresence(caseId, now);
      const latest = await latestChangeId(this.db);
      while (this.cursor < latest) {
        const changes = await changesBetween(this.db, this.cursor, latest, CATCH_UP_LIMIT);
        if (changes.length === 0) break;
        const changed = latestPerCase(changes);
        const upTo = changes[changes.length - 1]!.id;
        // An import or a sweep touching hundreds of cases: one "fetch again" for the inboxes, not hundreds.
        const many = changed.length > MANY_CHANGES;
        if (many) {
          const resync = formatEvent({ type: 'resync', id: upTo, data: {} });
          this.broadcast((stream) => (stream.caseId ? null : resync));
        }
        for (const change of changed) {
          const event = formatEvent({
            type: 'case.changed',
            id: change.id,
            data: { id: change.caseId, number: change.number },
          });
          this.broadcast((stream) => (stream.caseId === change.caseId || (!stream.caseId && !many) ? event : null));
        }
        this.cursor = upTo;
      }
      this.cursor = Math.max(this.cursor, latest);
      if (++this.ticks % PRUNE_EVERY_TICKS === 0 && this.cursor > CHANGES_KEPT)
        await pruneChanges(this.db, this.cursor - CHANGES_KEPT);
    } catch {
      // A busy or closing database: the next tick tries again from the same cursor.
    } finally {
      this.ticking = false;
    }
  }

  private announcePresence(caseId: string, now: number): void {
    const event = formatEvent({ type: 'presence', data: { caseId, people: this.presence.on(caseId, now) } });
    this.broadcast((stream) => (stream.caseId === caseId ? event : null));
  }

  private broadcast(eventFor: (stream: LiveStream) => string | null): void {
    for (const stream of this.streams) {
      const chunk = eventFor(stream);
      if (chunk) stream.write(chunk);
    }
  }
}

/** Many writes to one case in one commit (a message, its case update, its history) are one change. */
function latestPerCase(changes: readonly { id: number; caseId: string; number: number | null }[]) {
  const latest = new Map<string, (typeof changes)[number]>();
  for (const change of changes) {
    latest.delete(change.caseId);
    latest.set(change.caseId, change);
  }
  return [...latest.values()];
}

const HUBS = new WeakMap<object, LiveHub>();

/** The hub of this database (one per running app, shared by every stream). */
export function liveHubOf(db: Database | Db): LiveHub {
  let hub = HUBS.get(db.root);
  if (!hub) {
    hub = new LiveHub(db);
    HUBS.set(db.root, hub);
  }
  return hub;
}

/** Closes the live streams of this database: call before closing the HTTP server, which waits for open requests. */
export function closeLiveStreams(db: Database | Db): void {
  HUBS.get(db.root)?.close();
}
