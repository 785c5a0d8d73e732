// Context-card latency: what an agent waits for when a customer calls — the customer found by email, then their
// card (profile, identities, preferences, recent interactions, merges), the view recorded as the app records it
// (through the event log). Timed, interleaved in one run, beside a bare indexed read of the same customers' 50
// latest interactions; then again while a projector drains a full log at full speed (lookup-projecting.ts).
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { findCustomerIdByIdentity, normaliseEmail } from '../src/customers/index.ts';
import { installViewRecorder } from '../src/audit/index.ts';
import { createViewRecorder, WAIT_FOR_VIEW_COMMIT } from '../src/app/view-recorder.ts';
import { EventLog } from '../src/eventlog/index.ts';
import { createProjector } from '../src/app/projection.ts';
import type { BenchCase } from './bench-case.ts';
import { datasetOf } from './dataset.ts';
import { emitResult, formatCount, say } from './output.ts';
import { roundTo, summariseLatencies, type LatencySummary } from './stats.ts';
import { bareRead, describeLatency, lookUpCard } from './lookup-reads.ts';
import { lookUpWhileProjecting } from './lookup-projecting.ts';

/** Target on the reference machine (2 cores), at the default size, quiet and while the projector works. */
export const TARGET_P99_MS = 2;

const WARM_UP_LOOKUPS = 1_000;

interface Timed {
  name: string;
  run(email: string, customerId: string): Promise<void>;
  durations: number[];
}

export const lookupBench: BenchCase = {
  name: 'lookup',
  async run(env) {
    const { lookups, events, customers, seed } = env.options;
    const { db, config, traffic } = await datasetOf(env);
    const profiles = (await db.get<{ count: number }>(
      'SELECT COUNT(*) AS count FROM customers WHERE merged_into IS NULL',
    ))!.count;
    // As the server opens it: its commits on a thread of their own (--same-thread: on this one).
    const log = await EventLog.open(join(env.workspace.root, 'lookup-log', 'events.db'), {
      writerThread: env.options.projectionThread,
    });
    // Configured as the app's: the views recorded through the log are projected into the audit trail.
    const projector = createProjector(db, log, config, { onError: () => undefined, keepImportOutcomes: false });
    const recorders = {
      awaited: createViewRecorder({ eventLog: log, projector, waitForCommit: true }),
      queued: createViewRecorder({
        eventLog: log,
        projector,
        waitForCommit: false,
        onError: (error) => {
          throw error;
        },
      }),
    };
    const cardWith = (recorder: keyof typeof recorders) => async (email: string) => {
      const uninstall = installViewRecorder(db, recorders[recorder]);
      try {
        await lookUpCard(db, email);
      } finally {
        uninstall();
      }
    };
    const variants: Timed[] = [
      { name: 'card, view awaited', run: cardWith('awaited'), durations: [] },
      { name: 'card, view queued', run: cardWith('queued'), durations: [] },
      { name: 'bare read', run: (_email, customerId) => bareRead(db, customerId), durations: [] },
    ];
    const idOf = (email: string) => findCustomerIdByIdentity(db, { kind: 'email', value: normaliseEmail(email)! });

    // A separate random draw warms up code and caches; the timed people are mostly not among them, as on a real call.
    const warmUp = traffic.sampleEmails(Math.min(WARM_UP_LOOKUPS, lookups), seed + 1);
    const timed = traffic.sampleEmails(lookups, seed + 2);
    say(
      `Look-up: ${formatCount(lookups)} context cards by email among ${formatCount(profiles)} profiles, each timed ` +
        `with its view awaited, queued, and against a bare read, after ${warmUp.length} to warm up`,
    );
    try {
      for (const email of warmUp) for (const variant of variants) await variant.run(email, await idOf(email));
      for (const [index, email] of timed.entries()) {
        const customerId = await idOf(email);
        // Interleaved, each first in turn; between two, a turn of the event loop, as between two requests: a
        // queued view is committed there, outside the time of the look-up that queued it.
        for (let offset = 0; offset < variants.length; offset++) {
          const variant = variants[(index + offset) % variants.length]!;
          await nextTurn();
          const start = performance.now();
          await variant.run(email, customerId);
          variant.durations.push(performance.now() - start);
        }
        if ((index + 1) % 1_000 === 0) say(`  ${formatCount(index + 1)} / ${formatCount(lookups)}`);
      }
      const [awaited, queued, bare] = variants.map((variant) => summariseLatencies(variant.durations)) as [
        LatencySummary,
        LatencySummary,
        LatencySummary,
      ];
      for (const [index, latency] of [awaited, queued, bare].entries()) {
        say(`  ${variants[index]!.name.padEnd(20)} ${describeLatency(latency)}`);
      }
      const card = WAIT_FOR_VIEW_COMMIT ? awaited : queued;
      const ratioP50 = roundTo(card.p50Ms / bare.p50Ms, 2);
      const ratioP99 = roundTo(card.p99Ms / bare.p99Ms, 2);
      say(
        `Look-up: p50 ${card.p50Ms} ms, p99 ${card.p99Ms} ms; card / bare read: ${ratioP50} at p50, ${ratioP99} at p99`,
      );

      const projecting = await lookUpWhileProjecting({
        env,
        db,
        log,
        defaultCountry: config.defaultCountry,
        recorder: WAIT_FOR_VIEW_COMMIT ? recorders.awaited : recorders.queued,
        timed,
        idOf,
      });
      const meetsTarget = card.p99Ms <= TARGET_P99_MS && projecting.card.p99Ms <= TARGET_P99_MS;
      say(`  target p99 ≤ ${TARGET_P99_MS} ms, quiet and while projecting: ${meetsTarget ? 'met' : 'MISSED'}`);
      emitResult({
        bench: 'lookup',
        customers,
        events,
        p50Ms: card.p50Ms,
        p99Ms: card.p99Ms,
        p90Ms: card.p90Ms,
        maxMs: card.maxMs,
        meanMs: card.meanMs,
        lookups,
        profiles,
        targetP99Ms: TARGET_P99_MS,
        meetsTarget,
        viewRecording: WAIT_FOR_VIEW_COMMIT ? 'awaited' : 'queued',
        viewAwaited: awaited,
        viewQueued: queued,
        bare,
        ratioP50,
        ratioP99,
        projecting,
      });
    } finally {
      await projector.close();
      await log.close();
    }
  },
};
