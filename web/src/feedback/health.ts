// The feedback health page's own rules: N (7, 14 or 30 days) read from and written to the address, and each row of
// its tables in words, from GET /api/metrics/feedback as it answers.
import type { FeedbackMetrics } from '../api/types.ts';
import { formatRate, formatReplyHours } from '../ideas.ts';

export const HEALTH_PATH = '/feedback/health';
export const DAY_CHOICES = ['7', '14', '30'] as const;
export type DayChoice = (typeof DAY_CHOICES)[number];

/** N from `?days=`: one of the choices, else 7. */
export function daysFrom(search: URLSearchParams): number {
  const days = search.get('days');
  return DAY_CHOICES.includes(days as DayChoice) ? Number(days) : 7;
}

export function healthPath(days: number): string {
  return days === 7 ? HEALTH_PATH : `${HEALTH_PATH}?days=${days}`;
}

type Figures = FeedbackMetrics['overall'];

export interface HealthRow {
  key: string;
  name: string;
  /** `60% (3 of 5)`, or a dash while nothing is N days old. */
  rate: string;
  answered: number;
  waiting: number;
  median: string;
}

function rowOf(key: string, name: string, figures: Figures): HealthRow {
  return {
    key,
    name,
    rate: figures.rate === null ? '—' : `${formatRate(figures.rate)} (${figures.unanswered} of ${figures.judged})`,
    answered: figures.answered,
    waiting: figures.waiting,
    median: figures.medianReplyHours === null ? '—' : formatReplyHours(figures.medianReplyHours),
  };
}

export function overallRow(metrics: FeedbackMetrics): HealthRow {
  return rowOf('all', 'All feedback', metrics.overall);
}

export function sourceRows(metrics: FeedbackMetrics): HealthRow[] {
  return [
    rowOf('ideas', 'Idea requests', metrics.ideas),
    rowOf('survey-comments', 'Survey comments followed up', metrics.surveyComments),
    overallRow(metrics),
  ];
}

/** Named teams by name, then what no team owns (ideas, and follow-up cases of no team). */
export function teamRows(metrics: FeedbackMetrics): HealthRow[] {
  return [...metrics.byTeam]
    .sort((a, b) =>
      a.teamId === null ? 1 : b.teamId === null ? -1 : (a.teamName ?? '').localeCompare(b.teamName ?? ''),
    )
    .map((team) => rowOf(team.teamId ?? 'none', team.teamName ?? (team.teamId ? 'A removed team' : 'No team'), team));
}

type Waiting = FeedbackMetrics['stillWaiting'][number];

/** Where a waiting ask is answered: its idea's page or its follow-up case's. */
export function waitingLink(item: Waiting): { href: string; label: string } | null {
  if (item.idea) return { href: `/ideas/${item.idea.number}`, label: `Idea #${item.idea.number} ${item.idea.title}` };
  if (item.case) return { href: `/cases/${item.case.number}`, label: `Case #${item.case.number} ${item.case.subject}` };
  return null;
}
