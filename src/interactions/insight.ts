// What listening reads in an interaction's text, kept with it: which interactions are listened to (a customer's
// words and notes about her, not what we sent), and the reading in the shape the timeline shows.
import { analyseMessage } from '../listening/index.ts';
import type { IncomingEvent, Insight } from './model.ts';

/** A contact reason as found for a text: by a trained model (with its confidence) or by keywords (null). */
export interface FoundReason {
  reason: string;
  confidence: number | null;
}

/**
 * Whether an interaction's text is listened to: the customer's own words (messages, posts, survey comments,
 * call summaries) and notes from any department; not what the company sent, and not an empty text.
 */
export function isListenedTo(
  event: Pick<IncomingEvent, 'text' | 'direction'>,
): event is { text: string } & typeof event {
  return event.direction !== 'outbound' && typeof event.text === 'string' && event.text.trim().length > 0;
}

/** The baseline's reading of a text, with the reason found for it. */
export function readInsight(text: string, found: FoundReason | null): Insight {
  const { sentiment, urgency, language } = analyseMessage(text);
  return {
    sentiment: sentiment.label,
    sentimentScore: round(sentiment.score),
    urgent: urgency.urgent,
    urgencyScore: round(urgency.score),
    language,
    reason: found?.reason ?? null,
    reasonConfidence: found?.confidence === null || found === null ? null : round(found.confidence),
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
