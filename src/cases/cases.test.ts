// The pure rules of the case engine: lifecycle, threading, repeat contact, assignment, reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canMove, isFirstContactResolution, statusAfterInbound } from './model.ts';
import { pickThreadByWindow, subjectKey, subjectFromText } from './threading.ts';
import { findRepeatOf } from './repeat.ts';
import { firstMatchingRule, pickAssignee, type AssignmentRule } from './assignment.ts';
import { guessReason } from '../listening/index.ts';
import { mentionedHandles } from './replies.ts';
import type { TeamMember } from '../teams/store.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('lifecycle: closed is final, resolved can reopen, an inbound message makes a case live again', () => {
  assert.ok(canMove('new', 'open'));
  assert.ok(canMove('resolved', 'open'));
  assert.ok(!canMove('closed', 'open'));
  assert.ok(!canMove('resolved', 'pending'));
  assert.equal(statusAfterInbound('pending'), 'open');
  assert.equal(statusAfterInbound('resolved'), 'open');
  assert.equal(statusAfterInbound('new'), 'new');
});

test('first-contact resolution needs one contact, no reopen and no repeat contact', () => {
  assert.ok(isFirstContactResolution({ contactCount: 1, reopenCount: 0 }, false));
  assert.ok(!isFirstContactResolution({ contactCount: 2, reopenCount: 0 }, false));
  assert.ok(!isFirstContactResolution({ contactCount: 1, reopenCount: 1 }, false));
  assert.ok(!isFirstContactResolution({ contactCount: 1, reopenCount: 0 }, true));
});

test('subject keys ignore reply prefixes, spacing and case', () => {
  assert.equal(subjectKey('RE: Fwd:  My  Order '), 'my order');
  assert.equal(subjectKey('AW: Re[2]: Refund'), 'refund');
  assert.equal(subjectKey('Re: My order [#1042]'), 'my order', 'our case tag is not part of the subject');
  assert.equal(subjectKey(null), '');
  assert.equal(subjectFromText('  short  ', 'x'), 'short');
  assert.ok(subjectFromText('word '.repeat(40), 'x').endsWith('…'));
});

test('threading by window: same channel, active, within the window, and for email the same subject', () => {
  const now = 10 * DAY;
  const candidates = [
    {
      caseId: 'resolved',
      status: 'resolved' as const,
      channel: 'social' as const,
      subject: 'a',
      lastActivityAt: now - HOUR,
    },
    { caseId: 'old', status: 'open' as const, channel: 'social' as const, subject: 'a', lastActivityAt: now - 5 * DAY },
    {
      caseId: 'live',
      status: 'pending' as const,
      channel: 'social' as const,
      subject: 'a',
      lastActivityAt: now - 2 * HOUR,
    },
    {
      caseId: 'mail',
      status: 'open' as const,
      channel: 'email' as const,
      subject: 'Broken tote',
      lastActivityAt: now - HOUR,
    },
  ];
  assert.equal(
    pickThreadByWindow({ channel: 'social', subject: null, occurredAt: now }, candidates, 72 * HOUR),
    'live',
  );
  assert.equal(
    pickThreadByWindow({ channel: 'email', subject: 'Re: broken tote', occurredAt: now }, candidates, 72 * HOUR),
    'mail',
  );
  assert.equal(
    pickThreadByWindow({ channel: 'email', subject: 'Something else', occurredAt: now }, candidates, 72 * HOUR),
    null,
  );
  assert.equal(pickThreadByWindow({ channel: 'phone', subject: null, occurredAt: now }, candidates, 72 * HOUR), null);
});

test('a repeat contact is the latest earlier case with the same reason inside the window', () => {
  const earlier = [
    { id: 'c1', reason: 'refund', openedAt: 1 * DAY, repeatOf: null },
    { id: 'c2', reason: 'refund', openedAt: 5 * DAY, repeatOf: null },
    { id: 'c3', reason: 'delivery', openedAt: 6 * DAY, repeatOf: null },
  ];
  assert.equal(findRepeatOf({ id: 'new', reason: 'refund', openedAt: 7 * DAY }, earlier, 7 * DAY), 'c2');
  assert.equal(
    findRepeatOf({ id: 'new', reason: 'refund', openedAt: 20 * DAY }, earlier, 7 * DAY),
    null,
    'outside the window',
  );
  assert.equal(
    findRepeatOf({ id: 'new', reason: null, openedAt: 7 * DAY }, earlier, 7 * DAY),
    null,
    'no reason, no repeat',
  );
  assert.equal(findRepeatOf({ id: 'c2', reason: 'refund', openedAt: 5 * DAY }, earlier, 7 * DAY), 'c1', 'never itself');
});

test('assignment: first matching rule, then the least-loaded available member with the skill, longest-waiting first', () => {
  const rules: AssignmentRule[] = [
    { id: 'r2', position: 2, name: 'everything', conditions: {}, teamId: 'general', skill: null },
    {
      id: 'r1',
      position: 1,
      name: 'refunds by phone',
      conditions: { channels: ['phone'], reasons: ['refund'] },
      teamId: 'billing',
      skill: 'refunds',
    },
  ];
  assert.equal(
    firstMatchingRule(rules, { channel: 'phone', reason: 'refund', priority: 'normal', text: '' })?.id,
    'r1',
  );
  assert.equal(
    firstMatchingRule(rules, { channel: 'email', reason: 'refund', priority: 'normal', text: '' })?.id,
    'r2',
  );
  assert.equal(
    firstMatchingRule([{ ...rules[0]!, conditions: { keywords: ['Tote'] } }], {
      channel: 'email',
      reason: null,
      priority: 'low',
      text: 'my tote bag',
    })?.id,
    'r2',
  );

  const member = (
    id: string,
    load: number,
    lastAssignedAt: number | null,
    extra: Partial<TeamMember> = {},
  ): TeamMember => ({
    id,
    name: id,
    role: 'agent',
    skills: ['refunds'],
    available: true,
    lastAssignedAt,
    load,
    ...extra,
  });
  assert.equal(
    pickAssignee([member('a', 3, 1), member('b', 1, 5), member('c', 1, 2)], null)?.id,
    'c',
    'least load, then longest wait',
  );
  assert.equal(
    pickAssignee([member('a', 0, 1, { available: false }), member('b', 9, 1)], null)?.id,
    'b',
    'unavailable members are skipped',
  );
  assert.equal(
    pickAssignee([member('a', 0, 1, { skills: [] }), member('b', 4, 1)], 'refunds')?.id,
    'b',
    'skill required',
  );
  assert.equal(pickAssignee([member('v', 0, null, { role: 'viewer' })], null), null, 'viewers take no cases');
});

test('the reason lexicon finds the most-mentioned reason', () => {
  assert.equal(guessReason('My new tote bag arrived ruined, the strap is torn'), 'damaged_item');
  assert.equal(guessReason('I was charged twice for premium, I want a refund, refund now'), 'refund');
  assert.equal(guessReason('the app keeps crashing after the update'), 'technical_issue');
  assert.equal(guessReason('thanks!'), null);
});

test('mentions name colleagues by email or its local part', () => {
  assert.deepEqual(mentionedHandles('@sam.lee can you check? cc @finance@example.com, not an@email'), [
    'sam.lee',
    'finance@example.com',
  ]);
});
