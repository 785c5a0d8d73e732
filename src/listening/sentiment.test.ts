// The sentiment baseline on hand-written messages, one linguistic rule a case: each says which label (or which
// ordering of scores) the rule must produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseSentiment, labelOfScore, NEUTRAL_BAND } from './sentiment.ts';

const label = (text: string) => analyseSentiment(text).label;
const score = (text: string) => analyseSentiment(text).score;

test('negation turns a word round: "not bad at all" is not negative, "I\'m NOT happy" is', () => {
  assert.notEqual(label('not bad at all'), 'negative');
  assert.equal(label("I'm NOT happy"), 'negative');
  assert.ok(score('the crew was not friendly') < 0);
});

test('a held word is a stronger word: "soooo good" is positive, "laaate" worse than "late"', () => {
  assert.equal(label('soooo good'), 'positive');
  assert.ok(score('laaaate again') < score('late again'));
});

test('irony against a grievance: "great, another delay #fail" is negative', () => {
  assert.equal(label('great, another delay #fail'), 'negative');
});

test('emoji carry sentiment: 😡 negative, 🙏❤️ positive', () => {
  assert.equal(label('😡'), 'negative');
  assert.equal(label('🙏❤️'), 'positive');
});

test('emoticons carry sentiment: ":(" negative, ":)" and "<3" positive', () => {
  assert.equal(label(':('), 'negative');
  assert.equal(label(":'("), 'negative');
  assert.equal(label(':)'), 'positive');
  assert.equal(label('<3'), 'positive');
});

test('thanks are positive, a link alone is neutral, a mention adds nothing', () => {
  assert.equal(label('@united thanks!'), 'positive');
  assert.deepEqual(analyseSentiment('https://t.co/abc123'), { label: 'neutral', score: 0 });
  assert.equal(label('@united what time does the flight leave?'), 'neutral');
});

test('intensifiers strengthen and diminishers weaken: "very late" < "late" < "slightly late"', () => {
  assert.ok(score('very late') < score('late'));
  assert.ok(score('extremely rude staff') < score('rude staff'));
  assert.ok(score('late') < score('slightly late'));
});

test('capitals in a mixed message shout: "the flight is LATE" is worse than "the flight is late"', () => {
  assert.ok(score('the flight is LATE') < score('the flight is late'));
});

test('"but": the clause after it weighs more', () => {
  assert.equal(label('the crew was nice but the flight was delayed 3 hours'), 'negative');
  assert.equal(label('the flight was delayed but the crew was amazing'), 'positive');
});

test('an exclamation strengthens, a question weakens', () => {
  assert.ok(score('this is ridiculous!') < score('this is ridiculous'));
  assert.ok(score('this is ridiculous?') > score('this is ridiculous'));
});

test('service complaints are negative even without a sentiment word', () => {
  for (const text of [
    'still waiting for my bag',
    'on hold for 2 hours',
    'you lost my bag',
    'Cancelled Flight again',
    'my flight is delayed',
    'no one answers the phone',
    'thanks for nothing',
    'never again',
    'stuck in Denver',
    'missed my connection because of you',
    'I want a refund',
    'worst airline',
    'this is a #fail',
  ]) {
    assert.equal(label(text), 'negative', text);
  }
});

test('praise of the service is positive', () => {
  for (const text of ['thank you for the great service', 'landed early, love it', 'kudos to the crew']) {
    assert.equal(label(text), 'positive', text);
  }
});

test('the neutral band decides the label of a score', () => {
  assert.equal(labelOfScore(NEUTRAL_BAND.above + 0.01), 'positive');
  assert.equal(labelOfScore(NEUTRAL_BAND.below - 0.01), 'negative');
  assert.equal(labelOfScore(0), 'neutral');
  assert.equal(labelOfScore(0.5, { below: -0.6, above: 0.6 }), 'neutral');
});

test('scores stay within −1 … 1', () => {
  assert.ok(score('worst worst worst awful horrible terrible 😡😡😡!!!!') >= -1);
  assert.ok(score('best best best love love amazing 😍😍😍!!!!') <= 1);
});
