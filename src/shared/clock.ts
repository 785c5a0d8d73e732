// "Now", as the code that decides things sees it. Live, it is the wall clock. While the projector applies an
// event from the log, it is the moment the log acknowledged that event, and the ids made for it derive from its
// position: the projection of a message decides whether it is history, which flags hold and when a case opened
// as of its arrival, and names what it creates the same way each time, so that projecting the log again
// (`rapport reproject`) a month later gives the same customers, cases and ids as the first time.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The event being projected: when the log acknowledged it, where it sits, and how many ids it has made. */
export interface EventScope {
  time: number;
  position: number;
  idsIssued: number;
}

const eventScope = new AsyncLocalStorage<EventScope>();

export function now(): number {
  return eventScope.getStore()?.time ?? Date.now();
}

/** The event being projected, if any (for ids and the audit's log position). */
export function currentEvent(): EventScope | undefined {
  return eventScope.getStore();
}

/** Runs `work` as the projection of the event at `position`, acknowledged at `time` (and whatever it awaits). */
export function asOf<T>(time: number, position: number, work: () => T): T {
  return eventScope.run({ time, position, idsIssued: 0 }, work);
}
