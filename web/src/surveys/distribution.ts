// A survey's score distribution as chart figures: a bar for every score of the scale (none answered: an empty bar,
// so the shape of the scale shows), coloured by what the score says (detractor, passive, promoter…).
import type { ChartData } from '../bar-chart.ts';
import type { ScoreCount } from '../api/types.ts';
import { BANDS, bandOf, type ScoredKind, scoresOf } from './scales.ts';

export function distributionChartData(kind: ScoredKind, distribution: readonly ScoreCount[]): ChartData {
  const bands = BANDS[kind];
  const layers = bands.map(({ band, label, colour }) => ({ key: band, label, colour }));
  const countOf = new Map(distribution.map(({ score, count }) => [score, count]));
  const stacks = scoresOf(kind).map((score) => {
    const count = countOf.get(score) ?? 0;
    const band = bandOf(kind, score);
    return {
      label: String(score),
      start: String(score),
      total: count,
      values: bands.map((entry) => (entry.band === band ? count : 0)),
    };
  });
  return { layers, stacks, peak: Math.max(0, ...stacks.map((stack) => stack.total)) };
}

/** The band's name for one score: `Detractors` for an NPS 3. */
export function bandLabelOf(kind: ScoredKind, score: number): string {
  const band = bandOf(kind, score);
  return BANDS[kind].find((entry) => entry.band === band)?.label ?? band;
}
