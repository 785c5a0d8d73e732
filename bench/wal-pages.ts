// Pages written per ingested event, by table and index: what each commit puts in the WAL, which is
// what the ingest COMMIT costs. Untimed and deterministic, so it compares changes on a noisy machine.
// Usage: npx tsx bench/wal-pages.ts [events=100000] [batches measured at the end=50]
import { bareRowsOf, createBareTable } from './bare-insert.ts';
import { SegmentTraffic } from './generate.ts';
import { ingestSegmentBatch } from './segment-ingest.ts';
import { pageOwners, pagesWrittenBetween, walFrames } from './wal-frames.ts';
import { Workspace } from './workspace.ts';

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 100_000);
  const measured = Number(process.argv[3] ?? 50);
  const workspace = new Workspace();
  try {
    const pipeline = await workspace.openDatabase('pipeline');
    const bare = await workspace.openDatabase('bare');
    const insertBare = createBareTable(bare.db.rawConnection());
    const traffic = new SegmentTraffic({
      events,
      customers: Math.max(1, Math.round(events / 10)),
      batchSize: 500,
      seed: 42,
    });
    const connections = [pipeline.db, bare.db].map((db) => ({
      db,
      connection: db.rawConnection(),
      pages: [] as number[],
    }));
    const pageSize = connections[0]!.connection.pragma('page_size', { simple: true }) as number;
    const batches = Math.ceil(events / 500);
    let eventsMeasured = 0;
    for (let batch = 0; !traffic.done; batch++) {
      const raw = traffic.nextBatch();
      for (const { connection } of connections) connection.pragma('wal_checkpoint(TRUNCATE)');
      const before = connections.map((entry) => walFrames(entry.db.file, pageSize));
      await ingestSegmentBatch(pipeline.db, pipeline.config, raw);
      insertBare(bareRowsOf(raw));
      if (batch < batches - measured) continue;
      eventsMeasured += raw.batch.length;
      connections.forEach((entry, index) => {
        entry.pages.push(...pagesWrittenBetween(before[index]!, walFrames(entry.db.file, pageSize)));
      });
    }
    for (const [label, { connection, pages }] of [
      ['pipeline', connections[0]!],
      ['bare', connections[1]!],
    ] as const) {
      const owners = pageOwners(connection);
      const byOwner = new Map<string, number>();
      for (const page of pages)
        byOwner.set(owners.get(page) ?? '(other)', (byOwner.get(owners.get(page) ?? '(other)') ?? 0) + 1);
      console.log(
        `${label}: ${(pages.length / eventsMeasured).toFixed(2)} pages per event over the last ${measured} batches of ${events} events`,
      );
      for (const [owner, count] of [...byOwner].sort((a, b) => b[1] - a[1])) {
        console.log(`  ${(count / eventsMeasured).toFixed(3).padStart(7)}  ${owner}`);
      }
    }
  } finally {
    await workspace.remove();
  }
}

await main();
