// Opaque identifiers: a readable prefix and a time-ordered random part, so ids sort by creation.
import { randomBytes, randomFillSync, createHash } from 'node:crypto';
import { currentEvent } from './clock.ts';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_BYTES_PER_ID = 8;
// Crypto-random bytes are drawn in blocks and handed out once each: one system call per 512 ids
// instead of one per id (it was 4% of the case engine's time).
const randomPool = Buffer.alloc(4096);
let poolOffset = randomPool.length;

/** Eight crypto-random base-36 characters, from pool bytes that no other id gets. */
function randomPart(): string {
  if (poolOffset + RANDOM_BYTES_PER_ID > randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  let out = '';
  for (let i = 0; i < RANDOM_BYTES_PER_ID; i++) out += ALPHABET[randomPool[poolOffset + i]! % 36];
  poolOffset += RANDOM_BYTES_PER_ID;
  return out;
}

let lastTime = 0;
let sequence = 0;

/**
 * `newId('cus')` → `cus_0mwtlzxyb0001k2p9qa1b`: time, then a sequence within the millisecond, then
 * randomness. Ids made by one process sort in creation order, which breaks ties between records
 * created in the same millisecond (the older profile survives a merge). Ids made while projecting a logged
 * event are its acknowledgement time, its log position and a count instead: as unique, in order, and reproducible.
 */
export function newId(prefix: string): string {
  const event = currentEvent();
  if (event) {
    // Made while projecting a logged event: the same id each time that event is projected (clock.ts).
    const position = event.position.toString(36).padStart(8, '0');
    const issued = (event.idsIssued++).toString(36).padStart(4, '0');
    return `${prefix}_${event.time.toString(36).padStart(9, '0')}${position}${issued}`;
  }
  const now = Date.now();
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  return `${prefix}_${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomPart()}`;
}

/** A secret to show once: `prefix_` + 32 url-safe characters. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** Secrets are stored as SHA-256: they are long and random, so a slow hash adds nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
