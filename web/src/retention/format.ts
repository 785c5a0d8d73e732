// How the churn page words its figures: rates and lifts, experiences and reason sources, cohort months. Pure, so the
// tables, the chart and the CSV files say the same.
import type { ChurnExperience, ChurnReason } from './api.ts';

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const points = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A rate or share of 0…1 as a percentage (`37.5%`); a dash when there was nobody to count. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : percent.format(rate);
}

/** A lift (a difference of two rates) in percentage points with its sign: `+57.1 pts`, `−42.9 pts`. */
export function formatLift(lift: number | null): string {
  if (lift === null) return '—';
  const magnitude = points.format(Math.abs(lift * 100));
  if (magnitude === '0') return '0 pts';
  return `${lift > 0 ? '+' : '−'}${magnitude} pts`;
}

/** A ratio of two rates: `3.5×`. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${points.format(ratio)}×`;
}

export const EXPERIENCE_LABELS: Record<ChurnExperience['experience'], string> = {
  sla_breach: 'SLA breach',
  repeat_contact: 'Repeat contact',
  negative_post: 'Negative words',
  detractor: 'Detractor score',
  gesture: 'Gesture received',
  reopened: 'Case reopened',
};

export const REASON_SOURCE_LABELS: Record<ChurnReason['source'], string> = {
  event: 'Churn event',
  survey: 'Cancellation survey',
  last_contact: 'Last contact',
};

/** A reason as people read it; none given is said so. */
export function reasonLabel(reason: ChurnReason): string {
  if (reason.reason === null) return reason.source === 'survey' ? 'No option chosen' : 'None given';
  return reason.source === 'last_contact' ? reason.reason.replace(/[_-]+/g, ' ') : reason.reason;
}

const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-01` → `Jan 2026`. */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * The background of a cohort cell: the accent's blue, stronger with the share; the text stays dark on every one
 * (the darkest background is still light enough for AA contrast with it).
 */
export function heatColour(share: number): string {
  const clamped = Math.max(0, Math.min(1, share));
  const lightness = Math.round(97 - clamped * 27);
  return `hsl(226 70% ${lightness}%)`;
}
