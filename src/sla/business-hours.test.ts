// Business-hours arithmetic: weekends, holidays, time zones and daylight-saving changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { addBusinessMinutes, businessMillisBetween, isOpenAt, nextOpening, type Calendar } from './business-hours.ts';
import { openingDueTimes, nextResponseDueAt, resumedDueAt, type SlaClock } from './policy.ts';

const weekdays = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } as Calendar['hours'];
const paris: Calendar = { timezone: 'Europe/Paris', hours: weekdays, holidays: ['2026-12-25'] };
const at = (iso: string, zone = 'Europe/Paris') => DateTime.fromISO(iso, { zone }).toMillis();
const show = (ms: number, zone = 'Europe/Paris') => DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");

test('an hour-long target from Friday 16:30 is due Monday 09:30', () => {
  assert.equal(show(addBusinessMinutes(at('2026-11-27T16:30'), 60, paris)), 'Mon 2026-11-30 09:30');
});

test('a message at night starts the clock at the next opening', () => {
  assert.equal(show(addBusinessMinutes(at('2026-11-24T22:00'), 30, paris)), 'Wed 2026-11-25 09:30');
  assert.equal(show(nextOpening(at('2026-11-28T10:00'), paris)!), 'Mon 2026-11-30 09:00');
});

test('holidays are skipped', () => {
  assert.equal(show(addBusinessMinutes(at('2026-12-24T16:00'), 120, paris)), 'Mon 2026-12-28 10:00');
});

test('split days (lunch break) and the clock across them', () => {
  const lunch: Calendar = { timezone: 'UTC', hours: { mon: [['09:00', '12:00'], ['13:00', '17:00']] }, holidays: [] };
  assert.equal(show(addBusinessMinutes(at('2026-11-23T11:30', 'UTC'), 60, lunch), 'UTC'), 'Mon 2026-11-23 13:30');
  assert.equal(businessMillisBetween(at('2026-11-23T11:00', 'UTC'), at('2026-11-23T14:00', 'UTC'), lunch), 2 * 3_600_000);
});

test('daylight saving: a working day that spans the change still has its local hours', () => {
  // Europe/Paris leaves summer time on Sunday 2026-10-25; Monday opens at 09:00 local, 08:00 UTC.
  assert.equal(new Date(addBusinessMinutes(at('2026-10-23T16:00'), 120, paris)).toISOString(), '2026-10-26T09:00:00.000Z');
});

test('a calendar with no hours is always open', () => {
  const always: Calendar = { timezone: 'UTC', hours: {}, holidays: [] };
  assert.equal(addBusinessMinutes(1000, 1, always), 61_000);
  assert.ok(isOpenAt(0, always));
});

test('isOpenAt respects hours and holidays', () => {
  assert.ok(isOpenAt(at('2026-11-24T10:00'), paris));
  assert.ok(!isOpenAt(at('2026-11-24T18:00'), paris));
  assert.ok(!isOpenAt(at('2026-12-25T10:00'), paris));
});

test('SLA due times per priority, and the next-response clock', () => {
  const clock: SlaClock = {
    policy: { id: 'p', name: 'Standard', businessHoursOnly: true, targets: { normal: { firstResponse: 120, resolution: 60 * 16, nextResponse: 240 } } },
    calendar: paris,
  };
  const opened = at('2026-11-24T16:00');
  const due = openingDueTimes(clock, 'normal', opened);
  assert.equal(show(due.firstResponseDueAt!), 'Wed 2026-11-25 10:00');
  assert.equal(show(due.resolutionDueAt!), 'Thu 2026-11-26 16:00');
  assert.deepEqual(openingDueTimes(clock, 'urgent', opened), { firstResponseDueAt: null, resolutionDueAt: null }, 'no target for the priority');
  assert.equal(show(nextResponseDueAt(clock, 'normal', at('2026-11-25T09:00'))!), 'Wed 2026-11-25 13:00');
  assert.deepEqual(openingDueTimes(null, 'normal', opened), { firstResponseDueAt: null, resolutionDueAt: null });
});

test('a paused resolution clock resumes later by the business time it stood still, not the weekend', () => {
  const clock: SlaClock = { policy: { id: 'p', name: 'Standard', businessHoursOnly: true, targets: {} }, calendar: paris };
  // Pending from Friday 16:00 to Monday 10:00: one open hour on Friday and one on Monday.
  const resumed = resumedDueAt(clock, at('2026-11-30T12:00'), at('2026-11-27T16:00'), at('2026-11-30T10:00'));
  assert.equal(show(resumed), 'Mon 2026-11-30 14:00');
  assert.equal(resumedDueAt(clock, at('2026-11-27T17:00'), at('2026-11-28T10:00'), at('2026-11-29T10:00')), at('2026-11-27T17:00'), 'a pause all weekend costs nothing');
  const roundTheClock: SlaClock = { ...clock, policy: { ...clock.policy, businessHoursOnly: false } };
  assert.equal(show(resumedDueAt(roundTheClock, at('2026-11-30T12:00'), at('2026-11-27T16:00'), at('2026-11-30T10:00'))), 'Thu 2026-12-03 06:00');
});
