// Everything the baseline reads in one message at once: its words are cut once and read three times.
import { detectLanguage, type LanguageCode } from './language.ts';
import { analyseSentiment, type SentimentReading } from './sentiment.ts';
import { tokenize } from './tokens.ts';
import { analyseUrgency, type UrgencyReading } from './urgency.ts';

export interface MessageReading {
  sentiment: SentimentReading;
  urgency: UrgencyReading;
  language: LanguageCode;
}

/**
 * Sentiment, urgency and language of a message, as the three functions give them, for the cost of one
 * tokenization.
 * @example analyseMessage('Mon vol est annulé !').language // 'fr'
 */
export function analyseMessage(text: string): MessageReading {
  const tokens = tokenize(text);
  return {
    sentiment: analyseSentiment(text, tokens),
    urgency: analyseUrgency(text, tokens),
    language: detectLanguage(text, tokens),
  };
}
