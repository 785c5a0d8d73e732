// How a form places the server's refusal (web/src/forms/problem.ts), without a browser: field errors beside
// their fields, nested names under the nearest one shown, codes without a field where the form says, the rest above.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../web/src/api.ts';
import { placeProblem } from '../web/src/forms/problem.ts';

const invalid = (errors: { field: string; reason: string }[]) =>
  new ApiError(400, 'invalid_input', 'Some fields are invalid', errors);

test('a field error goes beside its field, the first reason for it kept', () => {
  const error = invalid([
    { field: 'name', reason: 'is required' },
    { field: 'name', reason: 'is too long' },
  ]);
  assert.deepEqual(placeProblem(error, { fields: ['name', 'source'] }), {
    byField: { name: 'is required' },
    general: null,
  });
});

test('a field the form does not show leaves the whole error above the form', () => {
  const error = invalid([{ field: 'position', reason: 'must be a whole number' }]);
  const placed = placeProblem(error, { fields: ['name'] });
  assert.deepEqual(placed.byField, {});
  assert.equal(placed.general, error);
});

test('nested names find the nearest field only when the form asks for it', () => {
  const error = invalid([{ field: 'businessHours.mon.0.1', reason: 'must be HH:MM' }]);
  const fields = ['businessHours', 'businessHours.mon'];
  assert.deepEqual(placeProblem(error, { fields, nearest: true }).byField, { 'businessHours.mon': 'must be HH:MM' });
  assert.equal(placeProblem(error, { fields }).general, error);
});

test('a renamed field lands under the form’s own name', () => {
  const error = invalid([{ field: 'empowermentLimit.amount', reason: 'must be at least 0' }]);
  const placed = placeProblem(error, {
    fields: ['empowermentLimit.amount'],
    rename: { 'empowermentLimit.amount': 'amount' },
  });
  assert.deepEqual(placed.byField, { amount: 'must be at least 0' });
});

test('a code without a field list goes beside the field the form names for it', () => {
  const error = new ApiError(409, 'staff_exists', 'A staff member with this email exists');
  assert.deepEqual(placeProblem(error, { fields: ['email'], byCode: { staff_exists: 'email' } }), {
    byField: { email: 'A staff member with this email exists' },
    general: null,
  });
});

test('anything but an API error is shown above the form as it is', () => {
  const failure = new TypeError('Failed to fetch');
  assert.deepEqual(placeProblem(failure, { fields: ['name'] }), { byField: {}, general: failure });
});
