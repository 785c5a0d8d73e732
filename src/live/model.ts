// Live updates' pure rules: the server-sent event wire format, who is on a case right now (presence),
// and the limits that keep a stream cheap. No I/O here.

/** What a browser hears: a case changed (it fetches it again), who is on a case, or "fetch everything". */
export type LiveEvent =
  | { type: 'case.changed'; id: number; data: { id: string; number: number | null } }
  | { type: 'presence'; data: { caseId: string; people: PresentPerson[] } }
  | { type: 'ready'; id: number; data: Record<string, never> }
  | { type: 'resync'; id: number; data: Record<string, never> };

export type PresenceState = 'viewing' | 'replying';
export const PRESENCE_STATES = ['viewing', 'replying'] as const;

export interface PresentPerson {
  staffId: string;
  name: string;
  state: PresenceState;
}

interface PresenceEntry extends PresentPerson {
  expiresAt: number;
}

/** How often the server looks at the change log, and so how late a change may show (about). */
export const WATCH_EVERY_MS = 1000;
/** A comment line now and then keeps proxies and the browser from closing a quiet stream. */
export const HEARTBEAT_EVERY_MS = 25_000;
/** A browser that lost the stream tries again after this long (EventSource's `retry:`). */
export const RECONNECT_AFTER_MS = 3000;
/** Someone who stops saying they are on a case (closed the tab, lost the network) is gone after this. */
export const PRESENCE_TTL_MS = 30_000;
/** Open streams per person: a few tabs each with an inbox and a case, not a runaway script. */
export const MAX_STREAMS_PER_STAFF = 12;
/** A browser away for longer than this many changes is told to fetch everything again. */
export const CATCH_UP_LIMIT = 500;
/** Changes kept in the log for browsers that reconnect; older ones are pruned. */
export const CHANGES_KEPT = 10_000;

/** One event in the text/event-stream format (WHATWG HTML §9.2). Data is JSON: one line, no newlines. */
export function formatEvent(event: LiveEvent): string {
  const id = 'id' in event ? `id: ${event.id}\n` : '';
  return `${id}event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** The Last-Event-ID a reconnecting browser sends back: a change log id, or null when absent or odd. */
export function parseLastEventId(raw: string | string[] | undefined): number | null {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (!text || !/^\d{1,15}$/.test(text.trim())) return null;
  return Number(text.trim());
}

/**
 * Who is on which case, in memory: presence is a few seconds' worth of truth, not a record, so it
 * needs no table. `now` is passed in so the rules stay testable.
 */
export class PresenceBoard {
  private readonly byCase = new Map<string, Map<string, PresenceEntry>>();

  /** Records a heartbeat; true when what others see changed (someone new, or viewing ↔ replying). */
  mark(caseId: string, person: PresentPerson, now: number): boolean {
    let people = this.byCase.get(caseId);
    if (!people) {
      people = new Map();
      this.byCase.set(caseId, people);
    }
    const before = people.get(person.staffId);
    people.set(person.staffId, { ...person, expiresAt: now + PRESENCE_TTL_MS });
    return !before || before.state !== person.state || before.name !== person.name;
  }

  /** Someone left the case (closed it, went elsewhere); true when they were there. */
  leave(caseId: string, staffId: string): boolean {
    const people = this.byCase.get(caseId);
    const was = people?.delete(staffId) ?? false;
    if (people && people.size === 0) this.byCase.delete(caseId);
    return was;
  }

  /** The people on a case now, in the order they came. */
  on(caseId: string, now: number): PresentPerson[] {
    const people = this.byCase.get(caseId);
    if (!people) return [];
    return [...people.values()]
      .filter((entry) => entry.expiresAt > now)
      .map(({ staffId, name, state }) => ({ staffId, name, state }));
  }

  /** Drops whoever stopped sending heartbeats; returns the cases whose presence changed. */
  expire(now: number): string[] {
    const changed: string[] = [];
    for (const [caseId, people] of this.byCase) {
      let dropped = false;
      for (const [staffId, entry] of people) {
        if (entry.expiresAt <= now) {
          people.delete(staffId);
          dropped = true;
        }
      }
      if (people.size === 0) this.byCase.delete(caseId);
      if (dropped) changed.push(caseId);
    }
    return changed;
  }
}
