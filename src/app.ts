// Starts Rapport: opens the database, applies migrations, makes sure an admin exists, serves HTTP.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openSqlite, type SqliteDatabase } from './store/sqlite.ts';
import { buildServer } from './http/server.ts';
import { ensureFirstAdmin } from './staff/service.ts';

export interface RunningApp {
  app: FastifyInstance;
  db: SqliteDatabase;
  url: string;
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<SqliteDatabase> {
  const db = openSqlite(config.databaseFile);
  await db.migrate();
  return db;
}

export async function startApp(config: Config): Promise<RunningApp> {
  const db = await openDatabase(config);
  const admin = await ensureFirstAdmin(db, config.adminEmail, config.adminPassword);
  const app = await buildServer({ db, config });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    db,
    url: `http://127.0.0.1:${port}`,
    generatedAdminPassword: admin.generatedPassword,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
