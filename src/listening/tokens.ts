// Customer language cut into tokens: mentions, links, hashtags, emoji and emoticons kept whole (with their
// sentiment); contractions expanded; shouting (ALL CAPS), stretching (soooo) and the reach of a negation marked.
import { bareEmoji, emojiLexicon, wordLexicon } from './lexicon.ts';

export type TokenKind =
  | 'word'
  | 'mention'
  | 'url'
  | 'hashtag'
  | 'emoji'
  | 'emoticon'
  | 'number'
  | 'currency'
  | 'punctuation';

export interface Token {
  kind: TokenKind;
  /** Normalised: lower case, stretching undone, a hashtag's word without '#', a contraction's part. */
  text: string;
  /** As written (for a contraction's parts, the whole contraction). */
  raw: string;
  /** Written in capitals (2+ letters): it shouts, so it weighs more. */
  shouted: boolean;
  /** A letter held (soooo, nooo): it weighs more. */
  elongated: boolean;
  /** Inside the reach of a negation (not, never, n't …), up to punctuation or a few words. */
  negated: boolean;
  /**
   * An emoji's or emoticon's sentiment (−4 … +4, from the packaged lexicons); 0 for other tokens, whose
   * valence the sentiment baseline decides (it knows service talk).
   */
  valence: number;
}

// Order matters: a link before a mention (user@host), an emoticon before punctuation (':(' before ':').
const EMOTICON = String.raw`(?:<\/?3+|[<>]?[:;=8][\-o*'^]?[)\](\[dDpP\/\\|{}@*3xX$]+|[)\](\[dD\/\\|{}][\-o*'^]?[:;=8]|\b[xX][dD]+\b|\^[_.-]?\^|-_+-|T_T|;_;|o_O|O_o)`;
const EMOJI = String.raw`\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2}`;
const TOKEN = new RegExp(
  [
    String.raw`(?<url>https?:\/\/\S+|www\.\S+)`,
    String.raw`(?<mention>@\w+)`,
    String.raw`(?<hashtag>#[\p{L}\p{N}_]+)`,
    // An emoticon only where it stands apart: not ':p' in 'http:p…', not 'D:' inside 'WORD:'.
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])${EMOTICON}(?![\p{L}\p{N}]))`,
    `(?<emoji>${EMOJI})`,
    String.raw`(?<currency>[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:usd|eur|gbp|dollars|bucks|euros)\b)`,
    String.raw`(?<number>\d+(?:[.,:]\d+)*(?:st|nd|rd|th|am|pm|h|hrs?|mins?)?\b)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*(?:['’][\p{L}]+)*)`,
    String.raw`(?<punctuation>[!?]+|[.…]+|[,;:]|[-–—]{1,2}(?=\s))`,
  ].join('|'),
  'gu',
);

/** Contractions whose parts are not simply the word and 'not'. Keys have no apostrophe. */
const CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  cant: ['can', 'not'],
  cannot: ['can', 'not'],
  wont: ['will', 'not'],
  shant: ['shall', 'not'],
  aint: ['is', 'not'],
  im: ['i', 'am'],
  ive: ['i', 'have'],
  ill: ['i', 'will'],
  id: ['i', 'would'],
  youre: ['you', 'are'],
  youve: ['you', 'have'],
  theyre: ['they', 'are'],
  theyve: ['they', 'have'],
  weve: ['we', 'have'],
  whats: ['what', 'is'],
  thats: ['that', 'is'],
  theres: ['there', 'is'],
  hes: ['he', 'is'],
  shes: ['she', 'is'],
  its: ['it', 'is'],
  lets: ['let', 'us'],
};
// 'ill', 'id', 'its', 'wont', 'lets', 'hes', 'shes' are words too: only split when written with an apostrophe.
const ONLY_WITH_APOSTROPHE = new Set(['ill', 'id', 'its', 'wont', 'lets', 'hes', 'shes', 'well', 'were']);
// Negations written without their apostrophe, as tweets do ('dont', 'didnt').
const BARE_NT = /^(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need|might)nt$/;

/** Words that turn the meaning of the few words after them. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'nothing',
  'nobody',
  'none',
  'nowhere',
  'without',
  'hardly',
  'rarely',
  'seldom',
  'barely',
]);
/** How many words a negation reaches when no punctuation ends it first. */
const NEGATION_REACH = 3;
const SCOPE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'yet']);

/**
 * Cuts a message into tokens.
 * @example tokenize("I'm NOT happy :(") // i, am, not (shouted), happy (negated), :( (emoticon)
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const groups = match.groups!;
    const raw = match[0];
    const kind = kindOf(groups);
    if (kind === 'word') pushWord(tokens, raw);
    else if (kind === 'hashtag') tokens.push(wordToken('hashtag', raw.slice(1), raw));
    else if (kind === 'emoji')
      tokens.push({ ...plain(kind, raw, raw), valence: emojiLexicon().get(bareEmoji(raw)) ?? 0 });
    else if (kind === 'emoticon') tokens.push({ ...plain(kind, raw, raw), valence: emoticonValence(raw) });
    else tokens.push(plain(kind, raw.toLowerCase(), raw));
  }
  markNegation(tokens);
  return tokens;
}

// Most matches are words, so 'word' is asked first; looked up by name, as Object.keys on every match costs a
// third of the tokenizer's time.
const KINDS: readonly TokenKind[] = [
  'word',
  'url',
  'mention',
  'hashtag',
  'emoticon',
  'emoji',
  'currency',
  'number',
  'punctuation',
];

function kindOf(groups: Record<string, string | undefined>): TokenKind {
  for (const kind of KINDS) if (groups[kind] !== undefined) return kind;
  return 'punctuation';
}

function plain(kind: TokenKind, text: string, raw: string): Token {
  return { kind, text, raw, shouted: false, elongated: false, negated: false, valence: 0 };
}

function wordToken(kind: 'word' | 'hashtag', written: string, raw: string): Token {
  const letters = written.replace(/[^\p{L}]/gu, '');
  const shouted = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const lower = written.toLowerCase();
  const text = unstretch(lower);
  return { kind, text, raw, shouted, elongated: text !== lower, negated: false, valence: 0 };
}

function pushWord(tokens: Token[], raw: string): void {
  const word = wordToken('word', raw.replace(/’/g, "'"), raw);
  const hasApostrophe = word.text.includes("'");
  const bare = word.text.replace(/'/g, '');
  const parts = splitContraction(bare, hasApostrophe, word.text);
  if (!parts) {
    tokens.push({ ...word, text: bare });
    return;
  }
  for (const part of parts) tokens.push({ ...word, text: part });
}

function splitContraction(bare: string, hasApostrophe: boolean, written: string): readonly string[] | null {
  if (CONTRACTIONS[bare] && (hasApostrophe || !ONLY_WITH_APOSTROPHE.has(bare))) return CONTRACTIONS[bare];
  if (written.endsWith("n't")) return [bare.slice(0, -2), 'not'];
  if (BARE_NT.test(bare)) return [bare.slice(0, -2), 'not'];
  if (hasApostrophe && /'(re|ve|ll|d|m)$/.test(written)) return [written.slice(0, written.indexOf("'"))];
  // A possessive ('united's'): the name is what counts.
  if (hasApostrophe && written.endsWith("'s")) return [bare.slice(0, -1)];
  return null;
}

// A letter written three or more times is held: 'soooo' is 'so', 'gooood' is 'good' (a few words keep a double).
const HELD = /(\p{L})\1{2,}/gu;
const IS_HELD = /(\p{L})\1{2,}/u;
const DOUBLE_KEPT =
  /^(good|too|soon|cool|feel|need|look|wait|sleep|sorry|well|still|hell|all|will|fall|full|better|little|really|free|agree|off|stuff|kill|seen|been|see|boo|food|poor|door|book|cheer|week|hmm|happy|coffee|ahh|shh|miss|kiss|less|pass|mess|boss)$/;

function unstretch(word: string): string {
  if (!IS_HELD.test(word)) return word;
  const single = word.replace(HELD, '$1');
  const double = word.replace(HELD, '$1$1');
  return DOUBLE_KEPT.test(double) ? double : single;
}

/** An emoticon's valence: VADER's rating, else a smile or a frown by its mouth. */
function emoticonValence(emoticon: string): number {
  const rated = wordLexicon().get(emoticon) ?? wordLexicon().get(emoticon.toLowerCase());
  if (rated !== undefined) return rated;
  if (/^<\/3/.test(emoticon)) return -2;
  if (/^<3/.test(emoticon) || /^x+d+$/i.test(emoticon) || /[)\]dpP}]$/.test(emoticon)) return 1.9;
  if (/[([/\\{|]$/.test(emoticon) || /^[)\](d/\\|{}]/i.test(emoticon)) return -1.9;
  return 0;
}

function markNegation(tokens: Token[]): void {
  let reach = 0;
  for (const token of tokens) {
    if (token.kind === 'punctuation' || token.kind === 'url') {
      reach = 0;
      continue;
    }
    if (token.kind !== 'word' && token.kind !== 'hashtag') continue;
    if (SCOPE_BREAKERS.has(token.text)) {
      reach = 0;
      continue;
    }
    if (NEGATORS.has(token.text)) {
      reach = NEGATION_REACH;
      continue;
    }
    if (reach > 0) {
      token.negated = true;
      reach -= 1;
    }
  }
}
