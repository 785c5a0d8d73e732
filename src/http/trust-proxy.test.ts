// RAPPORT_TRUST_PROXY: trust nothing unless told; hop counts, addresses and CIDRs; bad values named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrustProxy } from './trust-proxy.ts';
import { loadConfig } from '../app/config.ts';

test('unset, empty, false or 0 trust no proxy; true trusts anyone', () => {
  for (const off of [undefined, '', ' ', 'false', '0']) assert.equal(parseTrustProxy(off), false, String(off));
  assert.equal(parseTrustProxy('true'), true);
});

test('a hop count believes that many nearest proxies', () => {
  const oneHop = parseTrustProxy('1');
  assert.equal(typeof oneHop, 'function');
  const trusts = oneHop as (address: string, hop: number) => boolean;
  assert.equal(trusts('10.0.0.1', 0), true);
  assert.equal(trusts('203.0.113.9', 1), false);
  assert.throws(() => parseTrustProxy('99'), /1 to 10/);
});

test('addresses, CIDR ranges and named ranges, comma-separated', () => {
  assert.deepEqual(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback'), [
    '127.0.0.1',
    '10.0.0.0/8',
    '::1',
    'fd00::/8',
    'loopback',
  ]);
  assert.throws(() => parseTrustProxy('10.0.0.0/33'), /"10.0.0.0\/33" is not an address/);
  assert.throws(() => parseTrustProxy('proxy.example.com'), /not an address, a CIDR range or a hop count/);
});

test('a bad value stops start-up with a message naming the variable', () => {
  assert.throws(
    () => loadConfig({ RAPPORT_TRUST_PROXY: 'yes please' }),
    /RAPPORT_TRUST_PROXY: "yes please" is not an address/,
  );
  assert.equal(loadConfig({}).trustProxy, false, 'trust nothing by default');
  assert.deepEqual(loadConfig({ RAPPORT_TRUST_PROXY: '127.0.0.1' }).trustProxy, ['127.0.0.1']);
});
