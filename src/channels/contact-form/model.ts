// The thank-you page's promise, as pure rules: one typical reply time (the median of enough recent first
// responses, else the SLA target) and, from that same figure, when this person will hear from us within
// the team's opening hours and time zone — so "we usually reply within…" and "you will hear from us…" agree.
import { DateTime } from 'luxon';
import { addBusinessMinutes, isAlwaysOpen, isOpenAt, nextOpening, type Calendar } from '../../sla/index.ts';

/** Fewer answered cases than this say little: the SLA target speaks instead. */
export const MIN_SAMPLE = 20;

export interface TypicalReply {
  /** Minutes of opening hours, rounded up to what the page says ("within 2 h" is 120). */
  minutes: number;
  basis: 'median' | 'target';
  /** How many answered cases the median came from; 0 for the target. */
  sampleSize: number;
}

export interface ReplyPromise {
  /** "within 2 h"; null when we have nothing honest to say. */
  usually: string | null;
  /** "by 15:30 UTC", "today by 10:30 UTC", "tomorrow by 09:30 UTC", "by Monday 10:00 CET". */
  when: string | null;
  /** Both in one sentence, the way the page shows it. */
  sentence: string | null;
  expectedAt: number | null;
  basis: 'median' | 'target' | 'none';
}

export const NO_PROMISE: ReplyPromise = { usually: null, when: null, sentence: null, expectedAt: null, basis: 'none' };

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Rounds up to the step the words use (whole minutes under an hour, half hours under a day, hours after),
 * so the figure we say and the figure we compute the time from are the same figure.
 */
export function roundUpForWords(minutes: number, alwaysOpen: boolean): number {
  if (minutes <= 60) return Math.max(1, Math.ceil(minutes));
  if (minutes <= 24 * 60) return Math.ceil(minutes / 30) * 30;
  // Around the clock, whole days read best; in opening hours a "day" would be ambiguous, so hours.
  return alwaysOpen ? Math.ceil(minutes / (24 * 60)) * 24 * 60 : Math.ceil(minutes / 60) * 60;
}

/** Words for a duration already rounded by `roundUpForWords`; days only around the clock. */
export function humanDuration(minutes: number, alwaysOpen = false): string {
  if (minutes < 60) return `${minutes} min`;
  if (!alwaysOpen || minutes < 24 * 60 || minutes % (24 * 60) !== 0) {
    const hours = minutes / 60;
    return Number.isInteger(hours) ? `${hours} h` : `${Math.floor(hours) || ''}½ h`;
  }
  const days = minutes / (24 * 60);
  return `${days} day${days > 1 ? 's' : ''}`;
}

/** The median of first responses when there are enough of them, else the SLA target, else nothing. */
export function typicalReply(
  firstResponseMinutes: readonly number[],
  targetMinutes: number | null,
  calendar: Calendar,
): TypicalReply | null {
  const alwaysOpen = isAlwaysOpen(calendar);
  if (firstResponseMinutes.length >= MIN_SAMPLE) {
    return {
      minutes: roundUpForWords(median(firstResponseMinutes), alwaysOpen),
      basis: 'median',
      sampleSize: firstResponseMinutes.length,
    };
  }
  if (targetMinutes !== null && targetMinutes > 0)
    return { minutes: roundUpForWords(targetMinutes, alwaysOpen), basis: 'target', sampleSize: 0 };
  return null;
}

/** A promised time, a little later rather than a little earlier: the next five minutes. */
function roundUpToFive(at: number): number {
  const step = 5 * 60_000;
  return Math.ceil(at / step) * step;
}

function clockWords(at: number, now: number, zone: string, sameRun: boolean): string {
  const local = DateTime.fromMillis(at, { zone, locale: 'en' });
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const days = Math.round(local.startOf('day').diff(today, 'days').days);
  const time = `${local.toFormat('HH:mm')} ${local.toFormat('ZZZZ')}`;
  if (days === 0) return sameRun ? `by ${time}` : `today by ${time}`;
  if (days === 1) return `tomorrow by ${time}`;
  if (days < 7) return `by ${local.toFormat('cccc')} ${time}`;
  return `by ${local.toFormat('cccc d LLLL')} ${time}`;
}

/**
 * When this person will hear from us: the typical reply time counted in opening hours from now, or from
 * the next opening when we are closed (evenings, weekends, holidays). While we are open and the reply
 * fits before closing, the clock time is simply now plus the typical time; otherwise the sentence says
 * the figure is in opening hours, so the two never seem to disagree.
 */
export function replyPromise(now: number, typical: TypicalReply | null, calendar: Calendar): ReplyPromise {
  if (!typical) return NO_PROMISE;
  const start = nextOpening(now, calendar);
  if (start === null) return NO_PROMISE;
  const expectedAt = roundUpToFive(addBusinessMinutes(start, typical.minutes, calendar));
  const openNow = isOpenAt(now, calendar);
  // Open now and no closed time between now and the reply: the wall clock runs as the business clock.
  const sameRun = openNow && addBusinessMinutes(now, typical.minutes, calendar) === now + typical.minutes * 60_000;
  const usually = `within ${humanDuration(typical.minutes, isAlwaysOpen(calendar))}`;
  const when = clockWords(expectedAt, now, calendar.timezone, sameRun);
  const sentence = sameRun
    ? `We usually reply ${usually}, so you will hear from us ${when}.`
    : `${openNow ? '' : 'We are closed now. '}During our opening hours we usually reply ${usually}, so you will hear from us ${when}.`;
  return { usually, when, sentence, expectedAt, basis: typical.basis };
}
