// Loose dates from exports: a stated zone wins; without one, the zone the caller names, whatever the server's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLooseDate } from './dates.ts';

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
