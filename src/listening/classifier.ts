// A trainable text classifier, for contact reasons and for sentiment: multinomial logistic regression with L2,
// trained by seeded stochastic gradient descent over the tf-idf features of features.ts. It is written here,
// not taken from a library, because it is 100 lines and no maintained npm package trains one on sparse input.
import {
  DEFAULT_FEATURES,
  featureWidth,
  inverseDocumentFrequency,
  vectorise,
  type FeatureSettings,
  type SparseVector,
} from './features.ts';
import { decodeModel, encodeModel, type TextModel } from './model-format.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

export interface LabelledExample {
  text: string;
  label: string;
  /** How much the example counts in training (1 unless given): less for a label its annotators doubted. */
  weight?: number;
}

export interface TrainingOptions {
  /** Seed of the example order; the same seed and examples give the same model. */
  seed?: number;
  /** L2 strength (per example). */
  regularisation?: number;
  /** Passes over the examples. */
  epochs?: number;
  /** Weigh each label inversely to its frequency, so that a rare label counts as much (macro-F1). */
  balanced?: boolean;
  features?: Partial<FeatureSettings>;
}

export const DEFAULT_TRAINING = { seed: 1, regularisation: 1e-5, epochs: 12, balanced: true } as const;

export interface Classification {
  label: string;
  /** The top label's probability: below the caller's threshold, leave the message for a person. */
  confidence: number;
  ranked: { label: string; probability: number }[];
}

/**
 * Trains a classifier on labelled texts (at least two labels).
 * @example const model = trainClassifier([{ text: 'my bag is lost', label: 'baggage' }, …], { seed: 7 });
 */
export function trainClassifier(examples: readonly LabelledExample[], options: TrainingOptions = {}): TextModel {
  const settings: FeatureSettings = { ...DEFAULT_FEATURES, ...options.features };
  const seed = options.seed ?? DEFAULT_TRAINING.seed;
  const lambda = options.regularisation ?? DEFAULT_TRAINING.regularisation;
  const epochs = options.epochs ?? DEFAULT_TRAINING.epochs;
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  if (labels.length < 2) throw new RangeError(`A classifier needs at least two labels; got ${labels.length}`);
  const idf = inverseDocumentFrequency(
    examples.map((example) => example.text),
    settings,
  );
  const vectors = examples.map((example) => vectorise(example.text, settings, idf));
  const targets = examples.map((example) => labels.indexOf(example.label));
  const labelWeights = weighLabels(targets, labels.length, options.balanced ?? DEFAULT_TRAINING.balanced);
  const { weights, bias } = descend(vectors, targets, labels.length, featureWidth(settings), {
    lambda,
    epochs,
    labelWeights,
    random: seededRandom(seed),
    exampleWeights: examples.map((example) => example.weight),
  });
  return encodeModel({ labels, settings, idf, weights, bias, examples: examples.length });
}

/**
 * The labels of a message, most probable first.
 * @example classify(model, 'still waiting for my bag').label // 'Lost Luggage'
 */
export function classify(model: TextModel, text: string): Classification {
  const decoded = decodeModel(model);
  const vector = vectorise(text, decoded.settings, decoded.idf);
  const probabilities = softmax(scores(vector, decoded.weights, decoded.bias, decoded.labels.length));
  const ranked = decoded.labels
    .map((label, index) => ({ label, probability: probabilities[index]! }))
    .sort((a, b) => b.probability - a.probability);
  return { label: ranked[0]!.label, confidence: ranked[0]!.probability, ranked };
}

function weighLabels(targets: readonly number[], labelCount: number, balanced: boolean): Float64Array {
  const weights = new Float64Array(labelCount).fill(1);
  if (!balanced) return weights;
  const counts = new Float64Array(labelCount);
  for (const target of targets) counts[target]! += 1;
  // scikit-learn's 'balanced': n / (labels × count).
  for (let label = 0; label < labelCount; label += 1) {
    weights[label] = counts[label]! > 0 ? targets.length / (labelCount * counts[label]!) : 0;
  }
  return weights;
}

/** Class scores of a vector; weights are laid out feature-major (feature × labels + label). */
function scores(
  vector: SparseVector,
  weights: Float32Array | Float64Array,
  bias: ArrayLike<number>,
  labelCount: number,
) {
  const result = new Float64Array(labelCount);
  for (let label = 0; label < labelCount; label += 1) result[label] = bias[label]!;
  for (let entry = 0; entry < vector.indices.length; entry += 1) {
    const row = vector.indices[entry]! * labelCount;
    const value = vector.values[entry]!;
    for (let label = 0; label < labelCount; label += 1) result[label]! += weights[row + label]! * value;
  }
  return result;
}

function softmax(values: Float64Array): Float64Array {
  const top = Math.max(...values);
  let total = 0;
  const result = values.map((value) => {
    const exponent = Math.exp(value - top);
    total += exponent;
    return exponent;
  });
  return result.map((value) => value / total);
}

interface Descent {
  lambda: number;
  epochs: number;
  labelWeights: Float64Array;
  random: () => number;
  exampleWeights: readonly (number | undefined)[];
}

/**
 * Stochastic gradient descent on the weighted softmax loss with L2, the learning rate decaying as
 * 1 / (λ (t + t0)) (Bottou; scikit-learn's 'optimal'). The L2 shrink of every weight is kept as one scale factor,
 * so that a step touches only the example's features.
 */
function descend(
  vectors: readonly SparseVector[],
  targets: readonly number[],
  labelCount: number,
  width: number,
  descent: Descent,
) {
  const { lambda, epochs, labelWeights, random, exampleWeights } = descent;
  const weights = new Float64Array(width * labelCount);
  const bias = new Float64Array(labelCount);
  let scale = 1;
  // t0 so that the first step is about 0.5 (features are L2-normalised, so gradients are near 1).
  const t0 = 1 / (lambda * 0.5);
  let step = 0;
  const order = vectors.map((_, index) => index);
  const gradient = new Float64Array(labelCount);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const rate = 1 / (lambda * (t0 + step));
      step += 1;
      const vector = vectors[index]!;
      const raw = scores(vector, weights, new Float64Array(labelCount), labelCount);
      for (let label = 0; label < labelCount; label += 1) raw[label] = raw[label]! * scale + bias[label]!;
      const probabilities = softmax(raw);
      const target = targets[index]!;
      const weight = labelWeights[target]! * (exampleWeights[index] ?? 1);
      for (let label = 0; label < labelCount; label += 1) {
        gradient[label] = weight * (probabilities[label]! - (label === target ? 1 : 0));
      }
      scale *= 1 - rate * lambda;
      if (scale < 1e-9) {
        for (let entry = 0; entry < weights.length; entry += 1) weights[entry]! *= scale;
        scale = 1;
      }
      const factor = rate / scale;
      for (let entry = 0; entry < vector.indices.length; entry += 1) {
        const row = vector.indices[entry]! * labelCount;
        const value = vector.values[entry]! * factor;
        for (let label = 0; label < labelCount; label += 1) weights[row + label]! -= gradient[label]! * value;
      }
      // The bias is not regularised, and moves slower: it is shared by every example.
      for (let label = 0; label < labelCount; label += 1) bias[label]! -= 0.1 * rate * gradient[label]!;
    }
  }
  for (let entry = 0; entry < weights.length; entry += 1) weights[entry]! *= scale;
  return { weights: Float32Array.from(weights), bias: Array.from(bias) };
}
