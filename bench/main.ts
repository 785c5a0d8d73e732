// `npm run bench`: reads the flags, runs the benchmark cases in order on temp databases, removes them.
// A new case is a BenchCase added to BENCH_CASES.
import { availableParallelism } from 'node:os';
import type { BenchCase, BenchEnvironment } from './bench-case.ts';
import { caseReplayBench, unusableFeedMessage } from './case-replay.ts';
import { dashboardBench } from './dashboard.ts';
import { ingestBench } from './ingest.ts';
import { ingestAckBench } from './ingest-ack.ts';
import { httpBench } from './http.ts';
import { projectionBench } from './projection.ts';
import { lookupBench } from './lookup.ts';
import { parseBenchOptions, usage } from './options.ts';
import { say } from './output.ts';
import { Workspace } from './workspace.ts';
import { listenToTexts, yieldToReadsEvery } from '../src/pipeline/service.ts';

/** In run order: look-up reuses the database the ingest case filled; the others use their own. */
const BENCH_CASES: readonly BenchCase[] = [
  ingestBench,
  lookupBench,
  ingestAckBench,
  projectionBench,
  httpBench,
  caseReplayBench,
  dashboardBench,
];

async function main(): Promise<void> {
  const names = BENCH_CASES.map((bench) => bench.name);
  let options: ReturnType<typeof parseBenchOptions>;
  try {
    options = parseBenchOptions(process.argv.slice(2), names);
  } catch (error) {
    say(`${(error as Error).message}\n${usage(names)}`);
    process.exitCode = 2;
    return;
  }
  // Checked before any case runs, so that a mistyped path does not cost the minutes of the cases before it.
  const unusableFeed = unusableFeedMessage(options);
  if (unusableFeed) {
    say(unusableFeed);
    return;
  }
  if (!options.yieldToReads) yieldToReadsEvery(null);
  if (!options.listening) listenToTexts(false);
  const workspace = new Workspace();
  const interrupted = () => {
    workspace.removeFiles();
    say('Interrupted; temp databases removed.');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  say(
    `Rapport benchmarks on ${availableParallelism()} cores, Node ${process.version}; temp databases in ${workspace.root}`,
  );
  const env: BenchEnvironment = { options, workspace, dataset: null };
  try {
    for (const bench of BENCH_CASES) if (!options.only || options.only === bench.name) await bench.run(env);
  } finally {
    await workspace.remove();
  }
}

await main();
