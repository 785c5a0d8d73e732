// The ideas screens' own rules, without a browser: the reply offered by status (greeting by first name only when
// there is one, the reason requesters are owed), a title from a customer's first words, and how figures read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  firstNameOf,
  formatRate,
  formatReplyHours,
  historyText,
  replyTemplate,
  titleFromWords,
  viaText,
} from '../web/src/ideas.ts';

test('the reply offered greets her by first name, and says the reason a declined or possible idea owes', () => {
  const idea = { title: 'Gift wrapping', statusReason: null };
  assert.equal(
    replyTemplate({ ...idea, status: 'planned' }, 'Ann Example'),
    'Hi Ann, thank you for asking for “Gift wrapping”. It is planned: I will let you know as soon as it is ready.',
  );
  assert.match(
    replyTemplate({ ...idea, status: 'declined', statusReason: 'Our boxes are too small.' }, 'Bo'),
    /^Hi Bo, .* not to do it, .*: Our boxes are too small\.$/,
  );
  assert.match(
    replyTemplate({ ...idea, status: 'already_possible', statusReason: 'Tick “gift” at checkout.' }, null),
    /^Hi, .*you can do it today\. Tick “gift” at checkout\.$/,
  );
  assert.equal(firstNameOf('ann@example.com'), null, 'an address is no name');
  assert.equal(firstNameOf('j***@example.com'), null);
  assert.equal(firstNameOf('+14155550123'), null);
  assert.equal(firstNameOf('@mariag'), null);
  assert.equal(firstNameOf('  Maria  Garcia '), 'Maria');
});

test('a title from her first words, cut with an ellipsis only when something was left out', () => {
  assert.equal(titleFromWords('Gift wrapping please!'), 'Gift wrapping please!');
  assert.equal(
    titleFromWords('Please add gift wrapping, I would buy all my presents here'),
    'Please add gift wrapping, I would buy all…',
  );
  assert.equal(titleFromWords(`${'x'.repeat(100)} more`), `${'x'.repeat(80)}…`);
  assert.equal(titleFromWords('  two\n\nlines  '), 'two lines');
});

test('figures and replies in words', () => {
  assert.equal(formatRate(0.25), '25%');
  assert.equal(formatRate(1 / 3), '33.3%');
  assert.equal(formatReplyHours(0.2), '12 min');
  assert.equal(formatReplyHours(1), '1 hour');
  assert.equal(formatReplyHours(5.54), '5.5 hours');
  assert.equal(formatReplyHours(72), '3 days');
  assert.equal(viaText({ via: 'case' }, 12), 'Sent on case #12');
  assert.equal(viaText({ via: 'email' }), 'Emailed');
  assert.equal(viaText({ via: 'recorded' }), 'Recorded as answered by hand');
  assert.equal(
    historyText({ change: { status: ['new', 'declined'], reason: 'Too costly' } }),
    'Status New → Declined: Too costly',
  );
  assert.equal(
    historyText({ change: { created: { title: 'x', requester: 'c_1' } } }),
    'Created from a customer’s words',
  );
});
