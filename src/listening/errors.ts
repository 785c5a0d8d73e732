// The refusals of the listening capability: training on too few labels, a model that is not there.
import { defineErrors } from '../shared/errors.ts';

export const listeningErrors = defineErrors('listening', {
  /** Fewer labels, or fewer examples of them, than a model can be trained and measured on. */
  too_few_labels: 'unprocessable',
  /** A sentiment example labelled other than negative, neutral or positive (the baseline's labels). */
  unknown_sentiment_label: 'invalid',
  model_not_found: 'not_found',
});
