// What a classifier sees of a message: hashed word 1–2-grams of the normalised tokens and character n-grams
// inside each word (a space either side, as scikit-learn's char_wb), tf-idf weighted with sublinear tf, each
// block L2-normalised; optionally the sentiment baseline's knowledge: a polarity word after each rated word, and
// its signals appended as a few dense features.
import { readSentimentSignals, valenceOf } from './sentiment.ts';
import { tokenize, type Token } from './tokens.ts';

export interface FeatureSettings {
  /** Hashed features per block: 2^hashBits. */
  hashBits: number;
  /** Word n-grams from 1 to this (1 or 2). */
  wordNgrams: number;
  /** Character n-grams within words, from min to max letters (0 for none). */
  charNgrams: { min: number; max: number };
  /** A feature counts once this many training texts have it (1: all; 2 drops the one-offs, a third of a model). */
  minDocuments: number;
  /** Add a '<positive>' or '<negative>' word after each word the baseline's lexicons rate (negation-aware). */
  lexiconPolarity: boolean;
  /** Append the baseline's sentiment signals (score, positive, negative, phrases, question). */
  sentimentSignals: boolean;
}

export const DEFAULT_FEATURES: FeatureSettings = {
  hashBits: 16,
  wordNgrams: 2,
  charNgrams: { min: 2, max: 5 },
  minDocuments: 1,
  lexiconPolarity: false,
  sentimentSignals: false,
};

/** How many dense features the sentiment signals add, after the hashed ones. */
export const SIGNAL_COUNT = 5;

/** A sparse vector: feature indices (ascending not required) and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** The number of features a vector of these settings may use (the width of a weight row). */
export function featureWidth(settings: FeatureSettings): number {
  return 2 * 2 ** settings.hashBits + (settings.sentimentSignals ? SIGNAL_COUNT : 0);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Distinct starting states keep a word 'ab' and the character pair 'ab' apart.
const WORD_SEED = fnvStep(FNV_OFFSET, 0x77);
const CHAR_SEED = fnvStep(FNV_OFFSET, 0x63);

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function hashString(seed: number, text: string): number {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) hash = fnvStep(hash, text.charCodeAt(index));
  return hash >>> 0;
}

/** The words a classifier reads: a mention, link, number or amount by its kind; a negated word marked. */
export function featureWords(tokens: readonly Token[], lexiconPolarity = false): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    switch (token.kind) {
      case 'url':
        words.push('<url>');
        break;
      case 'number':
        words.push('<number>');
        break;
      case 'currency':
        words.push('<money>');
        break;
      case 'punctuation':
        words.push(token.text.length > 1 ? `${token.text[0]}+` : token.text);
        break;
      case 'hashtag':
        words.push(token.text, `#${token.text}`);
        break;
      default:
        words.push(token.text);
    }
    if (token.negated) words.push(`not_${token.text}`);
    if (lexiconPolarity) {
      // A word the lexicons rate, as its side: the model learns what 'a negative word' weighs from all of them,
      // so a rare one ('abysmal') counts even if training never saw it.
      const valence = valenceOf(token) * (token.negated ? -1 : 1);
      if (valence >= 1) words.push('<positive>');
      else if (valence <= -1) words.push('<negative>');
    }
  }
  return words;
}

/** A message's hashed features and how often each occurs, ascending: word n-grams first, then characters. */
export interface FeatureCounts {
  indices: Int32Array;
  counts: Uint16Array;
  /** Where the character n-grams start in `indices`. */
  charsFrom: number;
}

/**
 * The raw counts of a message's hashed features: word n-grams in [0, 2^bits), character n-grams in
 * [2^bits, 2^(bits+1)); the caller weighs them (tf-idf) and appends signals. Indices are collected, sorted and
 * counted in runs: three times faster than a Map per message.
 */
export function countFeatures(tokens: readonly Token[], settings: FeatureSettings): FeatureCounts {
  const words = featureWords(tokens, settings.lexiconPolarity);
  const size = 2 ** settings.hashBits;
  const mask = size - 1;
  const found: number[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const hash = hashString(WORD_SEED, words[index]!);
    found.push(hash & mask);
    if (settings.wordNgrams >= 2 && index + 1 < words.length) {
      // The bigram 'a b', hashed on from the hash of 'a'.
      found.push(hashString(fnvStep(hash, 0x20), words[index + 1]!) & mask);
    }
  }
  const { min, max } = settings.charNgrams;
  if (max > 0) {
    for (const token of tokens) {
      if (token.kind !== 'word' && token.kind !== 'hashtag') continue;
      const padded = ` ${token.text} `;
      for (let start = 0; start < padded.length; start += 1) {
        let hash = CHAR_SEED;
        for (let end = start; end < padded.length && end - start < max; end += 1) {
          hash = fnvStep(hash, padded.charCodeAt(end));
          if (end - start + 1 >= min) found.push(size + ((hash >>> 0) & mask));
        }
      }
    }
  }
  const sorted = Int32Array.from(found).sort();
  const indices = new Int32Array(sorted.length);
  const counts = new Uint16Array(sorted.length);
  let distinct = 0;
  let charsFrom = -1;
  for (let at = 0; at < sorted.length; at += 1) {
    const index = sorted[at]!;
    if (distinct > 0 && indices[distinct - 1] === index) {
      if (counts[distinct - 1]! < 65535) counts[distinct - 1]! += 1;
      continue;
    }
    if (charsFrom < 0 && index >= size) charsFrom = distinct;
    indices[distinct] = index;
    counts[distinct] = 1;
    distinct += 1;
  }
  return {
    indices: indices.subarray(0, distinct),
    counts: counts.subarray(0, distinct),
    charsFrom: charsFrom < 0 ? distinct : charsFrom,
  };
}

/**
 * A message as the classifier's input: sublinear tf (1 + ln count) times idf, each block L2-normalised, then the
 * sentiment signals if the settings ask for them. Features training did not keep (idf 0) are left out.
 */
export function vectorise(text: string, settings: FeatureSettings, idf: Float32Array): SparseVector {
  const tokens = tokenize(text);
  const { indices: found, counts, charsFrom } = countFeatures(tokens, settings);
  const signals = settings.sentimentSignals ? sentimentSignalValues(text, tokens) : [];
  const indices = new Int32Array(found.length + signals.length);
  const values = new Float32Array(found.length + signals.length);
  let at = 0;
  for (const [from, to] of [
    [0, charsFrom],
    [charsFrom, found.length],
  ] as const) {
    const start = at;
    let norm = 0;
    for (let entry = from; entry < to; entry += 1) {
      const weight = idf[found[entry]!]!;
      if (weight === 0) continue;
      const value = (1 + Math.log(counts[entry]!)) * weight;
      indices[at] = found[entry]!;
      values[at] = value;
      norm += value * value;
      at += 1;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let entry = start; entry < at; entry += 1) values[entry]! *= scale;
  }
  const signalStart = 2 * 2 ** settings.hashBits;
  for (const [offset, value] of signals.entries()) {
    indices[at] = signalStart + offset;
    values[at] = value;
    at += 1;
  }
  return { indices: indices.subarray(0, at), values: values.subarray(0, at) };
}

/** The baseline's signals on scales near one, so that they weigh like the normalised blocks. */
function sentimentSignalValues(text: string, tokens: readonly Token[]): number[] {
  const signals = readSentimentSignals(text, tokens);
  return [signals.score, signals.positive / 4, signals.negative / 4, signals.phrases / 4, signals.question];
}

/**
 * Smoothed inverse document frequency over the training texts, as scikit-learn's: ln((1 + n) / (1 + df)) + 1.
 * Features seen in fewer than minDocuments texts get 0, so that a new message's unseen n-grams weigh nothing.
 */
export function inverseDocumentFrequency(texts: readonly string[], settings: FeatureSettings): Float32Array {
  const width = 2 * 2 ** settings.hashBits;
  const documents = new Uint32Array(width);
  for (const text of texts) {
    for (const index of countFeatures(tokenize(text), settings).indices) documents[index]! += 1;
  }
  const idf = new Float32Array(width);
  for (let index = 0; index < width; index += 1) {
    const seen = documents[index]!;
    if (seen >= settings.minDocuments) idf[index] = Math.log((1 + texts.length) / (1 + seen)) + 1;
  }
  return idf;
}
