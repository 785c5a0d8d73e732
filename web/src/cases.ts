// The case rules the inbox shows, in words: which status moves a person may make (the API's own table,
// which it enforces anyway), SLA countdowns, metric names and money.
import { humanize } from './labels.ts';
import type { CaseStatus, Gesture } from './api/types.ts';

export const ACTIVE_STATUSES = 'new,open,pending';

/** Mirrors the server's table: closed is final, a resolved case can only be reopened or closed. */
const MOVES: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

export interface StatusMove {
  to: CaseStatus;
  label: string;
}

/** The buttons a case offers: `Open`, `Pending`, `Resolve`, `Close`, or `Reopen` once resolved. */
export function statusMoves(from: CaseStatus): StatusMove[] {
  return MOVES[from].map((to) => ({ to, label: moveLabel(from, to) }));
}

function moveLabel(from: CaseStatus, to: CaseStatus): string {
  if (to === 'open') return from === 'resolved' ? 'Reopen' : 'Open';
  if (to === 'pending') return 'Pending';
  if (to === 'resolved') return 'Resolve';
  return 'Close';
}

export function isActive(status: CaseStatus): boolean {
  return status === 'new' || status === 'open' || status === 'pending';
}

const METRICS: Record<string, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

export function metricName(metric: string): string {
  return METRICS[metric] ?? metric;
}

export type Countdown = { state: 'none'; text: string } | { state: 'running' | 'overdue'; text: string };

/** `due in 59m 12s` while the clock runs, `overdue 12 min` once it has run out. */
export function slaCountdown(dueAt: string | null, now: number): Countdown {
  const due = dueAt === null ? Number.NaN : Date.parse(dueAt);
  if (Number.isNaN(due)) return { state: 'none', text: 'No SLA clock' };
  const left = Math.floor((due - now) / 1000);
  if (left >= 0) return { state: 'running', text: `due in ${clock(left)}` };
  return { state: 'overdue', text: `overdue ${overdue(-left)}` };
}

function clock(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h ${pad(minutes)}m`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m ${pad(secs)}s`;
  return `${minutes}m ${pad(secs)}s`;
}

function overdue(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return `${seconds} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** `Credit of $10.00`, `Hand-written note`. */
export function describeGesture(gesture: Pick<Gesture, 'kind' | 'amount' | 'currency'>): string {
  const what = gesture.kind === 'note' ? 'Hand-written note' : humanize(gesture.kind);
  return gesture.amount > 0 ? `${what} of ${formatMoney(gesture.amount, gesture.currency)}` : what;
}

/** The address of a case page; the API accepts its number or its id. */
export function casePath(number: number | string): string {
  return `/cases/${encodeURIComponent(String(number))}`;
}
