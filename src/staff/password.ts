// Password hashing with scrypt (memory-hard, in Node's crypto, so no native add-on to build).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createHashLimiter } from './hash-limiter.ts';

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** N=2^15, r=8 → 32 MiB and tens of milliseconds per hash: OWASP's floor for scrypt. */
const PRODUCTION_COST: ScryptCost = { N: 32768, r: 8, p: 1 };
/** 128 KiB and well under a millisecond: for test suites that sign in hundreds of times. */
const TEST_COST: ScryptCost = { N: 128, r: 8, p: 1 };
const KEY_LENGTH = 32;

let cost = PRODUCTION_COST;

export type PasswordHashCost = 'production' | 'test';

/**
 * Tests only, in the manner of Devise's `stretches`: new hashes made at a cost a test suite can afford. Not a
 * setting, so no deployment can weaken its passwords by configuration. A hash carries its own parameters, so
 * hashes made at either cost verify at either. Answers the cost it replaces.
 */
export function usePasswordHashCost(which: PasswordHashCost): PasswordHashCost {
  const before = cost === TEST_COST ? 'test' : 'production';
  cost = which === 'test' ? TEST_COST : PRODUCTION_COST;
  return before;
}

/**
 * Every hash of the process goes through here: two at a time (each holds a core and 32 MiB), up to
 * 32 waiting; a sign-in flood beyond that is answered 503 at once instead of starving other requests.
 */
export const passwordHashing = createHashLimiter({ concurrency: 2, queue: 32 });

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return passwordHashing.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

/** `scrypt$N$r$p$salt$hash`, all in one column so parameters can rise later without a migration. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * What an unknown email's password is checked against: the same work as a real account's, so the answer's timing
 * does not tell which emails have accounts.
 */
export function unknownAccountHash(): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
