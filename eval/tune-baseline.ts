// `npx tsx eval/tune-baseline.ts`: chooses the sentiment baseline's neutral band on the training part of the
// airline tweets only (the test part is never read here), by the best macro-F1 over a grid of band edges.
// The result is copied by hand into NEUTRAL_BAND (src/listening/sentiment.ts), with the date.
import { labelOfScore, readSentimentSignals, scoreClassifier } from '../src/listening/index.ts';
import { AIRLINE_TWEETS, readRows, sharedDataDir, splitAirlineTweets } from './data.ts';

const rows = readRows(sharedDataDir(), AIRLINE_TWEETS);
if (!rows) {
  process.stderr.write(`No ${AIRLINE_TWEETS} in ${sharedDataDir()}; nothing to tune.\n`);
} else {
  const { train } = splitAirlineTweets(rows, 'sentiment');
  const scores = train.map((example) => readSentimentSignals(example.text).score);
  const truths = train.map((example) => example.label);
  let best = { macroF1: 0, below: 0, above: 0 };
  for (let below = -60; below <= 30; below += 2) {
    for (let above = below; above <= 80; above += 2) {
      const band = { below: below / 100, above: above / 100 };
      const { macroF1 } = scoreClassifier(
        scores.map((score) => labelOfScore(score, band)),
        truths,
      );
      if (macroF1 > best.macroF1) best = { macroF1, ...band };
    }
  }
  process.stdout.write(
    `neutral band on ${train.length} training tweets: below ${best.below}, above ${best.above} (macro-F1 ${best.macroF1.toFixed(3)})\n`,
  );
}
