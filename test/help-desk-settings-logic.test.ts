// The settings screens' own rules, without a browser: how a typed week becomes the API's business hours,
// targets become minutes, a rule move becomes new positions, and a nested API field finds its place.
// Kept with the browser suite because they are the web UI's code (web/src/settings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  businessHoursOf,
  copyMondayToWorkdays,
  describeWeek,
  intervalAfter,
  normaliseClock,
  officeWeek,
  weekDraftOf,
  weekProblem,
  withHoliday,
} from '../web/src/settings/business-hours.ts';
import { formatMinutes, joinMinutes, splitMinutes } from '../web/src/settings/durations.ts';
import { targetsDraftOf, targetsOf } from '../web/src/settings/sla-targets.ts';
import { repositionsFor } from '../web/src/settings/rule-order.ts';
import { nearestField } from '../web/src/forms/problem.ts';
import { conditionsOf, describeConditions } from '../web/src/settings/conditions.ts';
import {
  describeEscalation,
  escalationConditionsOf,
  escalationDraftOf,
  NEW_RULE_CONDITIONS,
} from '../web/src/settings/escalation-rules.ts';
import type { AssignmentRule } from '../web/src/settings/types.ts';

test('typed times are tidied to HH:MM, anything else is left for the server to refuse', () => {
  assert.equal(normaliseClock('9'), '09:00');
  assert.equal(normaliseClock(' 930 '), '09:30');
  assert.equal(normaliseClock('17.45'), '17:45');
  assert.equal(normaliseClock('24:00'), '24:00');
  assert.equal(normaliseClock('noon'), 'noon');
});

test('a week round-trips through the editor; closed days are left out and always open is {}', () => {
  const hours = {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ] as [string, string][],
    sat: [['10:00', '14:00']] as [string, string][],
  };
  assert.deepEqual(businessHoursOf(weekDraftOf(hours)), hours);
  assert.deepEqual(businessHoursOf({ ...weekDraftOf(hours), alwaysOpen: true }), {});
  assert.equal(weekDraftOf({}).alwaysOpen, true);
  const copied = businessHoursOf(copyMondayToWorkdays(weekDraftOf(hours)));
  assert.deepEqual(Object.keys(copied), ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
  assert.deepEqual(copied.fri, hours.mon);
});

test('a week closed every day is refused here, because the API would read it as always open', () => {
  const closed = weekDraftOf({ mon: [['09:00', '17:00']] });
  closed.days.mon = [];
  assert.match(weekProblem(closed) ?? '', /Open at least one day/);
  assert.equal(weekProblem(officeWeek()), null);
  assert.equal(weekProblem({ ...closed, alwaysOpen: true }), null);
});

test('the team list reads hours in runs of days', () => {
  assert.equal(describeWeek(businessHoursOf(officeWeek())), 'Mon–Fri 09:00–17:00');
  assert.equal(describeWeek({}), 'Always open');
  assert.equal(
    describeWeek({
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      sat: [['10:00', '14:00']],
    }),
    'Mon–Tue 09:00–17:00 · Thu 09:00–17:00 · Sat 10:00–14:00',
  );
});

test('another interval on a day is guessed after the last one, never past midnight', () => {
  assert.deepEqual(intervalAfter(['09:00', '12:30']), ['13:30', '15:30']);
  assert.deepEqual(intervalAfter(['18:00', '23:30']), ['23:00', '24:00']);
  assert.deepEqual(intervalAfter(undefined), ['09:00', '17:00']);
});

test('holidays are kept once each, in date order', () => {
  assert.deepEqual(withHoliday(['2026-12-25'], '2026-12-24'), ['2026-12-24', '2026-12-25']);
  assert.deepEqual(withHoliday(['2026-12-25'], '2026-12-25'), ['2026-12-25']);
});

test('SLA targets: hours and minutes in, minutes out; empty cells are no target', () => {
  assert.deepEqual(splitMinutes(90), { hours: '1', minutes: '30' });
  assert.equal(joinMinutes({ hours: '', minutes: '' }), undefined);
  assert.equal(joinMinutes({ hours: '2', minutes: '' }), 120);
  assert.equal(formatMinutes(1500), '1d 1h');
  const targets = { urgent: { firstResponse: 15, resolution: 240 }, low: { nextResponse: 2880 } };
  assert.deepEqual(targetsOf(targetsDraftOf(targets)), targets);
});

test('moving a rule renumbers only the rules whose place changes', () => {
  const rule = (id: string, position: number): AssignmentRule => ({
    id,
    position,
    name: id,
    conditions: {},
    teamId: 't',
    skill: null,
  });
  const rules = [rule('a', 0), rule('b', 1), rule('c', 2)];
  assert.deepEqual(
    repositionsFor(rules, 2, -1).map(({ rule: moved, position }) => [moved.id, position]),
    [
      ['c', 1],
      ['b', 2],
    ],
  );
  assert.deepEqual(repositionsFor(rules, 0, -1), [], 'the first rule cannot move up');
  // Equal positions (rules added through the API) are numbered apart, so the order does not fall to ids.
  const tied = [rule('a', 5), rule('b', 5)];
  assert.deepEqual(
    repositionsFor(tied, 1, -1).map(({ rule: moved, position }) => [moved.id, position]),
    [
      ['b', 0],
      ['a', 1],
    ],
  );
});

test('a nested API field is shown beside the nearest field the form has', () => {
  const fields = ['businessHours', 'businessHours.mon', 'holidays'];
  assert.equal(nearestField('businessHours.mon.0.1', fields), 'businessHours.mon');
  assert.equal(nearestField('businessHours.sun', fields), 'businessHours');
  assert.equal(nearestField('holidays.2', fields), 'holidays');
  assert.equal(nearestField('timezone', fields), undefined);
  assert.equal(nearestField('holidaysExtra', fields), undefined, 'a prefix must end at a dot');
});

test('empty conditions are left out: to the API an empty list would match nothing', () => {
  assert.deepEqual(conditionsOf({ channels: [], priorities: ['urgent'], reasons: ' refund, ', keywords: '' }), {
    priorities: ['urgent'],
    reasons: ['refund'],
  });
  assert.equal(describeConditions({}), 'Every case');
  assert.equal(
    describeConditions({ channels: ['email', 'web_form'], keywords: ['invoice'] }),
    'Email or Web form · mentions “invoice”',
  );
});

test('an escalation rule round-trips through its form: chosen and typed reasons as one list, empty thresholds as null', () => {
  const draft = escalationDraftOf({ ...NEW_RULE_CONDITIONS, reasons: ['refund'] });
  assert.deepEqual(escalationConditionsOf(draft), { ...NEW_RULE_CONDITIONS, reasons: ['refund'] });
  assert.deepEqual(
    escalationConditionsOf({
      ...draft,
      otherReasons: 'lost_bag, refund',
      sentimentAtMost: '-0.7',
      urgencyAtLeast: ' ',
    }),
    { channels: [], reasons: ['refund', 'lost_bag'], sentimentAtMost: -0.7, urgencyAtLeast: null },
  );
  assert.equal(
    describeEscalation(NEW_RULE_CONDITIONS),
    'Any channel · any reason · sentiment −0.3 or lower · urgency 0.5 or more',
  );
  assert.equal(
    describeEscalation({
      channels: ['email', 'web_form'],
      reasons: ['refund'],
      sentimentAtMost: -0.7,
      urgencyAtLeast: 0,
    }),
    'Email or Web form · reason refund · sentiment −0.7 or lower · any urgency',
  );
});
