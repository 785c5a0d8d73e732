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

test('dates: a layout that could be read two ways is refused without --date-format, and read strictly with it', () => {
  const dated = (occurredAt: string) => ({ ...row('hello'), occurredAt });
  const guessed = validate(dated('03/04/2024 10:00'), 'raw-4', Date.now());
  assert.ok('errors' in guessed);
  assert.equal(guessed.errors[0]?.field, 'occurredAt');
  assert.match(
    guessed.errors[0]?.reason ?? '',
    /either way round in 03\/04\/2024 10:00: name the layout with --date-format/,
  );
  const plain = validate(dated('25/04/2024 10:00'), 'raw-5', Date.now());
  assert.deepEqual('errors' in plain && plain.errors, [
    {
      field: 'occurredAt',
      reason: 'Not a date and time: 25/04/2024 10:00: name its layout with --date-format (e.g. dd/MM/yyyy HH:mm)',
    },
  ]);

  const european = createRowValidator('US', 'import', { dateFormat: 'dd/MM/yyyy HH:mm', timezone: 'Europe/Paris' });
  const read = european(dated('03/04/2024 10:00'), 'raw-6', Date.now());
  assert.ok('event' in read, JSON.stringify(read));
  assert.equal(read.event.occurredAt, Date.UTC(2024, 3, 3, 8, 0));
  const iso = european(dated('2024-04-03T10:00:00Z'), 'raw-7', Date.now());
  assert.ok('event' in iso && iso.event.occurredAt === Date.UTC(2024, 3, 3, 10, 0), 'ISO 8601 cannot be misread');
  const misfit = european(dated('April 3, 2024'), 'raw-8', Date.now());
  assert.deepEqual('errors' in misfit && misfit.errors, [
    {
      field: 'occurredAt',
      reason: 'Not a date and time in the layout dd/MM/yyyy HH:mm (nor ISO 8601): April 3, 2024',
    },
  ]);
});
