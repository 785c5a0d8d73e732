// The implicit-preference rule, on the README's own example and its edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferPreference, observationsOf } from './preference-inference.ts';

test('an event naming an item yields one observation per categorical property', () => {
  assert.deepEqual(observationsOf({ item: 'Apple', color: 'Red', price: 1.2, order_id: 'o1', organic: true }), [
    { subject: 'apple', attribute: 'color', value: 'red' },
    { subject: 'apple', attribute: 'organic', value: 'true' },
  ]);
  assert.deepEqual(observationsOf({ color: 'red' }), [], 'no subject, no observation');
});

test('three red apples and no other colour: apple.color = red with confidence 0.8', () => {
  const inferred = inferPreference('apple', 'color', [{ value: 'red', count: 3 }]);
  assert.deepEqual(inferred, { key: 'apple.color', value: 'red', confidence: 0.8, support: 3 });
});

test('two observations are not yet a preference', () => {
  assert.equal(inferPreference('apple', 'color', [{ value: 'red', count: 2 }]), null);
});

test('a mixed record is no preference; a dominant one is, with lower confidence', () => {
  const mixed = [
    { value: 'red', count: 3 },
    { value: 'green', count: 2 },
  ];
  assert.equal(inferPreference('apple', 'color', mixed), null);
  const dominant = [
    { value: 'red', count: 8 },
    { value: 'green', count: 1 },
  ];
  assert.deepEqual(inferPreference('apple', 'color', dominant)?.confidence, 0.82);
});
