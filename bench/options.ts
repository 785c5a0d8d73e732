// The flags of `npm run bench`, read once into the options every benchmark case receives.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  events: number;
  /** One per ten events (one per twenty with --large): people come back a few times a year. */
  customers: number;
  batchSize: number;
  lookups: number;
  /** The one case to run, or null for all of them. */
  only: string | null;
  /** Prints the time inside each SQL statement of the ingest pipeline or the case replay. */
  profileSql: boolean;
  /** Posts of the generated social feed the case-replay case replays. */
  posts: number;
  /** A recorded feed file to replay instead of the generated one, or null. */
  feed: string | null;
  /** Events the look-up case's projector drains while cards are timed. */
  backlog: number;
  /** false (--no-yield): projection batches never let the event loop turn, as before issue 12's look-up work. */
  yieldToReads: boolean;
  /** false (--no-listening): texts are stored without being read (sentiment, urgency, language, reason), to compare. */
  listening: boolean;
  /**
   * false (--same-thread): the projection and the event log's commits share the main thread with the requests, as
   * before each had its own.
   */
  projectionThread: boolean;
  seed: number;
  /** Seconds of each phase of the http case (flat-out, then steady). */
  httpSeconds: number;
  /** Concurrent clients of the http case, each one request at a time. */
  httpClients: number;
  /** Calls per /v1/batch body in the http case: --batch when given, else 100 as issue 12 states it. */
  httpBatchSize: number;
  /** Cases of the dashboard case: 1M, or 10M with --dashboard-large. */
  dashboardCases: number;
}

const DEFAULT_EVENTS = 1_000_000;
// About 10–30 s of case-replay on the reference machine (2 cores).
const DEFAULT_POSTS = 20_000;
const LARGE = { events: 20_000_000, customers: 1_000_000 };
// The most calls Segment's batch schema accepts in one request.
const MAX_BATCH = 2_500;
const HTTP_DEFAULTS = { seconds: 30, clients: 8, batchSize: 100 };

export function usage(caseNames: readonly string[]): string {
  return `Usage: npm run bench -- [--events N | --large] [--batch N] [--lookups N] [--posts N | --feed FILE] [--http-seconds N] [--http-clients N] [--only CASE] [--profile-sql]
  --events N    events to ingest (default ${DEFAULT_EVENTS}); customers = N / 10
  --large       ${LARGE.events} events, ${LARGE.customers} customers
  --batch N     calls per /v1/batch request and per transaction (default 500, at most ${MAX_BATCH}; ${HTTP_DEFAULTS.batchSize} for http)
  --lookups N   context-card look-ups to time (default 5000)
  --posts N     posts of the generated social feed for case-replay (default ${DEFAULT_POSTS}); customers = N / 5
  --feed FILE   replay a recorded feed (CSV or JSON Lines, "Customer Support on Twitter" layout) instead
  --http-seconds N  seconds of each phase of the http case, flat-out then steady (default ${HTTP_DEFAULTS.seconds})
  --http-clients N  concurrent clients of the http case (default ${HTTP_DEFAULTS.clients})
  --only CASE   run one case: ${caseNames.join(' | ')}
  --profile-sql print the time inside each SQL statement of ingest, projection or case-replay (adds a little overhead)
  --backlog N   events the projector drains while the look-up case times cards (default events / 5, 50,000–200,000)
  --no-yield    projection batches run without letting the event loop turn (to compare; look-up and projection)
  --no-listening texts are stored without being read by listening (to compare; case-replay, projection, http)
  --dashboard-cases N  cases of the dashboard case (default 1,000,000)
  --dashboard-large    10,000,000 cases in the dashboard case
  --same-thread the projection and the log's commits run on the thread that answers, not on their own (to compare; look-up and http)`;
}

function positiveInteger(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${flag} must be a positive integer, not "${raw}"`);
  return value;
}

export function parseBenchOptions(argv: readonly string[], caseNames: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string' },
      large: { type: 'boolean', default: false },
      batch: { type: 'string' },
      lookups: { type: 'string' },
      only: { type: 'string' },
      posts: { type: 'string' },
      feed: { type: 'string' },
      'profile-sql': { type: 'boolean', default: false },
      'http-seconds': { type: 'string' },
      'http-clients': { type: 'string' },
      backlog: { type: 'string' },
      'no-yield': { type: 'boolean', default: false },
      'same-thread': { type: 'boolean', default: false },
      'no-listening': { type: 'boolean', default: false },
      'dashboard-cases': { type: 'string' },
      'dashboard-large': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.large && values.events !== undefined) throw new Error('Give --large or --events, not both');
  const events = values.large ? LARGE.events : positiveInteger('events', values.events, DEFAULT_EVENTS);
  const batchSize = positiveInteger('batch', values.batch, 500);
  if (batchSize > MAX_BATCH)
    throw new Error(`--batch must be at most ${MAX_BATCH}, the largest batch /v1/batch accepts`);
  if (values.feed !== undefined && values.posts !== undefined) throw new Error('Give --feed or --posts, not both');
  if (values.feed !== undefined && values.feed.trim() === '') throw new Error('--feed needs a file name');
  if (values.only !== undefined && !caseNames.includes(values.only)) {
    throw new Error(`--only must be one of ${caseNames.join(', ')}, not "${values.only}"`);
  }
  return {
    events,
    customers: values.large ? LARGE.customers : Math.max(1, Math.floor(events / 10)),
    batchSize,
    lookups: positiveInteger('lookups', values.lookups, 5_000),
    only: values.only ?? null,
    profileSql: values['profile-sql'],
    posts: positiveInteger('posts', values.posts, DEFAULT_POSTS),
    feed: values.feed ?? null,
    backlog: positiveInteger('backlog', values.backlog, Math.min(200_000, Math.max(50_000, Math.floor(events / 5)))),
    yieldToReads: !values['no-yield'],
    projectionThread: !values['same-thread'],
    listening: !values['no-listening'],
    seed: 20240101,
    httpSeconds: positiveInteger('http-seconds', values['http-seconds'], HTTP_DEFAULTS.seconds),
    httpClients: positiveInteger('http-clients', values['http-clients'], HTTP_DEFAULTS.clients),
    httpBatchSize: values.batch === undefined ? HTTP_DEFAULTS.batchSize : batchSize,
    dashboardCases: values['dashboard-large']
      ? 10_000_000
      : positiveInteger('dashboard-cases', values['dashboard-cases'], 1_000_000),
  };
}
