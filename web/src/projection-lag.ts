// How far behind the customer view is, in words staff read at a glance: nothing while it keeps up, a line when
// tracked events wait longer than a few seconds or an admin paused them. Pure, so the Shell only lays it out.
import type { ProjectionLag } from './api/types.ts';

/** Below this lag, and not paused, the UI says nothing: a burst that drains in a moment is no news. */
export const LAG_SHOWN_FROM_SECONDS = 5;

/**
 * The Shell's line, or null when there is nothing to tell:
 * `Customer data is 12 s behind: 340 events waiting`, `Updates from tracked sources are paused by an admin: …`.
 */
export function lagNotice(lag: ProjectionLag): string | null {
  if (lag.paused) return `Updates from tracked sources are paused by an admin: ${eventsWaiting(lag.backlog)}`;
  if (lag.lagSeconds < LAG_SHOWN_FROM_SECONDS) return null;
  return `Customer data is ${howFarBehind(lag.lagSeconds)} behind: ${eventsWaiting(lag.backlog)}`;
}

/** `12 s`; minutes from 90 s on (`about 3 min`), hours from 90 minutes on (`about 2 h`). */
export function howFarBehind(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min`;
  return `about ${Math.round(minutes / 60)} h`;
}

/** `no events waiting`, `1 event waiting`, `1,250 events waiting`. */
export function eventsWaiting(backlog: number): string {
  if (backlog <= 0) return 'no events waiting';
  if (backlog === 1) return '1 event waiting';
  return `${backlog.toLocaleString('en')} events waiting`;
}
