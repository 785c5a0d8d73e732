// Ingest throughput: generated Segment batches through the full pipeline, against a bare insert of the
// same rows into one indexed table on the same file system; the ratio is how much of SQLite's speed we keep.
import type { BenchCase } from './bench-case.ts';
import { bareRowsOf, createBareTable } from './bare-insert.ts';
import { createStorageCeilingTable } from './storage-ceiling.ts';
import { ingestChunk, nextChunk, openDataset } from './dataset.ts';
import { emitResult, formatCount, say } from './output.ts';
import { SqlProfile } from './sql-profile.ts';
import { Stopwatch, perSecond, roundTo } from './stats.ts';

/** Target on the reference machine (2 cores): the pipeline keeps at least half of a bare insert's rate. */
export const TARGET_RATIO = 0.5;

export const ingestBench: BenchCase = {
  name: 'ingest',
  async run(env) {
    const { events, customers, batchSize } = env.options;
    say(
      `Ingest: ${formatCount(events)} events from ${formatCount(customers)} customers, ${batchSize} calls per batch and transaction`,
    );
    const dataset = await openDataset(env);
    const bare = await env.workspace.openDatabase('bare');
    const insertBareBatch = createBareTable(bare.db.rawConnection());
    const ceiling = await env.workspace.openDatabase('storage-ceiling');
    const insertCeilingBatch = createStorageCeilingTable(ceiling.db.rawConnection());
    const pipelineClock = new Stopwatch();
    const bareClock = new Stopwatch();
    const ceilingClock = new Stopwatch();
    const sqlProfile = env.options.profileSql ? new SqlProfile() : null;
    const pipelineDb = sqlProfile ? sqlProfile.wrap(dataset.db) : dataset.db;

    for (let chunk = nextChunk(dataset.traffic); chunk.length > 0; chunk = nextChunk(dataset.traffic)) {
      const bareBatches = chunk.map(bareRowsOf);
      await bareClock.time(async () => bareBatches.forEach(insertBareBatch));
      await ceilingClock.time(async () => bareBatches.forEach(insertCeilingBatch));
      await pipelineClock.time(() => ingestChunk(dataset, chunk, pipelineDb));
      say(
        `  ${formatCount(dataset.totals.stored)} / ${formatCount(events)} events: pipeline ${formatCount(perSecond(dataset.totals.stored, pipelineClock.elapsedMs))}/s, ` +
          `bare insert ${formatCount(perSecond(dataset.totals.stored, bareClock.elapsedMs))}/s`,
      );
    }
    env.dataset = dataset;

    const eventsPerSecond = perSecond(events, pipelineClock.elapsedMs);
    const bareInsertPerSecond = perSecond(events, bareClock.elapsedMs);
    const ratio = roundTo(eventsPerSecond / bareInsertPerSecond, 3);
    const storageOnlyPerSecond = perSecond(events, ceilingClock.elapsedMs);
    const ceilingRatio = roundTo(storageOnlyPerSecond / bareInsertPerSecond, 3);
    const { mix } = dataset.traffic;
    say(
      `Ingest: ${formatCount(eventsPerSecond)} events/s through the pipeline, ${formatCount(bareInsertPerSecond)} rows/s bare: ratio ${ratio}`,
    );
    say(
      `  mix: ${formatCount(mix.identifies)} identify, ${formatCount(mix.tracks)} track; ${formatCount(dataset.totals.customersCreated)} profiles created, ${formatCount(dataset.totals.merges)} merges`,
    );
    say(
      `  storage alone (timeline index + idempotency key, no pipeline): ${formatCount(storageOnlyPerSecond)} rows/s, ratio ${ceilingRatio}: ` +
        'no synchronous pipeline can exceed it',
    );
    say(`  target ratio ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`);
    sqlProfile?.print(events);
    emitResult({
      bench: 'ingest',
      events,
      eventsPerSecond,
      bareInsertPerSecond,
      ratio,
      storageOnlyPerSecond,
      ceilingRatio,
      batchSize,
      customers,
      identifies: mix.identifies,
      tracks: mix.tracks,
      profilesCreated: dataset.totals.customersCreated,
      merges: dataset.totals.merges,
      targetRatio: TARGET_RATIO,
      meetsTarget: ratio >= TARGET_RATIO,
    });
  },
};
