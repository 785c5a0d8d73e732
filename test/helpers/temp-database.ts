// A real, migrated database in a temp folder for one test file: opened before its tests, removed after.
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteDatabase } from '../../src/store/sqlite.ts';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';

export interface TempDatabase {
  /** The database, once `before` has run. */
  readonly db: SqliteDatabase;
  /** Its folder, for a test that needs a second database file beside it. */
  readonly dir: string;
  /** SQLite's EXPLAIN QUERY PLAN of a statement, one step a line; each `?` is bound to 1 unless given. */
  queryPlan(sql: string, params?: readonly unknown[]): string;
}

export function useTempDatabase(prefix: string): TempDatabase {
  let dir = '';
  let db: SqliteDatabase | undefined;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), `rapport-${prefix}-`));
    db = openSqlite(join(dir, `${prefix}.db`));
    await db.migrate();
  });
  after(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get db() {
      if (!db) throw new Error('The temp database opens in before(): use it inside a test');
      return db;
    },
    get dir() {
      return dir;
    },
    queryPlan(sql, params = (sql.match(/\?/g) ?? []).map(() => 1)) {
      return this.db
        .rawConnection()
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
    },
  };
}

/**
 * A database as an older release left it: only the migrations `keep` accepts, applied in order. Upgrade tests
 * write rows as that release did through `writer`, then run `db.migrate()` for the rest.
 */
export async function openAtMigrations(
  file: string,
  keep: (version: number) => boolean,
): Promise<{ db: SqliteDatabase; writer: ReturnType<SqliteDatabase['rawConnection']> }> {
  const db = openSqlite(file);
  const writer = db.rawConnection();
  await applyMigrations(
    db,
    (sql) => writer.exec(sql),
    readMigrations().filter((migration) => keep(migration.version)),
  );
  return { db, writer };
}
