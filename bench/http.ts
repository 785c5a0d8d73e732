// http: the real server (a child process, as `npm start` runs it) on loopback, with clients in this process
// sending generated /v1/batch bodies over kept-alive connections. Flat out first: events acknowledged per second
// against a bare insert of the same events, and the time the backlog then takes to drain, which gives the
// projection's capacity. Then steady at half that capacity: answer times and how far the projection lags.
import { join } from 'node:path';
import type { BenchCase } from './bench-case.ts';
import { bareRowsOf, createBareTable } from './bare-insert.ts';
import { type RawBatch, SegmentTraffic } from './generate.ts';
import { Connection, setUpCredentials } from './http-client.ts';
import {
  type Body,
  BodyQueue,
  longestGapMs,
  projectionLags,
  runFlatOut,
  runSteady,
  StatusPoller,
} from './http-load.ts';
import { startBenchServer } from './http-server.ts';
import { emitResult, formatCount, say } from './output.ts';
import { BENCH_SOURCE } from './segment-ingest.ts';
import { Stopwatch, perSecond, percentile, roundTo, summariseLatencies } from './stats.ts';

/** Issue 12's targets for this case. */
export const TARGETS = { ratio: 0.3, p99Ms: 100, lagP99Ms: 2000, errors5xx: 0 };

// Bodies generated ahead for the flat-out phase, per second of it: the expected rate (about 30k/s on two
// cores). Should the clients send them all sooner, the phase ends early and says so; its rate stays true.
const FLAT_OUT_EVENTS_PER_SECOND = 30_000;
// Segment's documented batch limit, which /v1/batch enforces.
const BATCH_BODY_LIMIT = 500 * 1024;
const DRAIN_POLL_MS = 100;
const LAG_POLL_MS = 20;
const DRAIN_TIMEOUT_MS = 15 * 60_000;
const LAG_TAIL_TIMEOUT_MS = 60_000;

/** The bare insert of `bodies`' events, timed on rows prepared first. */
function timeBareInsert(insert: ReturnType<typeof createBareTable>, clock: Stopwatch, bodies: readonly Body[]) {
  const rows = bodies.map((body) => bareRowsOf(JSON.parse(body.json.toString('utf8')) as RawBatch));
  return clock.time(async () => rows.forEach(insert));
}

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

export const httpBench: BenchCase = {
  name: 'http',
  async run(env) {
    const { httpSeconds: seconds, httpClients: clients, httpBatchSize: batchSize, seed } = env.options;
    say(
      `HTTP: the server on loopback, ${clients} clients, ${batchSize} calls a /v1/batch body; ${seconds} s flat out, then ${seconds} s steady`,
    );
    const flatOutEvents = seconds * FLAT_OUT_EVENTS_PER_SECOND;
    const trafficEvents = flatOutEvents * 2;
    const traffic = new SegmentTraffic({ events: trafficEvents, customers: trafficEvents / 10, batchSize, seed });
    const queue = new BodyQueue(traffic);
    say(`  generating ${formatCount(flatOutEvents)} events as request bodies (untimed)`);
    const largest = queue.fill(flatOutEvents);
    if (largest > BATCH_BODY_LIMIT)
      throw new Error(
        `A body of ${formatCount(largest)} bytes exceeds /v1/batch's 500 KB limit; use a smaller --batch`,
      );

    const projectionThread = env.options.projectionThread;
    const server = await startBenchServer(
      join(env.workspace.root, 'http'),
      projectionThread ? {} : { RAPPORT_PROJECTION_THREAD: 'false' },
    );
    try {
      const setup = new Connection(server.url);
      const credentials = await setUpCredentials(setup, server.admin, BENCH_SOURCE);
      setup.close();

      // Flat out, then the drain.
      const watch = new StatusPoller(server.url, credentials, DRAIN_POLL_MS);
      const before = await watch.until(() => true, 10_000);
      if (!before) throw new Error(`GET /api/ingest/status did not answer: ${watch.failures.samples.join('; ')}`);
      say(`  flat out for ${seconds} s`);
      const flat = await runFlatOut(server.url, credentials, queue, { clients, seconds });
      const startedAt = flat.endedAt - flat.elapsedMs;
      const atEnd = watch.samples.findLast((sample) => sample.at <= flat.endedAt) ?? before;
      say(`  acknowledged ${formatCount(flat.events)} events; draining a backlog of ${formatCount(atEnd.backlog)}`);
      const drained = await watch.until((sample) => sample.backlog === 0, DRAIN_TIMEOUT_MS);
      await watch.stop();
      if (!drained) throw new Error(`The backlog did not drain within ${DRAIN_TIMEOUT_MS / 60_000} min`);
      const drainSeconds = roundTo((drained.at - flat.endedAt) / 1000, 2);
      const projectedPerSecond = perSecond(drained.projected - before.projected, drained.at - startedAt);
      const drainOnlyPerSecond = perSecond(drained.projected - atEnd.projected, drained.at - atEnd.at);
      const mostBacklog = Math.max(...watch.samples.map((sample) => sample.backlog));
      // The status is answered by the same thread as everything else: a long silence is a thread held by work.
      const statusGapMs = Math.round(longestGapMs(watch.samples, startedAt, flat.endedAt));
      const flatAnswers = flat.answerMs.length > 0 ? summariseLatencies(flat.answerMs) : null;

      // The bare insert of the acknowledged events, in two halves: one now, one after the steady phase, so
      // that it sees the machine at two moments around the HTTP phases.
      const bare = await env.workspace.openDatabase('http-bare');
      const insertBare = createBareTable(bare.db.rawConnection());
      const bareClock = new Stopwatch();
      const half = Math.ceil(flat.acknowledged.length / 2);
      await timeBareInsert(insertBare, bareClock, flat.acknowledged.slice(0, half));

      // Steady at half the projection's capacity.
      const steadyRate = projectedPerSecond / 2;
      if (!(steadyRate > 0)) throw new Error('Nothing was projected during the flat-out phase');
      const intervalMs = (batchSize / steadyRate) * 1000;
      const requests = Math.max(1, Math.floor((seconds * 1000) / intervalMs));
      queue.fill(requests * batchSize);
      say(
        `  steady for ${seconds} s: ${formatCount(Math.round(steadyRate))} events/s, a request every ${roundTo(intervalMs, 1)} ms`,
      );
      const lagWatch = new StatusPoller(server.url, credentials, LAG_POLL_MS);
      const steadyStart = performance.now();
      const steady = await runSteady(server.url, credentials, queue, { clients, requests, intervalMs });
      const steadyGapMs = Math.round(longestGapMs(lagWatch.samples, steadyStart, performance.now()));
      const lastPosition = Math.max(0, ...steady.acks.map((ack) => ack.position));
      await lagWatch.until((sample) => sample.projected >= lastPosition, LAG_TAIL_TIMEOUT_MS);
      await lagWatch.stop();
      const lags = projectionLags(steady.acks, lagWatch.samples);
      const seenLags = lags.filter((lag): lag is number => lag !== null).sort((a, b) => a - b);

      await timeBareInsert(insertBare, bareClock, flat.acknowledged.slice(half));

      const eventsPerSecond = perSecond(flat.events, flat.elapsedMs);
      const bareInsertPerSecond = perSecond(flat.events, bareClock.elapsedMs);
      const ratio = roundTo(eventsPerSecond / bareInsertPerSecond, 3);
      const answers = steady.answerMs.length > 0 ? summariseLatencies(steady.answerMs) : null;
      const lagP50Ms = seenLags.length > 0 ? roundTo(percentile(seenLags, 50), 1) : null;
      const lagP99Ms = seenLags.length > 0 ? roundTo(percentile(seenLags, 99), 1) : null;
      const steadyPerSecond = perSecond(steady.events, steady.elapsedMs);
      const errors5xx = steady.errors5xx.count;

      say(
        `HTTP flat out: ${formatCount(eventsPerSecond)} events/s acknowledged, bare insert ${formatCount(bareInsertPerSecond)} rows/s: ` +
          `ratio ${ratio} (target ≥ ${TARGETS.ratio}: ${verdict(ratio >= TARGETS.ratio)})`,
      );
      say(
        `  ${formatCount(flat.events)} events in ${roundTo(flat.elapsedMs / 1000, 1)} s; 503 refusals ${flat.refusals} ` +
          `(sent again after Retry-After; ${flat.abandoned} still refused at the deadline); other errors ${flat.errors.count}`,
      );
      const capacity = flat.beforeBackpressure;
      const ackCapacityPerSecond = capacity ? perSecond(capacity.events, capacity.elapsedMs) : null;
      const ackCapacityRatio =
        ackCapacityPerSecond === null ? null : roundTo(ackCapacityPerSecond / bareInsertPerSecond, 3);
      if (capacity)
        say(
          `  until the first 503 (after ${roundTo(capacity.elapsedMs / 1000, 1)} s, the backlog at its limit): ` +
            `${formatCount(ackCapacityPerSecond!)} events/s acknowledged, ratio ${ackCapacityRatio}`,
        );
      if (flatAnswers)
        say(`  answer p50 ${flatAnswers.p50Ms} ms, p99 ${flatAnswers.p99Ms} ms, max ${flatAnswers.maxMs} ms`);
      if (flat.ranOut) say(`  the ${formatCount(flatOutEvents)} events generated ahead ran out before the deadline`);
      for (const sample of flat.errors.samples) say(`    error: ${sample}`);
      say(
        `  backlog at most ${formatCount(mostBacklog)} events; drained ${drainSeconds} s after the last answer. ` +
          `Projection capacity ${formatCount(projectedPerSecond)} events/s (events projected from the start of the ` +
          `flat-out phase to the end of the drain ÷ that time; ${formatCount(drainOnlyPerSecond)}/s during the drain alone)`,
      );
      if (mostBacklog < eventsPerSecond)
        say(
          '  the backlog stayed under a second of acknowledgements: the projection kept pace with them, so its ' +
            'capacity is at least this, maybe more',
        );
      say(
        `  the status poll (every ${DRAIN_POLL_MS} ms) went unanswered for up to ${formatCount(statusGapMs)} ms during the flat-out phase`,
      );
      say(
        `HTTP steady at ${formatCount(Math.round(steadyRate))} events/s (half the projection capacity): ` +
          `${formatCount(steadyPerSecond)} events/s acknowledged`,
      );
      if (answers)
        say(
          `  answer p50 ${answers.p50Ms} ms, p99 ${answers.p99Ms} ms, max ${answers.maxMs} ms ` +
            `(target p99 ≤ ${TARGETS.p99Ms} ms: ${verdict(answers.p99Ms <= TARGETS.p99Ms)})`,
        );
      say(
        `  projection lag p50 ${lagP50Ms} ms, p99 ${lagP99Ms} ms (target p99 ≤ ${TARGETS.lagP99Ms} ms: ` +
          `${verdict(lagP99Ms !== null && lagP99Ms <= TARGETS.lagP99Ms)}); the status was polled every ${LAG_POLL_MS} ms, ` +
          `which bounds the lag's precision (${lags.length - seenLags.length} batches never seen projected)`,
      );
      say(
        `  5xx ${errors5xx} (target none: ${verdict(errors5xx === TARGETS.errors5xx)}); other errors ${steady.otherErrors.count}; ` +
          `${steady.late} requests sent late (every client busy)`,
      );
      say(`  the status poll (every ${LAG_POLL_MS} ms) went unanswered for up to ${formatCount(steadyGapMs)} ms`);
      for (const sample of [...steady.errors5xx.samples, ...steady.otherErrors.samples]) say(`    error: ${sample}`);

      emitResult({
        bench: 'http',
        mode: 'flat-out',
        projectionThread,
        clients,
        seconds: roundTo(flat.elapsedMs / 1000, 2),
        batchSize,
        events: flat.events,
        eventsPerSecond,
        bareInsertPerSecond,
        ratio,
        drainSeconds,
        refusals: flat.refusals,
        abandoned: flat.abandoned,
        ackCapacityPerSecond,
        ackCapacityRatio,
        errors: flat.errors.count,
        p50Ms: flatAnswers?.p50Ms ?? null,
        p99Ms: flatAnswers?.p99Ms ?? null,
        mostBacklog,
        statusGapMs,
        projectedPerSecond,
        drainProjectedPerSecond: drainOnlyPerSecond,
        targetRatio: TARGETS.ratio,
        meetsTarget: ratio >= TARGETS.ratio,
      });
      emitResult({
        bench: 'http',
        mode: 'steady',
        projectionThread,
        clients,
        seconds: roundTo(steady.elapsedMs / 1000, 2),
        batchSize,
        rate: Math.round(steadyRate),
        events: steady.events,
        eventsPerSecond: steadyPerSecond,
        p50Ms: answers?.p50Ms ?? null,
        p99Ms: answers?.p99Ms ?? null,
        lagP50Ms,
        lagP99Ms,
        errors5xx,
        errors: steady.otherErrors.count,
        late: steady.late,
        lagPollMs: LAG_POLL_MS,
        statusGapMs: steadyGapMs,
        meetsTarget:
          answers !== null &&
          answers.p99Ms <= TARGETS.p99Ms &&
          lagP99Ms !== null &&
          lagP99Ms <= TARGETS.lagP99Ms &&
          errors5xx === TARGETS.errors5xx,
      });
    } catch (error) {
      say(`The server's last lines:\n${server.logTail()}`);
      throw error;
    } finally {
      await server.stop();
    }
  },
};
