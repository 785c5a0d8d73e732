// How well labels were predicted: per-label precision, recall and F1, their macro average and accuracy, on a
// held-out set or by stratified, seeded k-fold cross-validation on the training examples.
import { trainClassifier, classify, type LabelledExample, type TrainingOptions } from './classifier.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

export interface LabelScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** How many examples truly have the label. */
  support: number;
}

export interface ClassifierScore {
  perLabel: LabelScore[];
  /** The unweighted mean of the labels' F1: a rare label counts as much as a common one. */
  macroF1: number;
  accuracy: number;
}

/**
 * Scores predictions against the truth, position by position. Labels are those of either list; a label never
 * predicted has precision 0 (and so F1 0), as scikit-learn's zero_division=0.
 * @example scoreClassifier(['a', 'b'], ['a', 'a']).accuracy // 0.5
 */
export function scoreClassifier(predictions: readonly string[], truths: readonly string[]): ClassifierScore {
  if (predictions.length !== truths.length) {
    throw new RangeError(`${predictions.length} predictions for ${truths.length} truths`);
  }
  const labels = [...new Set([...truths, ...predictions])].sort();
  const perLabel = labels.map((label) => {
    let truePositives = 0;
    let predicted = 0;
    let support = 0;
    for (let index = 0; index < truths.length; index += 1) {
      const isPredicted = predictions[index] === label;
      const isTrue = truths[index] === label;
      if (isPredicted) predicted += 1;
      if (isTrue) support += 1;
      if (isPredicted && isTrue) truePositives += 1;
    }
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  // Macro over the true labels only: a label that was predicted but never occurs has no recall to average.
  const present = perLabel.filter((score) => score.support > 0);
  const macroF1 = present.length === 0 ? 0 : present.reduce((sum, score) => sum + score.f1, 0) / present.length;
  const correct = predictions.filter((prediction, index) => prediction === truths[index]).length;
  return { perLabel, macroF1, accuracy: truths.length === 0 ? 0 : correct / truths.length };
}

/**
 * Stratified k-fold cross-validation: each label's examples are shuffled (seeded) and dealt round the folds,
 * a classifier is trained on k−1 folds and predicts the last; the figures are over all out-of-fold predictions.
 * @example crossValidate(examples, 5, { seed: 7 }).macroF1
 */
export function crossValidate(
  examples: readonly LabelledExample[],
  k: number,
  options: TrainingOptions = {},
): ClassifierScore {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer of at least 2, not ${k}`);
  const folds = stratifiedFolds(examples, k, options.seed ?? 1);
  const predictions: string[] = new Array(examples.length);
  for (let fold = 0; fold < k; fold += 1) {
    const training = examples.filter((_, index) => folds[index] !== fold);
    const model = trainClassifier(training, options);
    for (const [index, example] of examples.entries()) {
      if (folds[index] === fold) predictions[index] = classify(model, example.text).label;
    }
  }
  return scoreClassifier(
    predictions,
    examples.map((example) => example.label),
  );
}

/** The fold of each example: every label's examples shuffled, then dealt in turn. */
export function stratifiedFolds(examples: readonly LabelledExample[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  for (const [index, example] of examples.entries()) {
    const indices = byLabel.get(example.label) ?? [];
    indices.push(index);
    byLabel.set(example.label, indices);
  }
  const folds: number[] = new Array(examples.length);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const index of shuffleInPlace(byLabel.get(label)!, random)) {
      folds[index] = next % k;
      next += 1;
    }
  }
  return folds;
}
