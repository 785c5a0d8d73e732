// The one password rule: long enough, not too long, and not common (zxcvbn-ts, offline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPassword, passwordProblem } from './password-policy.ts';
import { loadConfig } from '../app/config.ts';

test('12 to 1024 characters, counted as people count them', () => {
  assert.match(passwordProblem('elevenchars')!, /must be at least 12 characters \(it has 11\)/);
  assert.equal('violet😀lamp'.length, 12);
  assert.match(passwordProblem('violet😀lamp')!, /\(it has 11\)/, 'an emoji is one character, not two UTF-16 units');
  assert.match(passwordProblem(`${'a long enough password '.repeat(45)}`)!, /at most 1024 characters/);
});

test('common passwords and patterns are refused with what they are built from; unrelated words pass', () => {
  for (const common of [
    'password1234',
    'Password123!',
    'qwertyuiop123',
    'iloveyou12345',
    '1234567890ab',
    'aaaaaaaaaaaa',
  ]) {
    assert.match(passwordProblem(common) ?? 'accepted', /too easy to guess/, common);
  }
  assert.match(passwordProblem('password1234')!, /built from "password", "1234"/);
  for (const fine of ['a long enough password', 'violet tractor spoon lagoon', 'zJ8#kq2!pL0x'])
    assert.equal(passwordProblem(fine), null, fine);
});

test('as a zod field it reports the same reason', () => {
  const result = newPassword.safeParse('password1234');
  assert.equal(result.success, false);
  assert.match(result.error!.issues[0]!.message, /too easy to guess/);
  assert.equal(newPassword.safeParse('a long enough password').success, true);
});

test('the first admin’s RAPPORT_ADMIN_PASSWORD follows the same policy, or start-up stops naming the variable', () => {
  assert.throws(
    () => loadConfig({ RAPPORT_ADMIN_PASSWORD: 'password1234' }),
    /RAPPORT_ADMIN_PASSWORD: is too easy to guess/,
  );
  assert.throws(
    () => loadConfig({ RAPPORT_ADMIN_PASSWORD: 'ninechars' }),
    /RAPPORT_ADMIN_PASSWORD: must be at least 12 characters/,
  );
  assert.equal(
    loadConfig({ RAPPORT_ADMIN_PASSWORD: 'a long enough password' }).adminPassword,
    'a long enough password',
  );
});
