// The listening capability's front door: what a message says about the customer (sentiment, urgency, language)
// and a classifier a company trains on its own labels (contact reasons, sentiment). The rules over text are pure;
// the trained versions, and which one is in use, are kept in the database (text_models).

/**
 * Tokens of customer language (mentions, links, hashtags, emoji, emoticons, shouting, stretching, negation).
 * @example tokenize("I'm NOT happy :(").map((token) => token.text) // ['i', 'am', 'not', 'happy', ':(']
 */
export { tokenize, NEGATORS, type Token, type TokenKind } from './tokens.ts';

/**
 * The offline sentiment baseline (VADER-style rules over packaged lexicons and service-complaint phrases).
 * @example analyseSentiment('great, another delay #fail') // { label: 'negative', score: -0.6… }
 */
export {
  analyseSentiment,
  labelOfScore,
  readSentimentSignals,
  NEUTRAL_BAND,
  type SentimentLabel,
  type SentimentReading,
  type SentimentSignals,
} from './sentiment.ts';

/**
 * Time pressure in a message.
 * @example analyseUrgency('stuck at the gate and my flight leaves in 2 hours').urgent // true
 */
export { analyseUrgency, type UrgencyReading } from './urgency.ts';

/**
 * The language of a short message, ISO 639-1 or 'und'.
 * @example detectLanguage('Mon vol a été annulé') // 'fr'
 */
export { detectLanguage, type LanguageCode } from './language.ts';

/**
 * Sentiment, urgency and language together, the message cut into tokens once.
 * @example const { sentiment, urgency, language } = analyseMessage(text);
 */
export { analyseMessage, type MessageReading } from './message.ts';

/**
 * A linear text classifier trained on a company's own labels; below a confidence the caller chooses, leave the
 * message for a person.
 * @example
 * const model = trainClassifier(examples, { seed: 7 });
 * const { label, confidence } = classify(model, 'my bag never arrived');
 * if (confidence < 0.6) askAPerson();
 */
export {
  trainClassifier,
  classify,
  DEFAULT_TRAINING,
  type Classification,
  type LabelledExample,
  type TrainingOptions,
} from './classifier.ts';

/** What the classifier reads of a message. */
export { DEFAULT_FEATURES, type FeatureSettings } from './features.ts';

/**
 * A trained model as JSON and back; a model of another format is refused with a ModelFormatError.
 * @example const model = parseModel(serialiseModel(trainClassifier(examples)));
 */
export {
  serialiseModel,
  parseModel,
  ModelFormatError,
  MODEL_FORMAT,
  type TextModel,
} from './model-format.ts';

/**
 * Figures of a classifier: on a held-out set, or by stratified, seeded k-fold cross-validation.
 * @example crossValidate(examples, 5, { seed: 7 }).macroF1
 */
export {
  scoreClassifier,
  crossValidate,
  type ClassifierScore,
  type LabelScore,
} from './evaluation.ts';

/**
 * The keyword guesser of the contact reason: the offline rule before any reason model is trained.
 * @example guessReason('my parcel never arrived') // 'delivery'
 */
export { guessReason } from './reason-keywords.ts';

/**
 * The model in use for a kind, parsed once per connection and re-read only when another version is activated
 * (one indexed SELECT a call); and a message's reason from it, or from the keywords when no model is active.
 * @example
 * const sentimentModel = await activeTextModel(db, 'sentiment'); // null: the offline baseline applies
 * const reading = await classifyReason(db, text, { threshold: 0.5 }); // null: leave it to a person
 */
export {
  activeTextModel,
  classifyReason,
  DEFAULT_REASON_THRESHOLD,
  type ReasonReading,
} from './active-model.ts';

/**
 * Training a company's text models and choosing the one in use.
 * @example const { model, activated, verdict } = await trainTextModel(db, { kind: 'reason', examples, trainedOn: 'cases', createdBy: null });
 */
export {
  trainTextModel,
  activateTextModel,
  deactivateTextModel,
  listTextModels,
  type TrainingOutcome,
  type TrainingRequest,
} from './service.ts';
export type { TextModelRecord } from './models-store.ts';
export {
  TEXT_MODEL_KINDS,
  MIN_LABELS,
  MIN_EXAMPLES_PER_LABEL,
  type TextModelKind,
  type TextModelMetrics,
} from './training.ts';
export { listeningErrors } from './errors.ts';
