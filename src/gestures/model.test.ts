// The empowerment rules on their own: defaults, which limit a gesture breaks, and whose day it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayAround, limitBroken, resolveLimits } from './model.ts';

test('defaults: a case may get one full gesture, a day five; none set means everything with an amount waits', () => {
  assert.deepEqual(resolveLimits('USD', { perGesture: 5000, perCase: null, perDay: null }), {
    currency: 'USD',
    perGesture: 5000,
    perCase: 5000,
    perDay: 25000,
    perCaseIsDefault: true,
    perDayIsDefault: true,
  });
  const none = resolveLimits('EUR', null);
  assert.equal(limitBroken(1, none, { onCase: 0, today: 0 }), 'gesture_limit');
  assert.equal(limitBroken(0, none, { onCase: 0, today: 0 }), null, 'a hand-written note needs no approval');
});

test('the whole gesture is checked against the gesture, the case total and the day total, in that order', () => {
  const limits = resolveLimits('USD', { perGesture: 5000, perCase: 8000, perDay: 10000 });
  assert.equal(limitBroken(5000, limits, { onCase: 0, today: 0 }), null);
  assert.equal(limitBroken(5001, limits, { onCase: 0, today: 0 }), 'gesture_limit');
  assert.equal(limitBroken(3000, limits, { onCase: 5000, today: 5000 }), null, 'exactly up to a total is within it');
  assert.equal(limitBroken(3001, limits, { onCase: 5000, today: 5000 }), 'case_limit');
  assert.equal(limitBroken(2000, limits, { onCase: 0, today: 8001 }), 'day_limit');
  assert.equal(limitBroken(2000, limits, { onCase: 0 }), null, 'an approval does not consider the day');
});

test("the day is the team's local day", () => {
  const at = Date.parse('2026-03-10T02:00:00Z');
  assert.deepEqual(dayAround(at, 'UTC'), [Date.parse('2026-03-10T00:00:00Z'), Date.parse('2026-03-11T00:00:00Z')]);
  // 02:00 UTC is still the 9th in New York.
  assert.deepEqual(dayAround(at, 'America/New_York'), [
    Date.parse('2026-03-09T04:00:00Z'),
    Date.parse('2026-03-10T04:00:00Z'),
  ]);
});
