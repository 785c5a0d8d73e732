// What listening read in a customer's words, under them: sentiment with its score, urgency, the contact reason
// (and whether a trained model or keywords found it), and the language when it is not English.
import { humanize } from '../labels.ts';
import type { Interaction } from '../api/types.ts';

type Insight = NonNullable<Interaction['insight']>;

const SENTIMENT_LABELS: Record<Insight['sentiment'], string> = {
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
};

export function InsightLine({ insight }: { insight: Insight }) {
  const reasonBy =
    insight.reasonConfidence === null
      ? 'found by keywords'
      : `model, ${Math.round(insight.reasonConfidence * 100)}% sure`;
  return (
    <p className="insight-line" data-testid="insight">
      <span className={`insight-sentiment sentiment-${insight.sentiment}`} title={`Score ${insight.sentimentScore}`}>
        {SENTIMENT_LABELS[insight.sentiment]}
      </span>
      {insight.urgent && (
        <span className="insight-urgent" title={`Urgency ${insight.urgencyScore}`}>
          Urgent
        </span>
      )}
      {insight.reason && (
        <span className="insight-reason" title={reasonBy}>
          {humanize(insight.reason)}
        </span>
      )}
      {insight.language !== 'en' && insight.language !== 'und' && (
        <span className="insight-language">Language: {insight.language}</span>
      )}
    </p>
  );
}
