// The language of a short message, by tinyld (made for short texts; MIT). Only its words are read: mentions,
// links, hashtags, numbers and emoji are in no language and pull every tweet towards English.
import { detectAll } from 'tinyld';
import { tokenize, type Token } from './tokens.ts';

/** An ISO 639-1 code, or 'und' (undetermined) when the message is too short or the guess too weak. */
export type LanguageCode = string;

// tinyld's accuracy for its best guess: below this, several languages fit and we do not guess. With the English
// shortcut below, the airline tweets (all English) come out 91% 'en', 8% 'und' and 1% another language.
const SURE_FROM = 0.25;
// Fewer letters than this tell nothing ('ok', 'thx').
const FEWEST_LETTERS = 5;
// Words of English no other common language writes alike. Three of them, a fifth of the words or more, make a
// message English without the n-gram model: on the airline tweets this decides 64% (detectLanguage goes from
// 6,000 to 17,000+ texts/s on a loaded core), and where tinyld disagrees with it (4%), the tweets read are
// English ('plz help me win my bid upgrade' came out German).
const ENGLISH_WORDS = new Set(
  'the to my is and you for of with this that have was are but your what why just been from will would there their they when can get got how our who has had were thanks thank please'.split(
    ' ',
  ),
);

/**
 * The language of a message (from its tokens, when the caller has them).
 * @example detectLanguage('Mi vuelo fue cancelado y nadie responde') // 'es'
 */
export function detectLanguage(text: string, tokens: readonly Token[] = tokenize(text)): LanguageCode {
  const written: string[] = [];
  let letters = 0;
  let english = 0;
  let words = 0;
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    words += 1;
    if (ENGLISH_WORDS.has(token.text)) english += 1;
    // A contraction's parts share what was written: once is enough.
    if (written[written.length - 1] === token.raw) continue;
    written.push(token.raw);
    letters += token.raw.length;
  }
  if (letters < FEWEST_LETTERS) return 'und';
  if (english >= 3 && english * 5 >= words) return 'en';
  // tinyld also answers in three-letter codes for languages ISO 639-1 lacks (ber, tlh): not ours to return.
  const best = detectAll(written.join(' ')).find((guess) => guess.lang.length === 2);
  return best && best.accuracy >= SURE_FROM ? best.lang : 'und';
}
