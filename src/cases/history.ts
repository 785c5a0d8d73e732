// History is not news: which messages are history (marked so, or already old when they reach us), and
// which SLA clocks are still live. Pure rules; the case engine and the breach sweep apply them.
import { DAY_MS } from '../shared/time.ts';

/**
 * A message already this old when it arrives (a replayed feed, an import, a sync of another help desk,
 * a mailbox of old unread mail) happened before anyone here could answer it: it is history.
 */
export const HISTORY_AFTER_DAYS = 30;
export const HISTORY_AFTER_MS = HISTORY_AFTER_DAYS * DAY_MS;

/** `historical` when the source says so; otherwise decided by the message's own time against its arrival. */
export function isHistory(message: { occurredAt: number; historical?: boolean }, receivedAt: number): boolean {
  if (message.historical !== undefined) return message.historical;
  return receivedAt - message.occurredAt > HISTORY_AFTER_MS;
}

/**
 * The breach sweep records a clock that ran out as a live alert only while it is recent: one that ran
 * out longer ago than the history horizon belongs to history (a case opened from old messages, or a
 * server that was down for a month), and is never announced now as news.
 */
export function liveClocksSince(now: number): number {
  return now - HISTORY_AFTER_MS;
}
