// The retention reports (churn, acquisition, cohorts) on a generated dataset: how long each takes to answer on demand.
// Usage: npx tsx bench/retention.ts [customers=100000] [--keep FILE]   (about 10 interactions per customer)
// With --keep, the database is written to FILE and reused by the next run with the same FILE (generating 100,000
// customers takes about a minute).
import { existsSync } from 'node:fs';
import { generateRetentionDataset } from './retention-dataset.ts';
import { Workspace } from './workspace.ts';
import { openSqlite } from '../src/store/sqlite.ts';
import { acquisitionReport, churnReport, retentionReport } from '../src/retention/index.ts';
import { SYSTEM_ACTOR } from '../src/shared/actor.ts';
import { say } from './output.ts';

const DAY = 86_400_000;

async function main(): Promise<void> {
  const customers = Number(process.argv[2] ?? 100_000);
  const keepAt = process.argv.indexOf('--keep');
  const kept = keepAt > 0 ? process.argv[keepAt + 1] : undefined;
  const workspace = new Workspace();
  try {
    const fresh = !kept || !existsSync(kept);
    const db = kept ? openSqlite(kept) : (await workspace.openDatabase('retention')).db;
    await db.migrate();
    const now = Date.parse('2026-12-01T00:00:00Z');
    if (fresh) {
      const started = performance.now();
      const made = generateRetentionDataset(db, customers, now);
      await db.run('ANALYZE');
      say(`generated ${JSON.stringify(made)} in ${Math.round(performance.now() - started)} ms`);
    }
    const periods = {
      month: { from: Date.parse('2026-10-01T00:00:00Z'), to: Date.parse('2026-11-01T00:00:00Z') },
      quarter: { from: Date.parse('2026-08-01T00:00:00Z'), to: Date.parse('2026-11-01T00:00:00Z') },
      year: { from: now - 365 * DAY, to: now },
    };
    const results: Record<string, number> = {};
    // Wall time, and the CPU time of this process (SQLite runs in it): on a shared machine the second is the steadier.
    const time = async (name: string, work: () => Promise<unknown>) => {
      await work(); // warm: the first read pulls pages into the cache
      const cpu = process.cpuUsage();
      const started = performance.now();
      await work();
      const used = process.cpuUsage(cpu);
      results[`${name}Ms`] = Math.round(performance.now() - started);
      results[`${name}CpuMs`] = Math.round((used.user + used.system) / 1000);
      say(`${name}: ${results[`${name}Ms`]} ms (${results[`${name}CpuMs`]} ms of CPU)`);
    };
    for (const [name, period] of Object.entries(periods)) {
      await time(`churn-${name}`, () => churnReport(db, period, SYSTEM_ACTOR, now));
      await time(`acquisition-${name}`, () => acquisitionReport(db, period, now));
    }
    await time('retention-12-months', () =>
      retentionReport(db, { from: Date.parse('2025-12-01T00:00:00Z'), to: now }, now),
    );
    const counts = await db.get<{ customers: number; interactions: number }>(
      'SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM interactions) AS interactions',
    );
    process.stdout.write(`${JSON.stringify({ bench: 'retention', ...counts, ...results })}\n`);
    if (kept) await db.close();
  } finally {
    await workspace.remove();
  }
}

await main();
