// The classifier trained on a small hand-made set of contact reasons: it predicts the reason of sentences it
// has not seen, gives the same model for the same seed, and survives being stored and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, trainClassifier } from './classifier.ts';
import { ModelFormatError, parseModel, serialiseModel } from './model-format.ts';

const REASONS = [
  { text: 'my bag did not arrive in Boston', label: 'baggage' },
  { text: 'lost luggage, nobody knows where my suitcase is', label: 'baggage' },
  { text: 'you lost my bag again', label: 'baggage' },
  { text: 'my suitcase came back broken', label: 'baggage' },
  { text: 'where is my luggage? three days now', label: 'baggage' },
  { text: 'flight delayed four hours with no information', label: 'delay' },
  { text: 'why is my flight late again', label: 'delay' },
  { text: 'delayed at the gate for two hours', label: 'delay' },
  { text: 'another delay, I will miss my meeting', label: 'delay' },
  { text: 'the plane is late and the crew is not here', label: 'delay' },
  { text: 'I want a refund for my cancelled ticket', label: 'refund' },
  { text: 'when do I get my money back', label: 'refund' },
  { text: 'please refund the seat I paid for', label: 'refund' },
  { text: 'still no refund after six weeks', label: 'refund' },
  { text: 'charged twice, I need my money back', label: 'refund' },
];

test('a classifier trained on a few reasons predicts the reason of a sentence it has not seen', () => {
  const model = trainClassifier(REASONS, { seed: 3 });
  assert.deepEqual(model.labels, ['baggage', 'delay', 'refund']);
  assert.equal(classify(model, 'my luggage never showed up').label, 'baggage');
  assert.equal(classify(model, 'the flight is delayed again').label, 'delay');
  assert.equal(classify(model, 'I would like my money refunded').label, 'refund');
});

test('a prediction ranks every label with probabilities that add up to one; its confidence is the top one', () => {
  const model = trainClassifier(REASONS, { seed: 3 });
  const result = classify(model, 'lost my suitcase');
  assert.equal(result.ranked.length, 3);
  assert.equal(result.ranked[0]!.label, result.label);
  assert.equal(result.confidence, result.ranked[0]!.probability);
  assert.ok(Math.abs(result.ranked.reduce((sum, entry) => sum + entry.probability, 0) - 1) < 1e-9);
  // A message about none of them is less sure than one about a trained reason: the caller leaves it to a person.
  assert.ok(classify(model, 'hello').confidence < result.confidence);
});

test('the same examples and seed give the same model; another seed another order', () => {
  const first = serialiseModel(trainClassifier(REASONS, { seed: 5 }));
  assert.equal(serialiseModel(trainClassifier(REASONS, { seed: 5 })), first);
  assert.notEqual(serialiseModel(trainClassifier(REASONS, { seed: 6 })), first);
});

test('a model round-trips through JSON and predicts the same', () => {
  const model = trainClassifier(REASONS, { seed: 3, features: { sentimentSignals: true } });
  const json = serialiseModel(model);
  const back = parseModel(json);
  assert.deepEqual(back, JSON.parse(json));
  for (const text of ['bag is missing', 'delayed again', 'refund me']) {
    assert.deepEqual(classify(back, text), classify(model, text));
  }
});

test('a model of another format, or a damaged one, is refused with a clear error', () => {
  const model = JSON.parse(serialiseModel(trainClassifier(REASONS, { seed: 3 })));
  assert.throws(
    () => parseModel(JSON.stringify({ ...model, format: 2 })),
    (error: Error) => {
      assert.ok(error instanceof ModelFormatError);
      assert.match(error.message, /format 2; this version of Rapport reads format 1/);
      return true;
    },
  );
  assert.throws(() => parseModel('not json'), ModelFormatError);
  assert.throws(() => parseModel(JSON.stringify({ ...model, labels: ['only'] })), /not a valid/);
  assert.throws(() => parseModel(JSON.stringify({ ...model, weights: 'AAAA' })), /weights do not match/);
});

test('training needs two labels', () => {
  assert.throws(() => trainClassifier([{ text: 'a', label: 'x' }]), /at least two labels/);
});
