// Opaque identifiers: a readable prefix and a time-ordered random part, so ids sort by creation.
import { randomBytes, createHash } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function base36(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}

/** `newId('cus')` → `cus_0m3x8k2p9qa1b2c3d4e5`: time prefix (sortable) + 12 random characters. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${base36(randomBytes(12))}`;
}

/** A secret to show once: `prefix_` + 32 url-safe characters. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** Secrets are stored as SHA-256: they are long and random, so a slow hash adds nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
