// Opaque identifiers: a readable prefix and a time-ordered random part, so ids sort by creation.
import { randomBytes, createHash } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function base36(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}

let lastTime = 0;
let sequence = 0;

/**
 * `newId('cus')` → `cus_0mwtlzxyb0001k2p9qa1b`: time, then a sequence within the millisecond, then
 * randomness. Ids made by one process sort in creation order, which breaks ties between records
 * created in the same millisecond (the older profile survives a merge).
 */
export function newId(prefix: string): string {
  const now = Date.now();
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  return `${prefix}_${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${base36(randomBytes(8))}`;
}

/** A secret to show once: `prefix_` + 32 url-safe characters. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** Secrets are stored as SHA-256: they are long and random, so a slow hash adds nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
