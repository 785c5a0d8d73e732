// How the Trends page words its figures: keys ("No reason found"), days and weeks of the zone the API counted in,
// changes with their sign, shares and percentages. Pure, so the table and the chart say the same.
import { humanize } from '../labels.ts';
import type { TrendBy, TrendInterval } from './trend-choices.ts';

/** A reason or sentiment as people read it; a text with no reason found has the key null. */
export function keyLabel(key: string | null): string {
  return key === null ? 'No reason found' : humanize(key);
}

export function dimensionLabel(by: TrendBy): string {
  return by === 'reason' ? 'Contact reason' : 'Sentiment';
}

/** The calendar day of an instant the API wrote with its zone's offset (`2026-11-10T00:00:00.000+01:00`). */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

const dayFormat = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The last day an exclusive end covers: the day before when it is a midnight, else its own. */
export function lastDayOf(endIso: string): string {
  const day = dayOf(endIso);
  if (!/T00:00:00(?:\.000)?(?:Z|[+-])/.test(endIso)) return day;
  const before = asDate(day);
  before.setUTCDate(before.getUTCDate() - 1);
  return before.toISOString().slice(0, 10);
}

/** A bucket's name: `Tue, Nov 10` for a day, `Nov 9 – Nov 15` for a week. */
export function bucketLabel(bucket: { start: string; end: string }, interval: TrendInterval): string {
  const first = dayOf(bucket.start);
  if (interval === 'day') return dayFormat.format(asDate(first));
  const last = lastDayOf(bucket.end);
  return first === last
    ? shortFormat.format(asDate(first))
    : `${shortFormat.format(asDate(first))} – ${shortFormat.format(asDate(last))}`;
}

/** A period from its start to its exclusive end: `Nov 9, 2026 – Nov 22, 2026`. */
export function periodLabel(fromIso: string, toIso: string): string {
  const first = dayOf(fromIso);
  const last = lastDayOf(toIso);
  return first === last
    ? longFormat.format(asDate(first))
    : `${longFormat.format(asDate(first))} – ${longFormat.format(asDate(last))}`;
}

const count = new Intl.NumberFormat('en');
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return count.format(value);
}

/** `+3`, `−2` (a true minus sign), `0`. */
export function formatChange(change: number): string {
  if (change > 0) return `+${count.format(change)}`;
  if (change < 0) return `−${count.format(-change)}`;
  return '0';
}

/** The change in percent (`+300%`, `−66.7%`); `new` when there was nothing before to compare with. */
export function formatChangePercent(changePercent: number | null): string {
  if (changePercent === null) return 'new';
  const magnitude = `${count.format(Math.abs(changePercent))}%`;
  return changePercent > 0 ? `+${magnitude}` : changePercent < 0 ? `−${magnitude}` : '0%';
}

/** A share of 0…1 as a percentage with at most one decimal: `66.7%`. */
export function formatShare(share: number): string {
  return percent.format(share);
}

/** A sentiment score of −1…+1 with its sign: `−0.53`. */
export function formatScore(score: number): string {
  const text = Math.abs(score).toFixed(2);
  return score < 0 ? `−${text}` : score > 0 ? `+${text}` : text;
}

/** The colours of the chart: sentiments by meaning, reasons from a palette told apart without colour vision too. */
const SENTIMENT_COLOURS: Record<string, string> = { negative: '#c2410c', neutral: '#8d96a3', positive: '#2b8a3e' };
const PALETTE = ['#3b5bdb', '#e8590c', '#0c8599', '#ae3ec9', '#5c940d', '#d6336c', '#f08c00', '#495057'];
export const OTHER_COLOUR = '#c5cad3';
export const NO_REASON_COLOUR = '#9aa1ad';

export function keyColour(by: TrendBy, key: string | null, index: number): string {
  if (by === 'sentiment' && key !== null) return SENTIMENT_COLOURS[key] ?? OTHER_COLOUR;
  if (key === null) return NO_REASON_COLOUR;
  return PALETTE[index % PALETTE.length]!;
}
