// Business-hours arithmetic: weekends, holidays, time zones and daylight-saving changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  addBusinessMinutes,
  businessMillisBetween,
  isOpenAt,
  nextOpening,
  sameLocalDay,
  type Calendar,
} from './business-hours.ts';
import {
  openingDueTimes,
  nextResponseDueAt,
  resumedDueAt,
  retargetedResolutionDueAt,
  type SlaClock,
} from './policy.ts';

const weekdays = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
} as Calendar['hours'];
const paris: Calendar = { timezone: 'Europe/Paris', hours: weekdays, holidays: ['2026-12-25'] };
const at = (iso: string, zone = 'Europe/Paris') => DateTime.fromISO(iso, { zone }).toMillis();
const show = (ms: number, zone = 'Europe/Paris') => DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');

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
  const lunch: Calendar = {
    timezone: 'UTC',
    hours: {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
    },
    holidays: [],
  };
  assert.equal(show(addBusinessMinutes(at('2026-11-23T11:30', 'UTC'), 60, lunch), 'UTC'), 'Mon 2026-11-23 13:30');
  assert.equal(
    businessMillisBetween(at('2026-11-23T11:00', 'UTC'), at('2026-11-23T14:00', 'UTC'), lunch),
    2 * 3_600_000,
  );
});

test('daylight saving: a working day that spans the change still has its local hours', () => {
  // Europe/Paris leaves summer time on Sunday 2026-10-25; Monday opens at 09:00 local, 08:00 UTC.
  assert.equal(
    new Date(addBusinessMinutes(at('2026-10-23T16:00'), 120, paris)).toISOString(),
    '2026-10-26T09:00:00.000Z',
  );
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
    policy: {
      id: 'p',
      name: 'Standard',
      businessHoursOnly: true,
      targets: { normal: { firstResponse: 120, resolution: 60 * 16, nextResponse: 240 } },
    },
    calendar: paris,
  };
  const opened = at('2026-11-24T16:00');
  const due = openingDueTimes(clock, 'normal', opened);
  assert.equal(show(due.firstResponseDueAt!), 'Wed 2026-11-25 10:00');
  assert.equal(show(due.resolutionDueAt!), 'Thu 2026-11-26 16:00');
  assert.deepEqual(
    openingDueTimes(clock, 'urgent', opened),
    { firstResponseDueAt: null, resolutionDueAt: null },
    'no target for the priority',
  );
  assert.equal(show(nextResponseDueAt(clock, 'normal', at('2026-11-25T09:00'))!), 'Wed 2026-11-25 13:00');
  assert.deepEqual(openingDueTimes(null, 'normal', opened), { firstResponseDueAt: null, resolutionDueAt: null });
});

test('a paused resolution clock resumes later by the business time it stood still, not the weekend', () => {
  const clock: SlaClock = {
    policy: { id: 'p', name: 'Standard', businessHoursOnly: true, targets: {} },
    calendar: paris,
  };
  // Pending from Friday 16:00 to Monday 10:00: one open hour on Friday and one on Monday.
  const resumed = resumedDueAt(clock, at('2026-11-30T12:00'), at('2026-11-27T16:00'), at('2026-11-30T10:00'));
  assert.equal(show(resumed), 'Mon 2026-11-30 14:00');
  assert.equal(
    resumedDueAt(clock, at('2026-11-27T17:00'), at('2026-11-28T10:00'), at('2026-11-29T10:00')),
    at('2026-11-27T17:00'),
    'a pause all weekend costs nothing',
  );
  const roundTheClock: SlaClock = { ...clock, policy: { ...clock.policy, businessHoursOnly: false } };
  assert.equal(
    show(resumedDueAt(roundTheClock, at('2026-11-30T12:00'), at('2026-11-27T16:00'), at('2026-11-30T10:00'))),
    'Thu 2026-12-03 06:00',
  );
});

test('new targets count from the opening and keep the business time the clock already stood still', () => {
  const policy = {
    id: 'p',
    name: 'Standard',
    businessHoursOnly: true,
    targets: { normal: { resolution: 8 * 60 }, urgent: { resolution: 2 * 60 } },
  };
  const clock: SlaClock = { policy, calendar: paris };
  const openedAt = at('2026-11-23T09:00');
  // Normal: due Monday 17:00; two open hours spent pending moved it to Tuesday 11:00.
  const before = { clock, priority: 'normal' as const, resolutionDueAt: at('2026-11-24T11:00') };
  assert.equal(
    show(retargetedResolutionDueAt(before, { clock, priority: 'urgent' }, openedAt)!),
    'Mon 2026-11-23 13:00',
  );
  assert.equal(
    show(
      retargetedResolutionDueAt(
        { ...before, resolutionDueAt: at('2026-11-23T17:00') },
        { clock, priority: 'urgent' },
        openedAt,
      )!,
    ),
    'Mon 2026-11-23 11:00',
    'no pause, no credit',
  );
  // Another team, round the clock: the two office hours of credit are two hours there too.
  const roundTheClock: SlaClock = { policy: { ...policy, businessHoursOnly: false }, calendar: paris };
  assert.equal(
    show(retargetedResolutionDueAt(before, { clock: roundTheClock, priority: 'urgent' }, openedAt)!),
    'Mon 2026-11-23 13:00',
  );
  assert.equal(
    retargetedResolutionDueAt(before, { clock: null, priority: 'urgent' }, openedAt),
    null,
    'no policy, no due time',
  );
});

// Plain luxon arithmetic, day by day, as business hours were computed before local days were kept as
// spans (src/sla/local-days.ts): the reference the faster code must agree with, to the millisecond, in
// every zone and on every day.
const reference = (() => {
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const alwaysOpen = (calendar: Calendar) => Object.keys(calendar.hours).length === 0;
  // Wall-clock opening times, day by day, with nothing cached: 09:00 is 09:00 on a daylight-saving day too.
  const wallClock = (day: DateTime, time: string) =>
    time === '24:00'
      ? day.plus({ days: 1 }).startOf('day').toMillis()
      : day.set({ hour: Math.floor(minutesOf(time) / 60), minute: minutesOf(time) % 60 }).toMillis();
  const openIntervalsOn = (day: DateTime, calendar: Calendar): Array<[number, number]> => {
    if (calendar.holidays.includes(day.toISODate()!)) return [];
    return (calendar.hours[days[day.weekday - 1]!] ?? [])
      .map(([open, close]): [number, number] => [wallClock(day, open), wallClock(day, close)])
      .filter(([open, close]) => open < close);
  };
  function* openIntervalsFrom(from: number, calendar: Calendar): Generator<[number, number]> {
    const firstDay = DateTime.fromMillis(from, { zone: calendar.timezone }).startOf('day');
    for (let offset = 0; offset < 400; offset++) {
      for (const [open, close] of openIntervalsOn(firstDay.plus({ days: offset }), calendar)) {
        if (close <= from) continue;
        yield [Math.max(open, from), close];
      }
    }
  }
  return {
    addBusinessMinutes(start: number, minutes: number, calendar: Calendar): number {
      let remaining = minutes * 60_000;
      if (alwaysOpen(calendar)) return start + remaining;
      for (const [open, close] of openIntervalsFrom(start, calendar)) {
        if (remaining <= close - open) return open + remaining;
        remaining -= close - open;
      }
      throw new Error('no open hours');
    },
    businessMillisBetween(start: number, end: number, calendar: Calendar): number {
      if (end <= start) return 0;
      if (alwaysOpen(calendar)) return end - start;
      let total = 0;
      for (const [open, close] of openIntervalsFrom(start, calendar)) {
        if (open >= end) break;
        total += Math.min(close, end) - open;
      }
      return total;
    },
    isOpenAt(at: number, calendar: Calendar): boolean {
      if (alwaysOpen(calendar)) return true;
      const day = DateTime.fromMillis(at, { zone: calendar.timezone }).startOf('day');
      return openIntervalsOn(day, calendar).some(([open, close]) => at >= open && at < close);
    },
    nextOpening(at: number, calendar: Calendar): number | null {
      if (alwaysOpen(calendar)) return at;
      const first = openIntervalsFrom(at, calendar).next();
      return first.done ? null : first.value[0];
    },
    sameLocalDay(a: number, b: number, calendar: Calendar): boolean {
      const zone = calendar.timezone;
      return DateTime.fromMillis(a, { zone }).toISODate() === DateTime.fromMillis(b, { zone }).toISODate();
    },
  };
})();

/** A seeded xorshift32, so a failure names a case that can be run again. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/** Offset changes of a zone between two moments, to within two days: where the spans give way to luxon. */
function offsetChanges(zone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  let previous = DateTime.fromMillis(from, { zone }).offset;
  for (let at = from; at <= to; at += 2 * 86_400_000) {
    const offset = DateTime.fromMillis(at, { zone }).offset;
    if (offset !== previous) changes.push(at);
    previous = offset;
  }
  return changes;
}

// Zones with daylight saving at 02:00 or 03:00, at midnight (Santiago, Havana, Asunción, Beirut, Cairo,
// São Paulo until 2019), by half an hour (Lord Howe), at odd offsets (Chatham, Kathmandu), a day skipped
// (Apia, 2011), DST abolished (Tehran), two hours at once (Troll), and none at all.
const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'America/Asuncion',
  'Asia/Beirut',
  'Africa/Cairo',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'Asia/Tehran',
  'Antarctica/Troll',
  'UTC',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
];

function randomCalendar(random: () => number, zone: string, aroundDates: string[]): Calendar {
  const clock = (minutes: number) =>
    minutes === 1440
      ? '24:00'
      : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const hours: Calendar['hours'] = {};
  const workingDays = random() < 0.4 ? 7 : random() < 0.5 ? 5 : 1 + Math.floor(random() * 7);
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const) {
    if (random() * 7 >= workingDays) continue;
    const shape = random();
    if (shape < 0.15) hours[day] = [['00:00', '24:00']];
    else if (shape < 0.35)
      hours[day] = [
        ['00:00', '01:30'],
        ['02:30', '12:00'],
        ['13:00', '23:45'],
      ];
    else {
      const open = 15 * Math.floor(random() * 48);
      const close = Math.min(1440, open + 15 * (1 + Math.floor(random() * 40)));
      hours[day] = [[clock(open), clock(close)]];
    }
  }
  const holidays = aroundDates.filter(() => random() < 0.3);
  return { timezone: zone, hours, holidays };
}

test('the spans agree with luxon day by day, across daylight-saving changes in many zones', () => {
  const random = seededRandom(20261202);
  const from = Date.UTC(2011, 0, 1);
  const to = Date.UTC(2028, 0, 1);
  let compared = 0;
  for (const zone of ZONES) {
    const changes = offsetChanges(zone, from, to);
    const moments = (count: number) =>
      Array.from({ length: count }, () => {
        // Mostly within four days of an offset change, to land on and beside irregular days.
        if (changes.length && random() < 0.8)
          return changes[Math.floor(random() * changes.length)]! + Math.round((random() - 0.5) * 8 * 86_400_000);
        return from + Math.round(random() * (to - from));
      });
    for (const start of moments(60)) {
      const around = [-2, -1, 0, 1, 2, 3].map(
        (days) => DateTime.fromMillis(start + days * 86_400_000, { zone }).toISODate()!,
      );
      const calendar = randomCalendar(random, zone, around);
      const minutes = random() < 0.2 ? random() * 5000 : 1 + Math.floor(random() * 3000);
      const end = start + Math.round(random() * 6 * 86_400_000);
      const label = `${zone} from ${new Date(start).toISOString()} ${JSON.stringify(calendar.hours)} holidays ${calendar.holidays.join(',')} ${minutes} min`;
      let expected: number | string;
      try {
        expected = reference.addBusinessMinutes(start, minutes, calendar);
      } catch (_error) {
        expected = 'throws';
      }
      let actual: number | string;
      try {
        actual = addBusinessMinutes(start, minutes, calendar);
      } catch (_error) {
        actual = 'throws';
      }
      assert.equal(actual, expected, `addBusinessMinutes ${label}`);
      assert.equal(
        businessMillisBetween(start, end, calendar),
        reference.businessMillisBetween(start, end, calendar),
        `businessMillisBetween ${label}`,
      );
      assert.equal(isOpenAt(start, calendar), reference.isOpenAt(start, calendar), `isOpenAt ${label}`);
      assert.equal(nextOpening(start, calendar), reference.nextOpening(start, calendar), `nextOpening ${label}`);
      assert.equal(
        sameLocalDay(start, end, calendar),
        reference.sameLocalDay(start, end, calendar),
        `sameLocalDay ${label}`,
      );
      compared++;
    }
  }
  assert.equal(compared, ZONES.length * 60);
});

test('a clock running into a change of offset agrees with luxon on the day itself (midnight skipped or repeated too)', () => {
  const everyDay: Calendar['hours'] = Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
      day,
      [
        ['00:00', '06:00'],
        ['09:00', '17:00'],
        ['22:00', '24:00'],
      ],
    ]),
  );
  let compared = 0;
  for (const zone of ZONES) {
    const calendar: Calendar = { timezone: zone, hours: everyDay, holidays: [] };
    for (const change of offsetChanges(zone, Date.UTC(2021, 0, 1), Date.UTC(2028, 0, 1))) {
      // From regular days before the change, through it: the change's day is the one luxon must work out.
      for (const start of [change - 5 * 86_400_000, change - 4 * 86_400_000 + 3_600_000]) {
        for (const minutes of [60, 40 * 60, 80 * 60]) {
          const label = `${zone} from ${new Date(start).toISOString()} + ${minutes} min`;
          assert.equal(
            addBusinessMinutes(start, minutes, calendar),
            reference.addBusinessMinutes(start, minutes, calendar),
            label,
          );
          compared++;
        }
        const end = start + 8 * 86_400_000;
        assert.equal(
          businessMillisBetween(start, end, calendar),
          reference.businessMillisBetween(start, end, calendar),
          `${zone} ${start}`,
        );
      }
    }
  }
  assert.ok(compared > 300, `${compared} compared`);
});

test('daylight saving in New York: a Friday afternoon target across the autumn change is due Monday morning local time', () => {
  const newYork: Calendar = { timezone: 'America/New_York', hours: weekdays, holidays: [] };
  // Clocks go back on Sunday 2026-11-01: Friday 16:00 is 20:00 UTC, Monday 09:00 is 14:00 UTC.
  const due = addBusinessMinutes(at('2026-10-30T16:00', 'America/New_York'), 120, newYork);
  assert.equal(new Date(due).toISOString(), '2026-11-02T15:00:00.000Z');
  assert.equal(show(due, 'America/New_York'), 'Mon 2026-11-02 10:00');
  assert.equal(businessMillisBetween(at('2026-10-30T16:00', 'America/New_York'), due, newYork), 120 * 60_000);
});

test('daylight saving in Paris: a clock started on the Saturday before the spring change runs from Monday 09:00', () => {
  // 2026-03-28 is the Saturday before the change; the day itself and the days next to it are worked out by luxon.
  assert.equal(show(addBusinessMinutes(at('2026-03-28T12:00'), 90, paris)), 'Mon 2026-03-30 10:30');
  assert.equal(show(nextOpening(at('2026-03-29T12:00'), paris)!), 'Mon 2026-03-30 09:00');
  assert.ok(sameLocalDay(at('2026-03-29T00:30'), at('2026-03-29T23:30'), paris));
  assert.ok(!sameLocalDay(at('2026-03-29T23:30'), at('2026-03-30T00:30'), paris));
});

test('daylight saving at midnight (Santiago): a weekday team still opens at 09:00 local on the Monday after', () => {
  const santiago: Calendar = { timezone: 'America/Santiago', hours: weekdays, holidays: [] };
  // Chile moves its clocks at midnight between Saturday and Sunday (2026-09-06 here): 00:00 does not exist that day.
  const due = addBusinessMinutes(at('2026-09-04T16:00', 'America/Santiago'), 120, santiago);
  assert.equal(show(due, 'America/Santiago'), 'Mon 2026-09-07 10:00');
});

test('daylight saving on a working day: the team opens at its local time on the day the clocks change', () => {
  const everyDay = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['09:00', '17:00']]]),
  );
  const newYork: Calendar = { timezone: 'America/New_York', hours: everyDay as Calendar['hours'], holidays: [] };
  // Spring forward on Sunday 2026-03-08 at 02:00: the team opens at 09:00 EDT (13:00 UTC), not 10:00.
  assert.equal(
    show(nextOpening(at('2026-03-08T07:00', 'America/New_York'), newYork)!, 'America/New_York'),
    'Sun 2026-03-08 09:00',
  );
  assert.equal(
    show(addBusinessMinutes(at('2026-03-08T08:00', 'America/New_York'), 60, newYork), 'America/New_York'),
    'Sun 2026-03-08 10:00',
  );
  assert.ok(!isOpenAt(at('2026-03-08T08:30', 'America/New_York'), newYork));
  assert.ok(isOpenAt(at('2026-03-08T16:30', 'America/New_York'), newYork));
  // Fall back on Sunday 2026-11-01: 09:00 EST is 14:00 UTC, and the day still has eight open hours.
  assert.equal(
    new Date(nextOpening(at('2026-11-01T06:00', 'America/New_York'), newYork)!).toISOString(),
    '2026-11-01T14:00:00.000Z',
  );
  assert.equal(
    businessMillisBetween(
      at('2026-11-01T00:00', 'America/New_York'),
      at('2026-11-02T00:00', 'America/New_York'),
      newYork,
    ),
    8 * 3_600_000,
  );
  // A round-the-clock day is 23 hours long in spring.
  const allDay: Calendar = { timezone: 'America/New_York', hours: { sun: [['00:00', '24:00']] }, holidays: [] };
  assert.equal(
    businessMillisBetween(
      at('2026-03-07T12:00', 'America/New_York'),
      at('2026-03-09T12:00', 'America/New_York'),
      allDay,
    ),
    23 * 3_600_000,
  );
});
