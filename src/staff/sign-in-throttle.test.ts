// The three sign-in limits, and the per-account one that cannot lock a person out from their own address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIGN_IN_LIMITS, createSignInThrottle } from './sign-in-throttle.ts';

const T0 = 1_000_000_000;

test('per address and email: ten failures, then a wait that ends with the window', () => {
  const throttle = createSignInThrottle();
  for (let i = 0; i < SIGN_IN_LIMITS.perAddressAndEmail; i++) throttle.failed('198.51.100.1', 'ann@example.com', T0);
  assert.match(throttle.wait('198.51.100.1', 'ANN@example.com ', T0)!.reason, /this email from your address/);
  assert.equal(throttle.wait('198.51.100.2', 'ann@example.com', T0), null, 'another address may still try');
  assert.equal(throttle.wait('198.51.100.1', 'ann@example.com', T0 + 15 * 60 * 1000), null);
});

test('per address across emails stops password spraying; a success does not reset it', () => {
  const throttle = createSignInThrottle();
  for (let i = 0; i < SIGN_IN_LIMITS.perAddress - 1; i++) throttle.failed('198.51.100.1', `user${i}@example.com`, T0);
  throttle.succeeded('198.51.100.1', 'mine@example.com', T0);
  throttle.failed('198.51.100.1', 'last@example.com', T0);
  const wait = throttle.wait('198.51.100.1', 'fresh@example.com', T0);
  assert.match(wait!.reason, /from your address/);
  assert.equal(wait!.seconds, 900);
});

test('per account across addresses, except from an address where the account signed in before', () => {
  const throttle = createSignInThrottle();
  throttle.succeeded('192.0.2.7', 'ann@example.com', T0); // her office
  for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) throttle.failed(`203.0.113.${i}`, 'ann@example.com', T0 + 1);
  assert.match(throttle.wait('203.0.113.200', 'ann@example.com', T0 + 2)!.reason, /for this account/);
  assert.equal(throttle.wait('192.0.2.7', 'ann@example.com', T0 + 2), null, 'Ann at her office is not locked out');
  assert.equal(
    throttle.wait('203.0.113.200', 'ann@example.com', T0 + 1 + 15 * 60 * 1000),
    null,
    'and the lock ends by itself',
  );
});
