// The figures of a classifier, worked out by hand: precision, recall and F1 per label, their macro average and
// accuracy, on given predictions and by cross-validation on a set whose out-of-fold predictions are certain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossValidate, scoreClassifier, stratifiedFolds } from './evaluation.ts';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('scoreClassifier: per-label precision, recall, F1 and support; macro-F1 and accuracy', () => {
  //            truth: a  a  a  b  b  c
  const truths = ['a', 'a', 'a', 'b', 'b', 'c'];
  const predictions = ['a', 'a', 'b', 'b', 'c', 'c'];
  const score = scoreClassifier(predictions, truths);
  const [a, b, c] = score.perLabel;
  // a: 2 of 2 predicted right (P 1), 2 of 3 found (R 2/3), F1 = 2·1·(2/3) / (1 + 2/3) = 0.8
  assert.deepEqual([a!.label, a!.support], ['a', 3]);
  close(a!.precision, 1);
  close(a!.recall, 2 / 3);
  close(a!.f1, 0.8);
  // b: predicted twice, once right (P 1/2); found 1 of 2 (R 1/2); F1 1/2
  close(b!.precision, 0.5);
  close(b!.recall, 0.5);
  close(b!.f1, 0.5);
  // c: predicted twice, once right (P 1/2); found 1 of 1 (R 1); F1 = 2·0.5·1 / 1.5 = 2/3
  close(c!.precision, 0.5);
  close(c!.recall, 1);
  close(c!.f1, 2 / 3);
  close(score.macroF1, (0.8 + 0.5 + 2 / 3) / 3);
  close(score.accuracy, 4 / 6);
});

test('a label never predicted has precision and F1 0; one predicted but absent stays out of the macro average', () => {
  const score = scoreClassifier(['a', 'a', 'x'], ['a', 'b', 'a']);
  const b = score.perLabel.find((entry) => entry.label === 'b')!;
  assert.deepEqual([b.precision, b.recall, b.f1], [0, 0, 0]);
  // a: P 1/2, R 1/2, F1 1/2; b: 0; x is not a true label.
  close(score.macroF1, 0.25);
  assert.throws(() => scoreClassifier(['a'], []), RangeError);
});

test('stratified folds put every label in every fold, the same way for the same seed', () => {
  const examples = ['a', 'a', 'a', 'b', 'b', 'b'].map((label, index) => ({ text: `${index}`, label }));
  const folds = stratifiedFolds(examples, 3, 9);
  for (const fold of [0, 1, 2]) {
    const labels = examples.filter((_, index) => folds[index] === fold).map((example) => example.label);
    assert.deepEqual(labels.sort(), ['a', 'b']);
  }
  assert.deepEqual(stratifiedFolds(examples, 3, 9), folds);
});

test('crossValidate: three folds over a set whose out-of-fold predictions are certain', () => {
  // Each fold holds one 'refund' and one 'baggage' example. 'luggage' is labelled refund once: trained on the
  // others it is predicted baggage wherever it falls; every other example is predicted right (in the training
  // folds 'luggage' is baggage two times out of three or more, and 'refund' is only ever refund).
  const examples = [
    { text: 'refund', label: 'refund' },
    { text: 'refund', label: 'refund' },
    { text: 'luggage', label: 'refund' },
    { text: 'luggage', label: 'baggage' },
    { text: 'luggage', label: 'baggage' },
    { text: 'luggage', label: 'baggage' },
  ];
  const score = crossValidate(examples, 3, { seed: 4 });
  // Predictions: refund, refund, baggage | baggage × 3.
  // refund: P 2/2, R 2/3, F1 0.8; baggage: P 3/4, R 3/3, F1 = 2·0.75 / 1.75 = 6/7.
  const [baggage, refund] = score.perLabel;
  close(refund!.precision, 1);
  close(refund!.recall, 2 / 3);
  close(baggage!.precision, 0.75);
  close(baggage!.recall, 1);
  close(score.macroF1, (0.8 + 6 / 7) / 2);
  close(score.accuracy, 5 / 6);
  assert.throws(() => crossValidate(examples, 1), /at least 2/);
});
