// The look-up while the projector works: a full log of generated traffic for the same people (appended untimed,
// as the tracking API logs it) drained into the dataset by a Projector at full speed, while cards and bare reads
// arrive at a fixed rate in the same process. Each is timed from its arrival, not from when it got to run, so a
// projection batch that holds the event loop counts, as it would for a request.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { installViewRecorder, type ViewRecorder } from '../src/audit/index.ts';
import type { EventLog } from '../src/eventlog/index.ts';
import { batchCall, logEntryOf } from '../src/ingest/segment.ts';
import { PROJECTOR } from '../src/pipeline/index.ts';
import { readYieldMs } from '../src/pipeline/service.ts';
import type { SqliteDatabase } from '../src/store/sqlite.ts';
import type { BenchEnvironment } from './bench-case.ts';
import { nextChunk } from './dataset.ts';
import { SegmentTraffic } from './generate.ts';
import { bareRead, describeLatency as describe, lookUpCard } from './lookup-reads.ts';
import { formatCount, say } from './output.ts';
import { perSecond, summariseLatencies, type LatencySummary } from './stats.ts';
import { BENCH_SOURCE } from './segment-ingest.ts';
import { createProjector, decodeLogged } from '../src/app/projection.ts';
import { ProjectorThread } from '../src/app/projector-thread.ts';
import type { ProjectionControl } from '../src/pipeline/index.ts';

/** A card or a bare read arrives this often (so 100 cards a second): a busy help desk, and most of the loop left. */
const ARRIVAL_EVERY_MS = 5;
/** The last stretch before an arrival waited by turns of the loop: more than a timer's slack. */
const SPIN_MS = 1.5;
const ORIGIN = { edge: 'segment', actor: { kind: 'write_key', id: 'bench' } } as const;

export interface ProjectingResult {
  /** From arrival to answer. */
  card: LatencySummary;
  /** From the moment it ran to its answer: what the card costs, without the wait for the event loop. */
  cardService: LatencySummary;
  bare: LatencySummary;
  cards: number;
  backlog: number;
  eventsProjected: number;
  /** The projection's rate while it shared the process with the look-ups. */
  eventsPerSecond: number;
  /** How long a projection batch runs before the event loop turns (null: never). */
  yieldEveryMs: number | null;
  /** Whether the projection ran on a thread of its own (the server's default). */
  projectionThread: boolean;
}

export async function lookUpWhileProjecting(input: {
  env: BenchEnvironment;
  db: SqliteDatabase;
  log: EventLog;
  defaultCountry: string;
  recorder: ViewRecorder;
  timed: readonly string[];
  idOf(email: string): Promise<string>;
}): Promise<ProjectingResult> {
  const { env, db, log, timed, idOf } = input;
  const { backlog, customers, batchSize, seed } = env.options;
  say(
    `Look-up while projecting: ${formatCount(backlog)} more events for the same people appended to the log (untimed)…`,
  );
  const traffic = new SegmentTraffic({ events: backlog, customers, batchSize, seed: seed + 3 });
  let last = 0;
  for (let chunk = nextChunk(traffic); chunk.length > 0; chunk = nextChunk(traffic)) {
    for (const raw of chunk) {
      const parsed = batchCall.safeParse(raw);
      if (!parsed.success) throw new Error(`Generated batch failed validation: ${parsed.error.message}`);
      const { batch, context, sentAt } = parsed.data;
      const detail = { source: BENCH_SOURCE, defaultCountry: input.defaultCountry, context, sentAt };
      const entries = batch.map((call) => logEntryOf(call, BENCH_SOURCE, { context, sentAt }));
      last = (await log.append({ ...ORIGIN, detail }, entries)).last;
    }
  }

  const failures: unknown[] = [];
  const onError = (error: unknown) => failures.push(error);
  const config = { databaseFile: db.file, eventLogFile: log.db.file, logRetentionDays: 7 };
  // As the server runs it: on a thread of its own (or, with --same-thread, between the look-ups).
  const projector: ProjectionControl = env.options.projectionThread
    ? await ProjectorThread.open({ db, log, config, decode: decodeLogged, onError })
    : createProjector(db, log, config, { onError, keepImportOutcomes: false });
  const uninstall = installViewRecorder(db, input.recorder);
  const card: number[] = [];
  const cardService: number[] = [];
  const bare: number[] = [];
  // Where the projection stands before it starts (it drains as soon as it does).
  const from =
    (await db.get<{ position: number }>('SELECT position FROM projection_cursor WHERE name = ?', [PROJECTOR]))
      ?.position ?? 0;
  let elapsedMs = 0;
  let drained = false;
  try {
    const started = performance.now();
    await projector.start();
    let due = started;
    // Open loop: arrivals keep their times whatever the loop is doing, until the backlog has drained (a batch that
    // never lets the loop turn leaves every arrival of its time to run late, one after the other, after it).
    let drainedAt = Number.POSITIVE_INFINITY;
    for (let arrival = 0; card.length < timed.length; arrival++) {
      if (failures.length > 0) throw failures[0];
      due += ARRIVAL_EVERY_MS;
      if (due > drainedAt) break;
      const email = timed[card.length]!;
      const customerId = arrival % 2 === 1 ? await idOf(email) : '';
      // Sleeps while the arrival is far (a server idles between requests, leaving the core to the projection's
      // thread), then waits by turns of the event loop for the last stretch, so no timer's slack is counted.
      const far = due - performance.now() - SPIN_MS;
      if (far > 0) await sleep(far);
      while (performance.now() < due) await nextTurn();
      const ran = performance.now();
      if (arrival % 2 === 0) {
        await lookUpCard(db, email);
        card.push(performance.now() - due);
        cardService.push(performance.now() - ran);
        if (card.length % 500 === 0) {
          say(
            `  ${formatCount(card.length)} cards, projected ${formatCount(projector.position())} / ${formatCount(last)}`,
          );
        }
      } else {
        await bareRead(db, customerId);
        bare.push(performance.now() - due);
      }
      if (drainedAt === Number.POSITIVE_INFINITY && projector.position() >= last) drainedAt = performance.now();
    }
    drained = drainedAt !== Number.POSITIVE_INFINITY;
    elapsedMs = Math.min(performance.now(), drainedAt) - started;
  } finally {
    uninstall();
    await projector.close();
  }
  const eventsProjected = projector.position() - from;
  const result: ProjectingResult = {
    card: summariseLatencies(card),
    cardService: summariseLatencies(cardService),
    bare: summariseLatencies(bare),
    cards: card.length,
    backlog,
    eventsProjected,
    eventsPerSecond: perSecond(eventsProjected, elapsedMs),
    yieldEveryMs: readYieldMs(),
    projectionThread: env.options.projectionThread,
  };
  const why = drained ? 'the backlog drained' : `${formatCount(card.length)} cards timed`;
  const where = result.projectionThread
    ? 'on its own thread'
    : `on this thread, batches yield ${result.yieldEveryMs === null ? 'never' : `every ${result.yieldEveryMs} ms`}`;
  say(`  while projecting (${why}; ${formatCount(result.eventsPerSecond)} events/s, ${where}):`);
  say(`  card from arrival   ${describe(result.card)}`);
  say(`  card once it ran    ${describe(result.cardService)}`);
  say(`  bare from arrival   ${describe(result.bare)}`);
  return result;
}
