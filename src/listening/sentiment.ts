// The offline sentiment baseline: VADER's rules (boosters, negation, capitals, 'but', exclamation) over the
// packaged lexicons, with our own for stretched words, questions, emoji and the phrases of service complaints.
import { wordLexicon } from './lexicon.ts';
import { SERVICE_PHRASES, SERVICE_WORDS } from './phrases.ts';
import { tokenize, type Token } from './tokens.ts';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentReading {
  label: SentimentLabel;
  /** −1 (very negative) … +1 (very positive). */
  score: number;
}

/** What the baseline saw, for a classifier to weigh (each as a number, so it can be a feature). */
export interface SentimentSignals {
  /** The baseline's score, −1 … +1. */
  score: number;
  /** The sum of the positive valences, and of the negative ones (as a positive number). */
  positive: number;
  negative: number;
  /** Valence of complaint and praise phrases matched. */
  phrases: number;
  /** 1 when the message asks something. */
  question: number;
}

/**
 * Scores from `below` to `above` are neutral. Tuned on the training part of the airline tweets only
 * (eval/tune-baseline.ts, 2026-12-04): complaints are often mild in words, so any negative score is negative,
 * while praise must be clear. A company whose customers write otherwise may tune its own.
 */
export const NEUTRAL_BAND = { below: 0, above: 0.44 } as const;

// VADER's constants (Hutto & Gilbert 2014): a booster's step, a capitalised word's step, negation's flip.
const BOOST_STEP = 0.293;
const CAPS_STEP = 0.733;
const NEGATION_SCALE = -0.74;
// VADER's normalisation: score = sum / sqrt(sum² + ALPHA).
const ALPHA = 15;
// Words before 'but' count half, after it one and a half times (VADER).
const BEFORE_BUT = 0.5;
const AFTER_BUT = 1.5;
// A question asks more often than it judges: its valence counts less. Tried on the training part of the airline
// tweets (macro-F1 with the band re-tuned): 1 → 0.637, 0.6 → 0.647, 0.3 → 0.656, 0.15 → 0.656, 0 → 0.603.
const QUESTION_SCALE = 0.3;
const EXCLAMATION_STEP = 0.292;

const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...[
    'absolutely',
    'amazingly',
    'awfully',
    'completely',
    'considerably',
    'deeply',
    'effing',
    'enormously',
    'entirely',
    'especially',
    'exceptionally',
    'extremely',
    'fabulously',
    'freaking',
    'fricking',
    'frigging',
    'fucking',
    'fully',
    'greatly',
    'hella',
    'highly',
    'hugely',
    'incredibly',
    'intensely',
    'majorly',
    'more',
    'most',
    'particularly',
    'purely',
    'quite',
    'really',
    'remarkably',
    'so',
    'soo',
    'substantially',
    'super',
    'thoroughly',
    'totally',
    'tremendously',
    'truly',
    'unbelievably',
    'unusually',
    'utterly',
    'very',
  ].map((word): [string, number] => [word, BOOST_STEP]),
  ...[
    'almost',
    'barely',
    'hardly',
    'kinda',
    'less',
    'little',
    'marginally',
    'occasionally',
    'partly',
    'scarcely',
    'slightly',
    'somewhat',
    'sorta',
  ].map((word): [string, number] => [word, -BOOST_STEP]),
]);

/**
 * The baseline's reading of one message (from its tokens, when the caller has them).
 * @example analyseSentiment('soooo good') // { label: 'positive', score: 0.6… }
 */
export function analyseSentiment(text: string, tokens: readonly Token[] = tokenize(text)): SentimentReading {
  const { score } = readSentimentSignals(text, tokens);
  return { label: labelOfScore(score), score };
}

/** The label of a score, given the neutral band (the tuned one unless another is being tried). */
export function labelOfScore(score: number, band: { below: number; above: number } = NEUTRAL_BAND): SentimentLabel {
  if (score < band.below) return 'negative';
  if (score > band.above) return 'positive';
  return 'neutral';
}

/** The baseline's score and what it was made of (from the message's tokens, when the caller has them). */
export function readSentimentSignals(text: string, tokens: readonly Token[] = tokenize(text)): SentimentSignals {
  const words = tokens.filter((token) => token.kind === 'word' || token.kind === 'hashtag');
  const shouting = words.some((token) => token.shouted) && !words.every((token) => token.shouted);
  const butAt = words.findIndex((token) => token.text === 'but');
  let positive = 0;
  let negative = 0;
  let wordIndex = -1;
  for (const token of tokens) {
    if (token.kind === 'word' || token.kind === 'hashtag') wordIndex += 1;
    let valence = valenceOf(token);
    if (valence === 0) continue;
    const sign = Math.sign(valence);
    if (token.shouted && shouting) valence += sign * CAPS_STEP;
    if (token.elongated) valence += sign * BOOST_STEP;
    if (token.kind === 'word' || token.kind === 'hashtag') valence += sign * boostBefore(words, wordIndex, shouting);
    if (token.negated) valence *= NEGATION_SCALE;
    if (butAt >= 0 && wordIndex >= 0) valence *= wordIndex < butAt ? BEFORE_BUT : wordIndex > butAt ? AFTER_BUT : 1;
    if (valence > 0) positive += valence;
    else negative -= valence;
  }
  const phrases = phraseValence(words);
  if (phrases > 0) positive += phrases;
  else negative -= phrases;
  let sum = positive - negative;
  const question = /\?/.test(text) ? 1 : 0;
  if (question) sum *= QUESTION_SCALE;
  const exclamations = Math.min((text.match(/!/g) ?? []).length, 4);
  sum += Math.sign(sum) * exclamations * EXCLAMATION_STEP;
  const score = sum / Math.sqrt(sum * sum + ALPHA);
  return { score, positive, negative, phrases, question };
}

export function valenceOf(token: Token): number {
  switch (token.kind) {
    case 'word':
    case 'hashtag':
      return SERVICE_WORDS.get(token.text) ?? wordLexicon().get(token.text) ?? 0;
    case 'emoticon':
    case 'emoji':
      return token.valence;
    default:
      return 0;
  }
}

/** What the boosters and dampeners in the three words before a sentiment word add to its weight. */
function boostBefore(words: readonly Token[], index: number, shouting: boolean): number {
  let boost = 0;
  for (let distance = 1; distance <= 3 && index - distance >= 0; distance += 1) {
    const word = words[index - distance]!;
    const step = BOOSTERS.get(word.text);
    if (step === undefined) continue;
    // VADER: a booster further away counts less.
    const fade = distance === 1 ? 1 : distance === 2 ? 0.95 : 0.9;
    boost += (step + (word.shouted && shouting ? Math.sign(step) * CAPS_STEP : 0)) * fade;
  }
  return boost;
}

function phraseValence(words: readonly Token[]): number {
  const joined = words.map((word) => word.text).join(' ');
  let valence = 0;
  for (const phrase of SERVICE_PHRASES) {
    const hits = joined.match(phrase.pattern);
    if (hits) valence += phrase.valence * hits.length;
  }
  return valence;
}
