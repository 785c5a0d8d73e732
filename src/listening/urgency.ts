// Whether a message is pressed for time: deadlines ('asap', 'flight in 2 hours', 'today'), being stuck where the
// trip happens ('stuck at the gate'), waiting that goes on ('still', 'on hold for'), and contacting again.
import { tokenize, type Token } from './tokens.ts';

export interface UrgencyReading {
  urgent: boolean;
  /** 0 (no pressure) … 1 (pressing), from the cues found. */
  score: number;
}

interface Cue {
  pattern: RegExp;
  weight: number;
}

// Weights add up; a score of URGENT_FROM or more is urgent, so one strong cue or two weaker ones suffice.
const URGENT_FROM = 0.5;

/** Cues, matched on the normalised words joined by spaces (numbers kept as digits). */
const CUES: readonly Cue[] = [
  {
    pattern: /\b(?:asap|urgent|urgently|emergency|immediately|right away|right now|as soon as possible)\b/g,
    weight: 1,
  },
  { pattern: /\b(?:sos|help me|need help|please help)\b/g, weight: 0.5 },
  { pattern: /\bnow\b/g, weight: 0.4 },
  { pattern: /\b(?:today|tonight|this morning|this afternoon|this evening|tomorrow morning)\b/g, weight: 0.4 },
  { pattern: /\b(?:in|within|only|next) \d+ ?(?:min|mins|minutes|hour|hours|hr|hrs|h)\b/g, weight: 1 },
  {
    pattern: /\b(?:flight|plane|boarding|departure|connection) (?:is |leaves |departs |boards )?(?:in|at) \d+/g,
    weight: 0.8,
  },
  { pattern: /\b(?:about to|going to) (?:miss|lose|board|leave|take off)\b/g, weight: 0.8 },
  {
    pattern:
      /\b(?:stuck|stranded|trapped|sitting|waiting) (?:at|on|in) (?:the )?(?:gate|airport|tarmac|runway|plane|terminal|security|customs)\b/g,
    weight: 1,
  },
  { pattern: /\b(?:stuck|stranded)\b/g, weight: 0.4 },
  { pattern: /\b(?:missed|miss|missing) (?:my|our|the) (?:connection|connecting flight|flight)\b/g, weight: 0.6 },
  { pattern: /\bstill\b/g, weight: 0.3 },
  { pattern: /\b(?:on hold|been waiting|waiting for) (?:for )?\d+/g, weight: 0.5 },
  { pattern: /\bon hold\b/g, weight: 0.3 },
  {
    pattern:
      /\b(?:second|2nd|third|3rd|fourth|4th|fifth|5th|\d+) (?:time|times|call|calls|email|emails|tweet|tweets|attempt)\b/g,
    weight: 0.6,
  },
  { pattern: /\b(?:again|yet again|once again|keep calling|called back)\b/g, weight: 0.3 },
  { pattern: /\b(?:no one|nobody|noone) (?:answers|answering|responds|picks up)\b/g, weight: 0.4 },
];

/**
 * How pressed for time a message is (from its tokens, when the caller has them).
 * @example analyseUrgency('stuck at the gate, flight in 2 hours, need help asap') // { urgent: true, score: 1 }
 */
export function analyseUrgency(text: string, tokens: readonly Token[] = tokenize(text)): UrgencyReading {
  const words = tokens
    .filter((token) => token.kind === 'word' || token.kind === 'number' || token.kind === 'hashtag')
    .map((token) => token.text)
    .join(' ');
  let total = 0;
  for (const cue of CUES) {
    const hits = words.match(cue.pattern)?.length ?? 0;
    total += cue.weight * Math.min(hits, 2);
  }
  // Shouting or a run of exclamation marks presses a little more, but never makes a calm message urgent alone.
  if (total > 0 && /!!|[A-Z]{4,}/.test(text)) total += 0.2;
  const score = Math.min(1, total);
  return { urgent: score >= URGENT_FROM, score };
}
