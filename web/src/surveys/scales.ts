// The scales of the survey kinds as the server scores them (src/feedback/model.ts SCALES and bandOf, kept equal by
// test/survey-ui-logic.test.ts): the numbers a customer picks from, the words at their ends, what each score says,
// and where a follow-up threshold may lie.
import type { SurveyKind } from '../api/types.ts';

export type ScoredKind = Exclude<SurveyKind, 'custom'>;

export const KIND_NAMES: Record<SurveyKind, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  custom: 'Custom',
};

export const SCALES = {
  nps: { min: 0, max: 10, low: 'Not at all likely', high: 'Extremely likely' },
  csat: { min: 1, max: 5, low: 'Very unsatisfied', high: 'Very satisfied' },
  ces: { min: 1, max: 7, low: 'Very difficult', high: 'Very easy' },
} as const satisfies Record<ScoredKind, { min: number; max: number; low: string; high: string }>;

export function isScored(kind: SurveyKind): kind is ScoredKind {
  return kind !== 'custom';
}

/** Every score of the scale, lowest first. */
export function scoresOf(kind: ScoredKind): number[] {
  const { min, max } = SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}

/** A follow-up threshold lies on the scale below its top (a top score never calls for someone to reach out). */
export function thresholdRange(kind: ScoredKind): { min: number; max: number } {
  return { min: SCALES[kind].min, max: SCALES[kind].max - 1 };
}

/** Detractors by each kind's own definition, as the server defaults them. */
export const DEFAULT_THRESHOLDS: Record<ScoredKind, number> = { nps: 6, csat: 2, ces: 3 };

export type ScoreBand =
  | 'promoter'
  | 'passive'
  | 'detractor'
  | 'satisfied'
  | 'neutral'
  | 'unsatisfied'
  | 'easy'
  | 'hard';

/** The bands of a kind from the lowest scores up, each with its colour in charts (told apart by lightness too). */
export const BANDS: Record<ScoredKind, ReadonlyArray<{ band: ScoreBand; label: string; colour: string }>> = {
  nps: [
    { band: 'detractor', label: 'Detractors', colour: '#c2410c' },
    { band: 'passive', label: 'Passives', colour: '#8d96a3' },
    { band: 'promoter', label: 'Promoters', colour: '#2b8a3e' },
  ],
  csat: [
    { band: 'unsatisfied', label: 'Unsatisfied', colour: '#c2410c' },
    { band: 'neutral', label: 'Neutral', colour: '#8d96a3' },
    { band: 'satisfied', label: 'Satisfied', colour: '#2b8a3e' },
  ],
  ces: [
    { band: 'hard', label: 'Hard', colour: '#c2410c' },
    { band: 'neutral', label: 'Neutral', colour: '#8d96a3' },
    { band: 'easy', label: 'Easy', colour: '#2b8a3e' },
  ],
};

/** NPS: 9–10 promoter, 7–8 passive, 0–6 detractor. CSAT: 4–5 satisfied, 3 neutral. CES: 5–7 easy, 4 neutral. */
export function bandOf(kind: ScoredKind, score: number): ScoreBand {
  switch (kind) {
    case 'nps':
      return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    case 'csat':
      return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'unsatisfied';
    case 'ces':
      return score >= 5 ? 'easy' : score === 4 ? 'neutral' : 'hard';
  }
}
