// The Trends page's choices live in the address (`/insights/trends?period=90d&by=sentiment`), so a view can be
// shared as a link and Back returns to it; from them comes the API's query. Pure, so it is tested without a browser.
import type { TrendsQuery } from '../api.ts';
import { TEXT_CHANNELS } from '../choices.ts';

export const TRENDS_PATH = '/insights/trends';

export const PERIOD_PRESETS = [
  { value: '7d', days: 7, label: 'Last 7 days' },
  { value: '28d', days: 28, label: 'Last 28 days' },
  { value: '90d', days: 90, label: 'Last 90 days' },
] as const;
export type PeriodChoice = (typeof PERIOD_PRESETS)[number]['value'] | 'custom';
const DEFAULT_PERIOD: PeriodChoice = '28d';

export type TrendBy = NonNullable<TrendsQuery['by']>;
export type TrendInterval = NonNullable<TrendsQuery['interval']>;
export type TextChannel = (typeof TEXT_CHANNELS)[number];

export interface TrendChoices {
  period: PeriodChoice;
  /** A custom period's first and last day, both shown (YYYY-MM-DD); empty for a preset. */
  from: string;
  to: string;
  by: TrendBy;
  /** Empty: days up to 31 days, weeks beyond (the server's choice). */
  interval: TrendInterval | '';
  channel: TextChannel | '';
  timeZone: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the text is a real calendar day (2026-02-30 is not). */
export function isDate(text: string): boolean {
  return DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/** The choices in the address; anything missing or unknown is the default (`zone`: the browser's own). */
export function choicesFrom(search: URLSearchParams, zone: string): TrendChoices {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const asked = search.get('period');
  const custom = (asked === 'custom' || asked === null) && isDate(from) && isDate(to);
  const preset = PERIOD_PRESETS.find((entry) => entry.value === asked)?.value;
  const interval = search.get('interval');
  const channel = search.get('channel');
  return {
    period: custom ? 'custom' : (preset ?? DEFAULT_PERIOD),
    from: custom ? from : '',
    to: custom ? to : '',
    by: search.get('by') === 'sentiment' ? 'sentiment' : 'reason',
    interval: interval === 'day' || interval === 'week' ? interval : '',
    channel: TEXT_CHANNELS.find((known) => known === channel) ?? '',
    timeZone: search.get('tz')?.trim() || zone,
  };
}

/** The page's address for these choices: set values only, defaults (and the browser's zone) left out. */
export function trendsPagePath(choices: TrendChoices, zone: string): string {
  const search = new URLSearchParams();
  if (choices.period === 'custom') {
    search.set('from', choices.from);
    search.set('to', choices.to);
  } else if (choices.period !== DEFAULT_PERIOD) {
    search.set('period', choices.period);
  }
  if (choices.by !== 'reason') search.set('by', choices.by);
  if (choices.interval) search.set('interval', choices.interval);
  if (choices.channel) search.set('channel', choices.channel);
  if (choices.timeZone !== zone) search.set('tz', choices.timeZone);
  const text = search.toString();
  return text ? `${TRENDS_PATH}?${text}` : TRENDS_PATH;
}

/** What is wrong with a custom period before asking the server, or null. */
export function customPeriodProblem(from: string, to: string): { field: 'from' | 'to'; reason: string } | null {
  if (!isDate(from)) return { field: 'from', reason: 'Choose the first day' };
  if (!isDate(to)) return { field: 'to', reason: 'Choose the last day' };
  if (to < from) return { field: 'to', reason: 'The last day is before the first' };
  return null;
}

/**
 * The API's query: a preset is the days up to and including `today` (in the zone), a custom period its days; the
 * API's `to` is exclusive, so it is the day after the last one shown.
 */
export function trendsQueryOf(choices: TrendChoices, today: string): TrendsQuery {
  const preset = PERIOD_PRESETS.find((entry) => entry.value === choices.period);
  const [from, lastDay] = preset ? [addDays(today, 1 - preset.days), today] : [choices.from, choices.to];
  return {
    from,
    to: addDays(lastDay, 1),
    by: choices.by,
    ...(choices.interval ? { interval: choices.interval } : {}),
    ...(choices.channel ? { channel: choices.channel } : {}),
    tz: choices.timeZone,
  };
}

/** A calendar day `days` after (or before) another, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** Today's date in a time zone (YYYY-MM-DD); the browser's zone when it does not know the one given. */
export function todayIn(zone: string, now = Date.now()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

/** The browser's own time zone, the page's default. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
