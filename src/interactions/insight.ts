// What listening reads in an interaction's text, kept with it: which interactions are listened to (a customer's
// words and notes about her, not what we sent), and the reading in the shape the timeline shows.
import { analyseMessage, classify, type TextModel } from '../listening/index.ts';
import { type IncomingEvent, type Insight, SENTIMENTS } from './model.ts';

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

/** The words read: an email's subject says as much as its body ("Refund still missing"), so it is read with it. */
export function listenedText(event: { text: string; properties: Record<string, unknown> }): string {
  const subject = event.properties.subject;
  return typeof subject === 'string' && subject.trim() ? `${subject.trim()}\n${event.text}` : event.text;
}

/**
 * The reading of a text: sentiment by the company's active sentiment model when there is one (its score is
 * P(positive) − P(negative)), else by the offline baseline; urgency and language by the baseline; the reason
 * found for it.
 */
export function readInsight(text: string, found: FoundReason | null, sentimentModel: TextModel | null = null): Insight {
  const { sentiment: baseline, urgency, language } = analyseMessage(text);
  const sentiment = (sentimentModel && modelSentiment(sentimentModel, text)) ?? baseline;
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

/** The model's sentiment, or null when its labels are not the three sentiments (a file of other labels). */
function modelSentiment(model: TextModel, text: string): { label: Insight['sentiment']; score: number } | null {
  const { label, ranked } = classify(model, text);
  if (!(SENTIMENTS as readonly string[]).includes(label)) return null;
  const probability = (of: string) => ranked.find((entry) => entry.label === of)?.probability ?? 0;
  return { label: label as Insight['sentiment'], score: probability('positive') - probability('negative') };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
