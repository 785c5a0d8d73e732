// Projection: a full event log of generated Segment traffic (appended untimed, as the tracking API logs it)
// applied by the projector to a fresh database until nothing waits, against a bare insert of the same rows
// into one indexed table, interleaved chunk by chunk in one run. This is issue 12's second rate: how fast the
// customer view catches up, as the ingest case measured the synchronous pipeline before the log.
import { join } from 'node:path';
import type { BenchCase } from './bench-case.ts';
import { bareRowsOf, createBareTable } from './bare-insert.ts';
import { nextChunk } from './dataset.ts';
import { SegmentTraffic } from './generate.ts';
import { emitResult, formatCount, say } from './output.ts';
import { Stopwatch, perSecond, roundTo } from './stats.ts';
import { EventLog } from '../src/eventlog/index.ts';
import { batchCall, decodeLoggedSegmentCall, logEntryOf } from '../src/ingest/segment.ts';
import { Projector } from '../src/pipeline/index.ts';
import { BENCH_SOURCE } from './segment-ingest.ts';
import { SqlProfile } from './sql-profile.ts';

/** Issue 12's target: the projection keeps a quarter of a bare insert's rate. */
export const TARGET_RATIO = 0.25;

const ORIGIN = { edge: 'segment', actor: { kind: 'write_key', id: 'bench' } } as const;

export const projectionBench: BenchCase = {
  name: 'projection',
  async run(env) {
    const { events, customers, batchSize, seed } = env.options;
    say(
      `Projection: ${formatCount(events)} events from ${formatCount(customers)} customers, from the log to the database`,
    );
    const traffic = new SegmentTraffic({ events, customers, batchSize, seed });
    const bare = await env.workspace.openDatabase('projection-bare');
    const insertBareBatch = createBareTable(bare.db.rawConnection());
    const target = await env.workspace.openDatabase('projection');
    const log = await EventLog.open(join(env.workspace.root, 'projection-log', 'events.db'));
    // `--profile-sql`: each statement the projection runs, timed (a wrapper around the database it writes).
    const sqlProfile = env.options.profileSql ? new SqlProfile() : null;
    const projector = new Projector(sqlProfile ? sqlProfile.wrap(target.db) : target.db, log, {
      edges: { segment: { decode: decodeLoggedSegmentCall } },
      onError: (error) => {
        throw error;
      },
    });
    const projectClock = new Stopwatch();
    const bareClock = new Stopwatch();
    let projected = 0;
    try {
      for (let chunk = nextChunk(traffic); chunk.length > 0; chunk = nextChunk(traffic)) {
        let last = 0;
        for (const raw of chunk) {
          const parsed = batchCall.safeParse(raw);
          if (!parsed.success) throw new Error(`Generated batch failed validation: ${parsed.error.message}`);
          const { batch, context, sentAt } = parsed.data;
          const detail = { source: BENCH_SOURCE, defaultCountry: target.config.defaultCountry, context, sentAt };
          const entries = batch.map((call) => logEntryOf(call, BENCH_SOURCE, { context, sentAt }));
          last = (await log.append({ ...ORIGIN, detail }, entries)).last;
        }
        const bareBatches = chunk.map(bareRowsOf);
        await bareClock.time(async () => bareBatches.forEach(insertBareBatch));
        // The whole chunk waits in the log, as a backlog does: the projector takes it in batches it sizes itself.
        await projectClock.time(async () => {
          while ((await projector.projectBatch()) > 0) {}
        });
        projected = last;
        say(
          `  ${formatCount(projected)} / ${formatCount(events)} events: projected ${formatCount(perSecond(projected, projectClock.elapsedMs))}/s, ` +
            `bare insert ${formatCount(perSecond(projected, bareClock.elapsedMs))}/s`,
        );
      }
    } finally {
      await projector.close();
      await log.close();
    }
    sqlProfile?.print(projected);
    const stored = (await target.db.get<{ n: number }>('SELECT count(*) AS n FROM interactions'))?.n ?? 0;
    if (stored !== projected) throw new Error(`Expected ${projected} interactions, found ${stored}`);
    const eventsPerSecond = perSecond(projected, projectClock.elapsedMs);
    const bareInsertPerSecond = perSecond(projected, bareClock.elapsedMs);
    const ratio = roundTo(eventsPerSecond / bareInsertPerSecond, 3);
    say(
      `Projection: ${formatCount(eventsPerSecond)} events/s, bare insert ${formatCount(bareInsertPerSecond)} rows/s: ratio ${ratio}`,
    );
    say(`  target ratio ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`);
    emitResult({
      bench: 'projection',
      events: projected,
      eventsPerSecond,
      bareInsertPerSecond,
      ratio,
      batchSize,
      customers,
      targetRatio: TARGET_RATIO,
      meetsTarget: ratio >= TARGET_RATIO,
    });
  },
};
