// Acknowledging ingest: generated Segment batches through the code the tracking API runs before it answers
// (validation, append to the event log, synced to disk; mapping waits for the projector), against a bare insert of the same rows into
// one indexed table, interleaved chunk by chunk in one run. The batches of a chunk arrive at once, as concurrent
// requests do, so the log's group commit shares their syncs; the projection is measured apart.
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BenchCase } from './bench-case.ts';
import { bareRowsOf, createBareTable } from './bare-insert.ts';
import { nextChunk } from './dataset.ts';
import { SegmentTraffic } from './generate.ts';
import { emitResult, formatCount, say } from './output.ts';
import { Stopwatch, perSecond, roundTo } from './stats.ts';
import { EventLog } from '../src/eventlog/index.ts';
import { batchCall, logEntryOf } from '../src/ingest/segment.ts';
import { BENCH_SOURCE } from './segment-ingest.ts';

/** Issue 12's target: acknowledging keeps up with a bare insert of the same rows. */
export const TARGET_RATIO = 1.0;

const ORIGIN = { edge: 'segment', actor: { kind: 'write_key', id: 'bench' } } as const;

/** Requests validated between two group commits: the http case's 8 clients, each one request at a time. */
const REQUESTS_A_GROUP = 8;

export const ingestAckBench: BenchCase = {
  name: 'ingest-ack',
  async run(env) {
    const { events, customers, batchSize, seed } = env.options;
    say(`Ingest acknowledged: ${formatCount(events)} events, ${batchSize} calls per request, appended to the log`);
    const traffic = new SegmentTraffic({ events, customers, batchSize, seed });
    const bare = await env.workspace.openDatabase('ack-bare');
    const insertBareBatch = createBareTable(bare.db.rawConnection());
    // As the server opens it: commits on a writer thread (--same-thread: on this one).
    const log = await EventLog.open(join(env.workspace.root, 'ack-log', 'events.db'), {
      writerThread: env.options.projectionThread,
    });
    const ackClock = new Stopwatch();
    const bareClock = new Stopwatch();
    let acknowledged = 0;
    try {
      for (let chunk = nextChunk(traffic); chunk.length > 0; chunk = nextChunk(traffic)) {
        const bareBatches = chunk.map(bareRowsOf);
        await bareClock.time(async () => bareBatches.forEach(insertBareBatch));
        await ackClock.time(async () => {
          const appended: Array<Promise<number>> = [];
          for (const [index, raw] of chunk.entries()) {
            const parsed = batchCall.safeParse(raw);
            if (!parsed.success) throw new Error(`Generated batch failed validation: ${parsed.error.message}`);
            const { batch, context, sentAt } = parsed.data;
            const detail = { source: BENCH_SOURCE, defaultCountry: bare.config.defaultCountry, context, sentAt };
            const entries = batch.map((call) => logEntryOf(call, BENCH_SOURCE, { context, sentAt }));
            appended.push(log.append({ ...ORIGIN, detail }, entries).then((range) => range.last - range.first + 1));
            // As concurrent requests do: a group goes to be committed while the next requests are validated.
            if ((index + 1) % REQUESTS_A_GROUP === 0) await nextTurn();
          }
          for (const count of await Promise.all(appended)) acknowledged += count;
        });
        say(
          `  ${formatCount(acknowledged)} / ${formatCount(events)} events: acknowledged ${formatCount(perSecond(acknowledged, ackClock.elapsedMs))}/s, ` +
            `bare insert ${formatCount(perSecond(acknowledged, bareClock.elapsedMs))}/s`,
        );
      }
    } finally {
      await log.close();
    }
    const eventsPerSecond = perSecond(acknowledged, ackClock.elapsedMs);
    const bareInsertPerSecond = perSecond(acknowledged, bareClock.elapsedMs);
    const ratio = roundTo(eventsPerSecond / bareInsertPerSecond, 3);
    say(
      `Ingest acknowledged: ${formatCount(eventsPerSecond)} events/s, bare insert ${formatCount(bareInsertPerSecond)} rows/s: ratio ${ratio}`,
    );
    say(`  commits: ${formatCount(log.stats().commits)} for ${formatCount(acknowledged)} events`);
    say(`  target ratio ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`);
    emitResult({
      bench: 'ingest-ack',
      events: acknowledged,
      eventsPerSecond,
      bareInsertPerSecond,
      ratio,
      commits: log.stats().commits,
      batchSize,
      targetRatio: TARGET_RATIO,
      meetsTarget: ratio >= TARGET_RATIO,
    });
  },
};
