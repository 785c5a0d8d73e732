// Context-card latency: what an agent waits for when a customer calls — the customer found by email,
// then their card (profile, identities, preferences, recent interactions, merges, audit of the view).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { findCustomerIdByIdentity, getContextCard, normaliseEmail } from '../src/customers/index.ts';
import type { Actor } from '../src/shared/actor.ts';
import type { Db } from '../src/store/db.ts';
import type { BenchCase } from './bench-case.ts';
import { datasetOf } from './dataset.ts';
import { emitResult, formatCount, say } from './output.ts';
import { summariseLatencies } from './stats.ts';
import { openCasesForCard } from '../src/cases/card.ts';

/** Target on the reference machine (2 cores), at the default size. */
export const TARGET_P99_MS = 2;

const AGENT: Actor = { kind: 'staff', id: 'stf_bench_agent' };
const WARM_UP_LOOKUPS = 1_000;

async function lookUpCard(db: Db, email: string): Promise<void> {
  const id = await findCustomerIdByIdentity(db, { kind: 'email', value: normaliseEmail(email)! });
  await getContextCard(db, id, AGENT, openCasesForCard);
}

export const lookupBench: BenchCase = {
  name: 'lookup',
  async run(env) {
    const { lookups, events, customers, seed } = env.options;
    const { db, traffic } = await datasetOf(env);
    const profiles = (await db.get<{ count: number }>(
      'SELECT COUNT(*) AS count FROM customers WHERE merged_into IS NULL',
    ))!.count;
    // A separate random draw warms up code and caches; the timed people are mostly not among them, as on a real call.
    const warmUp = traffic.sampleEmails(Math.min(WARM_UP_LOOKUPS, lookups), seed + 1);
    const timed = traffic.sampleEmails(lookups, seed + 2);
    say(
      `Look-up: ${formatCount(lookups)} context cards by email among ${formatCount(profiles)} profiles, after ${warmUp.length} to warm up`,
    );
    for (const email of warmUp) await lookUpCard(db, email);

    const durations: number[] = [];
    for (const email of timed) {
      const start = performance.now();
      await lookUpCard(db, email);
      durations.push(performance.now() - start);
      if (durations.length % 1_000 === 0) {
        say(`  ${formatCount(durations.length)} / ${formatCount(lookups)}`);
        await nextTurn(); // lets Ctrl-C through, as between batches in dataset.ts
      }
    }
    const latency = summariseLatencies(durations);
    say(`Look-up: p50 ${latency.p50Ms} ms, p90 ${latency.p90Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms`);
    say(`  target p99 ≤ ${TARGET_P99_MS} ms: ${latency.p99Ms <= TARGET_P99_MS ? 'met' : 'MISSED'}`);
    emitResult({
      bench: 'lookup',
      customers,
      events,
      p50Ms: latency.p50Ms,
      p99Ms: latency.p99Ms,
      p90Ms: latency.p90Ms,
      maxMs: latency.maxMs,
      meanMs: latency.meanMs,
      lookups,
      profiles,
      targetP99Ms: TARGET_P99_MS,
      meetsTarget: latency.p99Ms <= TARGET_P99_MS,
    });
  },
};
