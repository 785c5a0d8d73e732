// How a survey reads in words: its trigger, its score (NPS signed, CSAT a percentage, CES a mean), a response's band.
import type { SurveyKind, SurveyTrigger } from '../api/types.ts';
import { KIND_NAMES } from './scales.ts';

/** `after a case is resolved`, `sent by hand`, `3 days after “Order Completed”`, `every 90 days to VIP customers`. */
export function triggerText(trigger: SurveyTrigger): string {
  switch (trigger.on) {
    case 'manual':
      return 'sent by hand';
    case 'case_resolved':
      return 'after a case is resolved';
    case 'event':
      return `${trigger.afterDays} ${trigger.afterDays === 1 ? 'day' : 'days'} after “${trigger.event}”`;
    case 'periodic':
      return `every ${trigger.everyDays} days to ${trigger.flag ? `customers flagged “${trigger.flag}”` : 'every customer with an email address'}`;
  }
}

/** What the score of a kind is called beside its figure: `NPS`, `CSAT`, `CES (mean, 1–7)`. */
export function scoreName(kind: SurveyKind): string {
  return kind === 'ces' ? 'CES (mean, 1–7)' : KIND_NAMES[kind];
}

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** NPS `+40` / `−100` (a true minus), CSAT `80%`, CES `5.3`; `—` without scores or for a custom survey. */
export function formatSurveyScore(kind: SurveyKind, score: number | null): string {
  if (score === null) return '—';
  switch (kind) {
    case 'nps': {
      const whole = Math.round(score);
      return whole > 0 ? `+${whole}` : whole < 0 ? `−${-whole}` : '0';
    }
    case 'csat':
      return percent.format(score / 100);
    case 'ces':
      return score.toFixed(1);
    case 'custom':
      return '—';
  }
}

/** The response rate as a percentage; `—` when nobody was invited in the period. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : percent.format(rate);
}
