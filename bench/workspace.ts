// Temp databases for one benchmark run, opened exactly as the app opens its own, and removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/app/app.ts';
import { loadConfig, type Config } from '../src/app/config.ts';
import type { SqliteDatabase } from '../src/store/sqlite.ts';

export interface OpenedDatabase {
  db: SqliteDatabase;
  config: Config;
}

export class Workspace {
  readonly root = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  private readonly opened: SqliteDatabase[] = [];

  /** A fresh, migrated database in its own data directory under the workspace. */
  async openDatabase(name: string): Promise<OpenedDatabase> {
    const config = loadConfig(process.env, { dataDir: join(this.root, name) });
    const db = await openDatabase(config);
    this.opened.push(db);
    return { db, config };
  }

  async remove(): Promise<void> {
    for (const db of this.opened.splice(0)) await db.close();
    this.removeFiles();
  }

  /** For an interrupted run: the connections die with the process, the files must not stay behind. */
  removeFiles(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
