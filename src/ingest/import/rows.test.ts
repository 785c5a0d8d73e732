// An imported row is held to the same text rule as an HTTP body: a bad cell is named, the row rejected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRowValidator } from './rows.ts';

const validate = createRowValidator('US', 'import');
const row = (text: string) => ({ customer: { email: 'jane@example.com' }, channel: 'email', type: 'note', text });

test('a NUL or a lone surrogate in a cell rejects the row and names the field', () => {
  const nul = validate(row('a\u0000b'), 'raw-1', Date.now());
  assert.deepEqual('errors' in nul && nul.errors.map((error) => error.field), ['text']);
  const surrogate = validate(
    { ...row('fine'), customer: { email: 'jane@example.com', name: 'J\ud800' } },
    'raw-2',
    Date.now(),
  );
  assert.deepEqual('errors' in surrogate && surrogate.errors.map((error) => error.field), ['customer.name']);
});

test('ordinary text, emoji included, passes', () => {
  const outcome = validate(row('Thanks 😀 — très bien'), 'raw-3', Date.now());
  assert.ok('event' in outcome, JSON.stringify(outcome));
});
