// Loose dates from exports: a stated zone wins; without one, the zone the caller names, whatever the server's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasAmbiguousDayAndMonth, isUsableDateFormat, parseDateInFormat, parseLooseDate } from './dates.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

test('a date that names its zone means that moment, whatever zone is asked for', () => {
  assert.equal(iso(parseLooseDate('Tue Oct 31 22:10:47 +0000 2017', 'Europe/Paris')), '2017-10-31T22:10:47.000Z');
  assert.equal(iso(parseLooseDate('2024-03-01T10:00:00Z', 'America/New_York')), '2024-03-01T10:00:00.000Z');
  assert.equal(iso(parseLooseDate('2024-03-01T10:00:00+02:00', 'UTC')), '2024-03-01T08:00:00.000Z');
  assert.equal(iso(parseLooseDate('2024-03-01 10:00:00 -0500', 'UTC')), '2024-03-01T15:00:00.000Z');
  assert.equal(iso(parseLooseDate('Fri, 01 Mar 2024 10:00:00 GMT', 'Asia/Tokyo')), '2024-03-01T10:00:00.000Z');
});

test('a date without a zone is a wall-clock time in the zone asked for', () => {
  assert.equal(iso(parseLooseDate('2024-03-01 10:00', 'UTC')), '2024-03-01T10:00:00.000Z');
  assert.equal(iso(parseLooseDate('2024-03-01T10:00:00', 'Europe/Paris')), '2024-03-01T09:00:00.000Z');
  assert.equal(iso(parseLooseDate('2024-03-01', 'America/New_York')), '2024-03-01T05:00:00.000Z');
  assert.equal(iso(parseLooseDate('March 1, 2024 10:00', 'Europe/Paris')), '2024-03-01T09:00:00.000Z');
  assert.equal(iso(parseLooseDate('07/04/2024 18:30', 'UTC')), '2024-07-04T18:30:00.000Z');
});

test('the server zone plays no part', () => {
  // Date.parse alone reads "2024-03-01 10:00" in the process's zone; the answer here must not move with TZ.
  const before = process.env.TZ;
  try {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      assert.equal(iso(parseLooseDate('2024-03-01 10:00', 'UTC')), '2024-03-01T10:00:00.000Z', `server in ${tz}`);
      assert.equal(iso(parseLooseDate('March 1, 2024 10:00', 'UTC')), '2024-03-01T10:00:00.000Z', `server in ${tz}`);
    }
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
});

test('text that is not a date is refused', () => {
  assert.equal(parseLooseDate('', 'UTC'), null);
  assert.equal(parseLooseDate('yesterday-ish', 'UTC'), null);
  assert.equal(parseLooseDate('2024-13-45', 'UTC'), null);
});

test('day and month that could be either way round are told apart from those that cannot', () => {
  assert.equal(hasAmbiguousDayAndMonth('03/04/2024 10:00'), true, 'March 4 or 3 April');
  assert.equal(hasAmbiguousDayAndMonth('3.4.24'), true);
  assert.equal(hasAmbiguousDayAndMonth('25/04/2024'), false, 'only a day can be 25');
  assert.equal(hasAmbiguousDayAndMonth('04/25/2024'), false);
  assert.equal(hasAmbiguousDayAndMonth('04/04/2024'), false, 'the same either way');
  assert.equal(hasAmbiguousDayAndMonth('2024-03-04 10:00'), false, 'ISO says which is which');
  assert.equal(hasAmbiguousDayAndMonth('March 4, 2024'), false);
});

test('a stated layout is read strictly, in the zone asked for unless it names one', () => {
  assert.equal(iso(parseDateInFormat('03/04/2024 10:00', 'dd/MM/yyyy HH:mm', 'UTC')), '2024-04-03T10:00:00.000Z');
  assert.equal(iso(parseDateInFormat('03/04/2024 10:00', 'MM/dd/yyyy HH:mm', 'UTC')), '2024-03-04T10:00:00.000Z');
  assert.equal(
    iso(parseDateInFormat('03/04/2024 10:00', 'dd/MM/yyyy HH:mm', 'Europe/Paris')),
    '2024-04-03T08:00:00.000Z',
  );
  assert.equal(iso(parseDateInFormat('3/4/24 2:05 PM +02:00', 'd/M/yy h:mm a ZZ', 'UTC')), '2024-04-03T12:05:00.000Z');
  assert.equal(parseDateInFormat('04/03/2024', 'dd/MM/yyyy HH:mm', 'UTC'), null, 'no time where the layout has one');
  assert.equal(
    iso(parseDateInFormat('2024-04-03T10:00:00', 'dd/MM/yyyy HH:mm', 'UTC')),
    '2024-04-03T10:00:00.000Z',
    'ISO 8601 too',
  );
  assert.equal(parseDateInFormat('31/02/2024 10:00', 'dd/MM/yyyy HH:mm', 'UTC'), null, 'no such day');
});

test('a layout must read back what it writes and name day, month and year', () => {
  assert.equal(isUsableDateFormat('dd/MM/yyyy HH:mm'), true);
  assert.equal(isUsableDateFormat('MM/dd/yy h:mm a'), true);
  assert.equal(isUsableDateFormat('d LLL yyyy'), true);
  assert.equal(isUsableDateFormat('HH:mm'), false);
  assert.equal(isUsableDateFormat('yyyy'), false);
  assert.equal(isUsableDateFormat('dd/MM'), false);
});
