// Pages written per ingested event, by table and index: what each commit puts in the WAL, which is
// what the ingest COMMIT costs. Untimed and deterministic, so it compares changes on a noisy machine.
// Usage: npx tsx bench/wal-pages.ts [events=100000] [batches measured at the end=50]
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { bareRowsOf, createBareTable } from './bare-insert.ts';
import { SegmentTraffic } from './generate.ts';
import { ingestSegmentBatch } from './segment-ingest.ts';
import { Workspace } from './workspace.ts';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The page numbers of the frames in the WAL (one commit's, since the WAL is truncated before each). */
function walPages(file: string, pageSize: number): number[] {
  const fd = openSync(`${file}-wal`, 'r');
  try {
    const pages: number[] = [];
    const header = Buffer.alloc(4);
    const size = fstatSync(fd).size;
    for (let offset = WAL_HEADER; offset + FRAME_HEADER + pageSize <= size; offset += FRAME_HEADER + pageSize) {
      readSync(fd, header, 0, 4, offset);
      pages.push(header.readUInt32BE(0));
    }
    return pages;
  } finally {
    closeSync(fd);
  }
}

/** Which table or index each page belongs to, from SQLite's dbstat table. */
function pageOwners(connection: BetterSqlite3.Database): Map<number, string> {
  const rows = connection.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>;
  return new Map(rows.map((row) => [row.pageno, row.name]));
}

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 100_000);
  const measured = Number(process.argv[3] ?? 50);
  const workspace = new Workspace();
  try {
    const pipeline = await workspace.openDatabase('pipeline');
    const bare = await workspace.openDatabase('bare');
    const insertBare = createBareTable(bare.db.rawConnection());
    const traffic = new SegmentTraffic({ events, customers: Math.max(1, Math.round(events / 10)), batchSize: 500, seed: 42 });
    const connections = [pipeline.db, bare.db].map((db) => ({ db, connection: db.rawConnection(), pages: [] as number[] }));
    const pageSize = connections[0]!.connection.pragma('page_size', { simple: true }) as number;
    const batches = Math.ceil(events / 500);
    let eventsMeasured = 0;
    for (let batch = 0; !traffic.done; batch++) {
      const raw = traffic.nextBatch();
      for (const { connection } of connections) connection.pragma('wal_checkpoint(TRUNCATE)');
      await ingestSegmentBatch(pipeline.db, pipeline.config, raw);
      insertBare(bareRowsOf(raw));
      if (batch < batches - measured) continue;
      eventsMeasured += raw.batch.length;
      for (const entry of connections) entry.pages.push(...new Set(walPages(entry.db.file, pageSize)));
    }
    for (const [label, { connection, pages }] of [['pipeline', connections[0]!], ['bare', connections[1]!]] as const) {
      const owners = pageOwners(connection);
      const byOwner = new Map<string, number>();
      for (const page of pages) byOwner.set(owners.get(page) ?? '(other)', (byOwner.get(owners.get(page) ?? '(other)') ?? 0) + 1);
      console.log(`${label}: ${(pages.length / eventsMeasured).toFixed(2)} pages per event over the last ${measured} batches of ${events} events`);
      for (const [owner, count] of [...byOwner].sort((a, b) => b[1] - a[1])) {
        console.log(`  ${(count / eventsMeasured).toFixed(3).padStart(7)}  ${owner}`);
      }
    }
  } finally {
    await workspace.remove();
  }
}

await main();
