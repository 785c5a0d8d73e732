// The settings table: small JSON values by key, for what capabilities keep between runs and share with
// the CLI (case settings, flag-rule re-evaluation markers, how far a sweep has looked).
import type { Db } from './db.ts';

/** Every setting whose key starts with `prefix` (`cases.`): a range of the primary key, which LIKE could not use. */
export async function readSettings(db: Db, prefix: string): Promise<Map<string, unknown>> {
  const rows = await db.all<{ key: string; value: string }>(
    'SELECT key, value FROM settings WHERE key >= ? AND key < ?',
    [prefix, `${prefix}\uffff`],
  );
  return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

export async function readSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db.run(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, JSON.stringify(value)],
  );
}

/** With `onlyIf`, only while the setting still holds that value (nobody changed it meanwhile). */
export async function deleteSetting(db: Db, key: string, onlyIf?: unknown): Promise<void> {
  if (onlyIf === undefined) await db.run('DELETE FROM settings WHERE key = ?', [key]);
  else await db.run('DELETE FROM settings WHERE key = ? AND value = ?', [key, JSON.stringify(onlyIf)]);
}
