// Write keys: the credentials an ingest source (a website, a shop, a CRM) sends events with.
import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { invalidField } from '../shared/errors.ts';
import { ingestErrors } from './errors.ts';
import { hashSecret, newId, newSecret } from '../shared/ids.ts';
import { normaliseSystem } from '../customers/index.ts';
import * as store from './write-key-store.ts';
import type { WriteKeyRow } from './write-key-store.ts';
import type { WriteKeySchema } from './responses.ts';

export type WriteKey = z.infer<typeof WriteKeySchema>;

function toWriteKey(row: WriteKeyRow): WriteKey {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    keyHint: row.key_hint,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** "Landing page" → "landing-page": a source name when none is given. */
export function sourceFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-_.]+|-+$/g, '')
    .slice(0, 64);
}

/** Creates a key; the secret is returned once and only its hash is stored. */
export async function createWriteKey(
  db: Db,
  input: { name: string; source?: string; createdBy: string | null },
): Promise<{ writeKey: WriteKey; key: string }> {
  const source = normaliseSystem(input.source ?? sourceFromName(input.name));
  if (!source) {
    throw invalidField(
      'source',
      'Use lower-case letters, digits, ".", "_" or "-" (e.g. "shopify")',
      'A source name is lower-case letters, digits, ".", "_" or "-"',
    );
  }
  const key = newSecret('wk');
  const id = newId('wk');
  await store.insertWriteKey(db, {
    id,
    name: input.name,
    source,
    keyHash: hashSecret(key),
    keyHint: `${key.slice(0, 6)}…${key.slice(-4)}`,
    createdBy: input.createdBy,
    createdAt: Date.now(),
  });
  return { writeKey: toWriteKey((await store.findWriteKeyById(db, id))!), key };
}

export async function listWriteKeys(db: Db): Promise<WriteKey[]> {
  return (await store.listWriteKeys(db)).map(toWriteKey);
}

export async function revokeWriteKey(db: Db, id: string): Promise<void> {
  if (!(await store.revokeWriteKey(db, id, Date.now())))
    throw ingestErrors.error('write_key_not_found', `No active write key with id ${id}`);
}

// Last use is written at most once a minute per key: a write per tracked event would double ingest cost.
const LAST_USED_PRECISION_MS = 60_000;

export async function findWriteKey(db: Db, key: string): Promise<WriteKey | undefined> {
  const row = await store.findActiveWriteKeyByHash(db, hashSecret(key));
  if (!row) return undefined;
  const now = Date.now();
  if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_PRECISION_MS) {
    await store.touchWriteKey(db, row.id, now);
    row.last_used_at = now;
  }
  return toWriteKey(row);
}
