// The thank-you promise over the combinations that made it contradict itself: outside hours, Friday
// evening, a holiday, a small sample, fast replies just before closing time, around the clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Calendar } from '../../sla/business-hours.ts';
import { MIN_SAMPLE, humanDuration, median, replyPromise, roundUpForWords, typicalReply } from './model.ts';

const OFFICE: Calendar = {
  timezone: 'UTC',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: ['2026-12-25'],
};
const PARIS: Calendar = { ...OFFICE, timezone: 'Europe/Paris', holidays: [] };
const ALWAYS: Calendar = { timezone: 'UTC', hours: {}, holidays: [] };

const at = (iso: string) => Date.parse(iso);
const sample = (minutes: number, count = MIN_SAMPLE) => Array.from({ length: count }, () => minutes);

/** The "usually" figure and the promised moment agree: the moment is that many opening minutes after the start. */
function promise(now: string, typicalMinutes: number[], target: number | null, calendar = OFFICE) {
  return replyPromise(at(now), typicalReply(typicalMinutes, target, calendar), calendar);
}

test('the typical time is the median of at least 20 answered cases, else the SLA target, else nothing', () => {
  assert.deepEqual(typicalReply(sample(3), 240, OFFICE), { minutes: 3, basis: 'median', sampleSize: 20 });
  assert.deepEqual(
    typicalReply(sample(3, 19), 240, OFFICE),
    { minutes: 240, basis: 'target', sampleSize: 0 },
    'too few replies to speak for us',
  );
  assert.equal(typicalReply([], null, OFFICE), null);
  assert.equal(median([5, 1, 3, 100]), 4);
  const noPromise = replyPromise(at('2026-12-01T10:00:00Z'), null, OFFICE);
  assert.equal(noPromise.sentence, null);
  assert.equal(noPromise.basis, 'none');
});

test('open, and the reply fits before closing: the clock time is now plus the typical time', () => {
  const fast = promise('2026-12-01T10:00:00Z', sample(3), 240);
  assert.equal(fast.usually, 'within 3 min');
  assert.equal(fast.when, 'by 10:05 UTC');
  assert.equal(fast.sentence, 'We usually reply within 3 min, so you will hear from us by 10:05 UTC.');
  const slower = promise('2026-12-01T10:00:00Z', sample(100), null);
  assert.equal(slower.usually, 'within 2 h', '100 minutes are said, and counted, as 2 h (rounded up, never down)');
  assert.equal(slower.when, 'by 12:00 UTC');
});

test('the old contradiction: "within 3 min" after hours says when we open, not "tomorrow" beside "3 min"', () => {
  const evening = promise('2026-12-01T20:00:00Z', sample(3), null); // a Tuesday evening
  assert.equal(
    evening.sentence,
    'We are closed now. During our opening hours we usually reply within 3 min, so you will hear from us tomorrow by 09:05 UTC.',
  );
  const early = promise('2026-12-01T07:00:00Z', sample(30), null);
  assert.equal(early.when, 'today by 09:30 UTC', 'before opening on a working day');
});

test('Friday evening and the weekend: by Monday', () => {
  const friday = promise('2026-12-04T18:30:00Z', sample(60), null);
  assert.equal(friday.when, 'by Monday 10:00 UTC');
  assert.equal(friday.expectedAt, at('2026-12-07T10:00:00Z'));
  assert.match(
    friday.sentence!,
    /^We are closed now\. During our opening hours we usually reply within 1 h, so you will hear from us by Monday 10:00 UTC\.$/,
  );
  const sunday = promise('2026-12-06T12:00:00Z', sample(60), null);
  assert.equal(sunday.when, 'tomorrow by 10:00 UTC');
});

test('fast replies just before closing time carry over to the next opening, and the sentence says why', () => {
  const closing = promise('2026-12-04T16:50:00Z', sample(30), null); // Friday, ten minutes before closing
  assert.equal(closing.expectedAt, at('2026-12-07T09:20:00Z'), '10 minutes on Friday, 20 on Monday');
  assert.equal(
    closing.sentence,
    'During our opening hours we usually reply within 30 min, so you will hear from us by Monday 09:20 UTC.',
  );
});

test('a holiday is skipped like a weekend', () => {
  const christmasEve = promise('2026-12-24T18:00:00Z', sample(120), null); // Thursday evening; Friday 25th is a holiday
  assert.equal(christmasEve.when, 'by Monday 11:00 UTC');
});

test("the team's time zone, named so the customer can place the time", () => {
  const paris = promise('2026-12-01T17:30:00Z', sample(45), null, PARIS); // 18:30 in Paris: closed
  assert.equal(paris.when, 'tomorrow by 09:45 GMT+1');
});

test('a slow SLA target, in opening hours: hours, never an ambiguous "day"', () => {
  const target = promise('2026-12-01T10:00:00Z', [], 24 * 60);
  assert.equal(target.usually, 'within 24 h');
  assert.equal(target.basis, 'target');
  assert.equal(target.expectedAt, at('2026-12-04T10:00:00Z'), 'three eight-hour days later');
  assert.equal(target.when, 'by Friday 10:00 UTC');
});

test('around the clock, the wall clock is the business clock', () => {
  const night = promise('2026-12-01T23:30:00Z', sample(90), null, ALWAYS);
  assert.equal(night.usually, 'within 1½ h');
  assert.equal(night.sentence, 'We usually reply within 1½ h, so you will hear from us tomorrow by 01:00 UTC.');
  assert.equal(humanDuration(roundUpForWords(50 * 60, true), true), '3 days');
});
