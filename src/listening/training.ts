// How a company's text model is trained and measured: the settings the eval chose for each kind (eval/tasks.ts),
// the least labels worth training on, and 5-fold cross-validated figures beside the model trained on everything.
// Pure: the worker thread (training-worker.ts) runs it so that the server's event loop is not held.
import { trainClassifier, type LabelledExample, type TrainingOptions } from './classifier.ts';
import { crossValidate, scoreClassifier, type ClassifierScore } from './evaluation.ts';
import { serialiseModel } from './model-format.ts';
import { analyseSentiment } from './sentiment.ts';

export const TEXT_MODEL_KINDS = ['reason', 'sentiment'] as const;
export type TextModelKind = (typeof TEXT_MODEL_KINDS)[number];

const FOLDS = 5;
// A feature seen in one training text only is noise, and dropping them makes a model a third smaller (the eval).
const MIN_DOCUMENTS = 2;

/** The settings `npm run eval` chose by 5-fold cross-validation on the airline tweets (BENCHMARKS.md). */
export const TRAINING_SETTINGS: Readonly<Record<TextModelKind, TrainingOptions>> = {
  reason: { seed: 1, regularisation: 3e-4, features: { minDocuments: MIN_DOCUMENTS } },
  // The baseline's lexicons as <positive>/<negative> words: +0.01 macro-F1 measured on sentiment.
  sentiment: { seed: 1, regularisation: 3e-5, features: { lexiconPolarity: true, minDocuments: MIN_DOCUMENTS } },
};

/** Below this, cross-validation has fewer examples of a label than folds and its figures mean nothing. */
export const MIN_LABELS = 2;
export const MIN_EXAMPLES_PER_LABEL = FOLDS;

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;

export interface TextModelMetrics extends ClassifierScore {
  /** Sentiment only: the offline baseline's macro-F1 on the same texts, which a trained model must beat. */
  baselineMacroF1?: number;
}

export interface TrainedTextModel {
  metrics: TextModelMetrics;
  /** serialiseModel's JSON of the model trained on every example. */
  model: string;
  examples: number;
}

/** How many examples each label has, most first. */
export function countLabels(examples: readonly LabelledExample[]): Array<{ label: string; examples: number }> {
  const counts = new Map<string, number>();
  for (const example of examples) counts.set(example.label, (counts.get(example.label) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, examples: count }))
    .sort((a, b) => b.examples - a.examples || a.label.localeCompare(b.label));
}

/**
 * Why these examples are too few to train on, or null when they are enough: at least MIN_LABELS labels with
 * MIN_EXAMPLES_PER_LABEL examples each (a label with fewer is left out of training, not an error by itself).
 */
export function tooFewLabels(examples: readonly LabelledExample[]): string | null {
  const counts = countLabels(examples);
  const usable = counts.filter((count) => count.examples >= MIN_EXAMPLES_PER_LABEL);
  if (usable.length >= MIN_LABELS) return null;
  const found = counts.length ? counts.map((count) => `${count.label} ${count.examples}`).join(', ') : 'none';
  return (
    `Too few labels to train on: at least ${MIN_LABELS} labels with ${MIN_EXAMPLES_PER_LABEL} examples each are needed, ` +
    `${usable.length} ${usable.length === 1 ? 'has' : 'have'} enough (${examples.length} examples: ${found})`
  );
}

/** The examples of the labels that have enough of them: a label seen twice cannot be cross-validated. */
export function trainableExamples(examples: readonly LabelledExample[]): LabelledExample[] {
  const enough = new Set(
    countLabels(examples)
      .filter((count) => count.examples >= MIN_EXAMPLES_PER_LABEL)
      .map((count) => count.label),
  );
  return examples.filter((example) => enough.has(example.label));
}

/**
 * Cross-validates and trains a model of `kind` on the examples (those of labels with enough of them); for
 * sentiment, also scores the baseline on the same texts. Throws a RangeError when there are too few.
 * @example const { metrics, model } = trainTextModelOn('reason', examples); metrics.macroF1
 */
export function trainTextModelOn(kind: TextModelKind, examples: readonly LabelledExample[]): TrainedTextModel {
  const refusal = tooFewLabels(examples);
  if (refusal) throw new RangeError(refusal);
  const training = trainableExamples(examples);
  const options = TRAINING_SETTINGS[kind];
  const metrics: TextModelMetrics = crossValidate(training, FOLDS, options);
  if (kind === 'sentiment') {
    metrics.baselineMacroF1 = scoreClassifier(
      training.map((example) => analyseSentiment(example.text).label),
      training.map((example) => example.label),
    ).macroF1;
  }
  return { metrics, model: serialiseModel(trainClassifier(training, options)), examples: training.length };
}
