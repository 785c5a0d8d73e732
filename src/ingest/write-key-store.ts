// The SQL of write keys: only a key's hash and a hint of it are stored, never the key.
import type { Db } from '../store/db.ts';

export interface WriteKeyRow {
  id: string;
  name: string;
  source: string;
  key_hint: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export async function insertWriteKey(
  db: Db,
  key: {
    id: string;
    name: string;
    source: string;
    keyHash: string;
    keyHint: string;
    createdBy: string | null;
    createdAt: number;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO write_keys (id, name, source, key_hash, key_hint, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [key.id, key.name, key.source, key.keyHash, key.keyHint, key.createdBy, key.createdAt],
  );
}

export async function findWriteKeyById(db: Db, id: string): Promise<WriteKeyRow | undefined> {
  return db.get<WriteKeyRow>('SELECT * FROM write_keys WHERE id = ?', [id]);
}

export async function findActiveWriteKeyByHash(db: Db, keyHash: string): Promise<WriteKeyRow | undefined> {
  return db.get<WriteKeyRow>('SELECT * FROM write_keys WHERE key_hash = ? AND revoked_at IS NULL', [keyHash]);
}

export async function listWriteKeys(db: Db): Promise<WriteKeyRow[]> {
  return db.all<WriteKeyRow>('SELECT * FROM write_keys ORDER BY created_at DESC');
}

/** Revokes an active key; false when there is no active key with this id. */
export async function revokeWriteKey(db: Db, id: string, at: number): Promise<boolean> {
  const { changes } = await db.run('UPDATE write_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
    at,
    id,
  ]);
  return changes > 0;
}

export async function touchWriteKey(db: Db, id: string, at: number): Promise<void> {
  await db.run('UPDATE write_keys SET last_used_at = ? WHERE id = ?', [at, id]);
}
