// The pipeline database the cases share: generated Segment traffic of the size asked for, ingested in
// chunks. Each chunk is generated in full before it is ingested, and only one chunk is held in memory.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Config } from '../src/app/config.ts';
import type { IngestReport } from '../src/pipeline/index.ts';
import type { Db } from '../src/store/db.ts';
import type { SqliteDatabase } from '../src/store/sqlite.ts';
import type { BenchEnvironment } from './bench-case.ts';
import { SegmentTraffic, type RawBatch } from './generate.ts';
import { formatCount, say } from './output.ts';
import { ingestSegmentBatch } from './segment-ingest.ts';

export interface Dataset {
  db: SqliteDatabase;
  config: Config;
  traffic: SegmentTraffic;
  totals: { stored: number; customersCreated: number; merges: number };
}

// Large enough that timing starts and stops rarely, small enough that 20M events never sit in memory at once.
const CHUNK_EVENTS = 100_000;

export async function openDataset(env: BenchEnvironment): Promise<Dataset> {
  const { db, config } = await env.workspace.openDatabase('pipeline');
  const { events, customers, batchSize, seed } = env.options;
  const traffic = new SegmentTraffic({ events, customers, batchSize, seed });
  return { db, config, traffic, totals: { stored: 0, customersCreated: 0, merges: 0 } };
}

/** The next chunk of batches, or an empty list when the traffic is exhausted. */
export function nextChunk(traffic: SegmentTraffic): RawBatch[] {
  const batches: RawBatch[] = [];
  let events = 0;
  while (events < CHUNK_EVENTS && !traffic.done) {
    const batch = traffic.nextBatch();
    batches.push(batch);
    events += batch.batch.length;
  }
  return batches;
}

/** `db` is the dataset's database, or a wrapper of it that profiles the statements. */
export async function ingestChunk(dataset: Dataset, batches: readonly RawBatch[], db: Db = dataset.db): Promise<void> {
  for (const batch of batches) {
    countInto(dataset, await ingestSegmentBatch(db, dataset.config, batch), batch.batch.length);
    // SQLite answers synchronously, so without a turn of the event loop Ctrl-C would wait for the whole run.
    await nextTurn();
  }
}

/** Every generated call carries a fresh messageId and an identity: anything but "stored" is a bench bug. */
function countInto(dataset: Dataset, report: IngestReport, calls: number): void {
  if (report.stored !== calls)
    throw new Error(`Expected ${calls} calls stored, got ${report.stored} (${report.duplicates} duplicates)`);
  dataset.totals.stored += report.stored;
  dataset.totals.customersCreated += report.customersCreated;
  dataset.totals.merges += report.merges;
}

/** The shared dataset; when the ingest case did not run (`--only lookup`) it is built here, untimed. */
export async function datasetOf(env: BenchEnvironment): Promise<Dataset> {
  if (env.dataset) return env.dataset;
  const dataset = await openDataset(env);
  say(`Building the dataset: ${formatCount(env.options.events)} events through the ingest pipeline (untimed)…`);
  for (let chunk = nextChunk(dataset.traffic); chunk.length > 0; chunk = nextChunk(dataset.traffic)) {
    await ingestChunk(dataset, chunk);
    say(`  ${formatCount(dataset.totals.stored)} / ${formatCount(env.options.events)} events`);
  }
  env.dataset = dataset;
  return dataset;
}
