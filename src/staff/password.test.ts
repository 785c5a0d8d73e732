// Passwords hash at OWASP's scrypt cost unless a test suite lowers it; a hash carries its parameters, so a hash
// made at one cost still verifies after the cost changes, and an unknown account costs the same work as a real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, unknownAccountHash, usePasswordHashCost, verifyPassword } from './password.ts';

test('production hashes use N=2^15, r=8; test hashes are cheap; each verifies at the other cost', async (t) => {
  const before = usePasswordHashCost('production');
  t.after(() => usePasswordHashCost(before));
  const strong = await hashPassword('orchid violin seventy rafts');
  assert.match(strong, /^scrypt\$32768\$8\$1\$/);
  assert.match(unknownAccountHash(), /^scrypt\$32768\$8\$1\$/);

  assert.equal(usePasswordHashCost('test'), 'production');
  try {
    const cheap = await hashPassword('orchid violin seventy rafts');
    assert.match(cheap, /^scrypt\$128\$8\$1\$/);
    assert.match(unknownAccountHash(), /^scrypt\$128\$8\$1\$/);
    assert.equal(await verifyPassword('orchid violin seventy rafts', strong), true);
    assert.equal(await verifyPassword('orchid violin seventy raft', cheap), false);
    assert.equal(await verifyPassword('anything at all', unknownAccountHash()), false);
  } finally {
    assert.equal(usePasswordHashCost('production'), 'test');
  }
  assert.equal(await verifyPassword('orchid violin seventy rafts', strong), true);
});
