// What a survey score says, in the words staff use: "NPS 3 of 10 · detractor". The bands and scales are the
// server's (bandOf and SCALES in src/feedback/model.ts); test/feedback-ui-logic.test.ts keeps the two the same.

const SCALES: Record<string, { name: string; max: number }> = {
  nps: { name: 'NPS', max: 10 },
  csat: { name: 'CSAT', max: 5 },
  ces: { name: 'CES', max: 7 },
};

/** NPS: 9–10 promoter, 7–8 passive, 0–6 detractor. CSAT: 4–5 satisfied, 3 neutral, 1–2 unsatisfied. CES: 5–7 easy, 4 neutral, 1–3 hard. */
export function scoreBand(kind: string | null, score: number): string | null {
  switch (kind) {
    case 'nps':
      return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    case 'csat':
      return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'unsatisfied';
    case 'ces':
      return score >= 5 ? 'easy' : score === 4 ? 'neutral' : 'hard';
    default:
      return null;
  }
}

/** `NPS 3 of 10 · detractor`, `CSAT 5 of 5 · satisfied`; a custom survey's score plainly: `Score 4`. */
export function scoreMeaning(kind: string | null, score: number): string {
  const scale = kind ? SCALES[kind] : undefined;
  const band = scoreBand(kind, score);
  const figure = scale ? `${scale.name} ${score} of ${scale.max}` : `Score ${score}`;
  return band ? `${figure} · ${band}` : figure;
}

/** The tone of a band, for its colour: low scores stand out. */
export function scoreTone(kind: string | null, score: number): 'low' | 'middle' | 'high' | 'plain' {
  const band = scoreBand(kind, score);
  if (band === null) return 'plain';
  if (band === 'detractor' || band === 'unsatisfied' || band === 'hard') return 'low';
  return band === 'passive' || band === 'neutral' ? 'middle' : 'high';
}
