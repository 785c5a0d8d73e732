// The promise on the thank-you page, from live numbers: how fast we usually answer, and so when
// this person will hear from us. Pure: the numbers come in, the words go out.
import { nextOpening, sameLocalDay, addBusinessMinutes, type Calendar } from '../../sla/business-hours.ts';
import { DateTime } from 'luxon';

export interface PromiseInput {
  now: number;
  /** Median minutes from opening to first response over recent cases, in business time; null without data. */
  medianFirstResponseMinutes: number | null;
  /** The SLA first-response target for a normal case, as a fallback when there is no history yet. */
  targetMinutes: number | null;
  calendar: Calendar;
}

export interface ReplyPromise {
  /** "within 2 h", "within 35 min"; null when we have nothing honest to say. */
  usually: string | null;
  /** "today", "tomorrow", "by Monday". */
  when: string | null;
  expectedAt: number | null;
  basis: 'median' | 'target' | 'none';
}

export function humanDuration(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours * 2) / 2} h`.replace('.5 h', '½ h');
  const days = Math.round(hours / 24);
  return `${days} day${days > 1 ? 's' : ''}`;
}

export function replyPromise(input: PromiseInput): ReplyPromise {
  const minutes = input.medianFirstResponseMinutes ?? input.targetMinutes;
  if (minutes === null) return { usually: null, when: null, expectedAt: null, basis: 'none' };
  const start = nextOpening(input.now, input.calendar) ?? input.now;
  const expectedAt = addBusinessMinutes(start, minutes, input.calendar);
  const zone = input.calendar.timezone;
  const days = DateTime.fromMillis(expectedAt, { zone }).startOf('day').diff(DateTime.fromMillis(input.now, { zone }).startOf('day'), 'days').days;
  const when = sameLocalDay(input.now, expectedAt, input.calendar)
    ? 'today'
    : days <= 1
      ? 'tomorrow'
      : `by ${DateTime.fromMillis(expectedAt, { zone }).toFormat('cccc')}`;
  return {
    usually: `within ${humanDuration(minutes)}`,
    when,
    expectedAt,
    basis: input.medianFirstResponseMinutes !== null ? 'median' : 'target',
  };
}
