// Escalation rules judge what listening read: negative enough, urgent enough, on the channels and with the reasons
// named; the first enabled rule in order applies, and the case is told why in the customer's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escalationFor, type EscalationRule, type HeardWords, higherPriority, quoteOf } from './escalation.ts';

const rule = (overrides: Partial<EscalationRule> & Pick<EscalationRule, 'id'>): EscalationRule => ({
  position: 0,
  name: overrides.id,
  enabled: true,
  conditions: { channels: [], reasons: [], sentimentAtMost: -0.3, urgencyAtLeast: 0.5 },
  priority: 'high',
  opensCase: true,
  ...overrides,
});

const heard = (
  overrides: Partial<HeardWords['insight']> = {},
  channel: HeardWords['channel'] = 'social',
): HeardWords => ({
  channel,
  text: 'Third time my bag is lost and my flight leaves in 2 hours.',
  insight: {
    sentiment: 'negative',
    sentimentScore: -0.8,
    urgent: true,
    urgencyScore: 1,
    language: 'en',
    reason: 'baggage',
    reasonConfidence: 0.9,
    ...overrides,
  },
});

test('negative and urgent words match; mild, calm or positive ones do not', () => {
  const rules = [rule({ id: 'angry' })];
  assert.equal(escalationFor(rules, heard())?.rule.id, 'angry');
  assert.equal(escalationFor(rules, heard({ sentimentScore: -0.2 })), null, 'not negative enough');
  assert.equal(escalationFor(rules, heard({ urgencyScore: 0.4, urgent: false })), null, 'not urgent');
  assert.equal(escalationFor(rules, heard({ sentiment: 'neutral', sentimentScore: -0.5 })), null, 'reads neutral');
  assert.equal(escalationFor(rules, heard({ sentiment: 'positive', sentimentScore: 0.9 })), null);
});

test('channels and reasons narrow a rule; an empty list takes every one', () => {
  const emailOnly = rule({ id: 'email', conditions: { ...rule({ id: 'x' }).conditions, channels: ['email'] } });
  assert.equal(escalationFor([emailOnly], heard()), null);
  assert.equal(escalationFor([emailOnly], heard({}, 'email'))?.rule.id, 'email');
  const refunds = rule({ id: 'refunds', conditions: { ...rule({ id: 'x' }).conditions, reasons: ['refund'] } });
  assert.equal(escalationFor([refunds], heard()), null);
  assert.equal(escalationFor([refunds], heard({ reason: null })), null, 'a reason is asked for and none was found');
  assert.equal(escalationFor([refunds], heard({ reason: 'refund' }))?.rule.id, 'refunds');
});

test('the first enabled rule in position order applies', () => {
  const rules = [
    rule({ id: 'last', position: 2, priority: 'high' }),
    rule({ id: 'off', position: 0, priority: 'urgent', enabled: false }),
    rule({ id: 'first', position: 1, priority: 'urgent' }),
  ];
  assert.equal(escalationFor(rules, heard())?.rule.id, 'first');
});

test('the case is told why in the words a person reads', () => {
  assert.equal(
    escalationFor([rule({ id: 'angry' })], heard())?.why,
    "negative, urgent, baggage: 'Third time my bag is lost and my flight leaves in 2 hours.'",
  );
  assert.equal(
    escalationFor([rule({ id: 'angry' })], heard({ urgent: false, urgencyScore: 0.5, reason: null }))?.why,
    "negative: 'Third time my bag is lost and my flight leaves in 2 hours.'",
  );
  const long = `${'word '.repeat(40)}end`;
  const quote = quoteOf(long);
  assert.ok(quote.endsWith('…') && quote.length <= 121, quote);
  assert.equal(quoteOf('two\n\nlines  here'), 'two lines here');
});

test('an escalation raises a priority, never lowers one', () => {
  assert.equal(higherPriority('normal', 'high'), 'high');
  assert.equal(higherPriority('urgent', 'high'), 'urgent');
  assert.equal(higherPriority('low', 'urgent'), 'urgent');
});
