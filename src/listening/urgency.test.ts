// Urgency on hand-written messages: the cues of time pressure make a message urgent, a calm one stays calm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseUrgency } from './urgency.ts';

test('deadlines and asking for speed are urgent', () => {
  for (const text of [
    'need help asap',
    'URGENT: my passport is in the lost bag',
    'my flight is in 2 hours and the desk is closed',
    'boarding in 20 mins and I have no seat',
    'stuck at the gate with no crew',
    'I need this sorted today, my connection leaves now',
  ]) {
    assert.equal(analyseUrgency(text).urgent, true, text);
  }
});

test('contacting again and waiting that goes on add up to urgent', () => {
  assert.equal(analyseUrgency('third time I write about my refund, still nothing').urgent, true);
  assert.equal(analyseUrgency('on hold for 45 minutes, again').urgent, true);
});

test('a calm message is not urgent, and one weak cue alone is not enough', () => {
  for (const text of [
    'thanks for the lovely flight',
    'how do I change my seat?',
    'what is the baggage allowance today',
  ]) {
    assert.equal(analyseUrgency(text).urgent, false, text);
  }
  assert.equal(analyseUrgency('thanks for the lovely flight').score, 0);
});

test('more pressure, a higher score, never above 1', () => {
  const mild = analyseUrgency('still waiting').score;
  const strong = analyseUrgency('still waiting, stuck at the airport, flight in 1 hour, help asap!!').score;
  assert.ok(mild < strong);
  assert.ok(strong <= 1);
});
