// The http case's load: generated /v1/batch bodies serialised before any timing, clients that send them flat out
// or on a fixed schedule, and a poller of the ingest status that sees how far the projection has come.
import { setTimeout as sleep } from 'node:timers/promises';
import type { SegmentTraffic } from './generate.ts';
import { type Answer, Connection, type Credentials } from './http-client.ts';

export interface Body {
  json: Buffer;
  events: number;
}

/** Bodies in the order they are sent; generated ahead (20 µs an event here), so no client pays for it. */
export class BodyQueue {
  private readonly bodies: Body[] = [];
  private next = 0;

  constructor(private readonly traffic: SegmentTraffic) {}

  /** Generates bodies until `events` more than those already sent wait; returns the largest body's size. */
  fill(events: number): number {
    let waiting = this.bodies.slice(this.next).reduce((sum, body) => sum + body.events, 0);
    let largest = 0;
    while (waiting < events && !this.traffic.done) {
      const raw = this.traffic.nextBatch();
      const body = { json: Buffer.from(JSON.stringify(raw)), events: raw.batch.length };
      this.bodies.push(body);
      waiting += body.events;
      largest = Math.max(largest, body.json.length);
    }
    return largest;
  }

  take(): Body | null {
    return this.bodies[this.next++] ?? null;
  }
}

function postBatch(connection: Connection, credentials: Credentials, body: Body): Promise<Answer> {
  return connection.send('POST', '/v1/batch', {
    headers: { authorization: credentials.writeKey, 'content-type': 'application/json' },
    body: body.json,
  });
}

const ok = (status: number) => status >= 200 && status <= 299;

/** Keeps the first few failures, so a run that fails says why. */
export class Failures {
  count = 0;
  readonly samples: string[] = [];
  note(what: string): void {
    this.count++;
    if (this.samples.length < 5) this.samples.push(what);
  }
}

export interface FlatOutResult {
  acknowledged: Body[];
  events: number;
  /** Answer times of the acknowledged requests, ms, from sending to the whole answer. */
  answerMs: number[];
  /** 503 answers (backpressure); each was sent again after its Retry-After. */
  refusals: number;
  /** Bodies still refused when their Retry-After would have ended after the deadline. */
  abandoned: number;
  errors: Failures;
  /** From the first request to the last answer. */
  elapsedMs: number;
  endedAt: number;
  /** The bodies generated ahead ran out before the deadline. */
  ranOut: boolean;
  /**
   * Until the first 503, the server took everything the clients sent: what it acknowledged by then, and when,
   * is its capacity to acknowledge, before backpressure holds it to what the projection drains.
   */
  beforeBackpressure: { events: number; elapsedMs: number } | null;
}

/** `clients` loops, each sending the next body as soon as its previous one is answered, until `seconds` pass. */
export async function runFlatOut(
  url: string,
  credentials: Credentials,
  queue: BodyQueue,
  options: { clients: number; seconds: number },
): Promise<FlatOutResult> {
  const result: FlatOutResult = {
    acknowledged: [],
    events: 0,
    answerMs: [],
    refusals: 0,
    abandoned: 0,
    errors: new Failures(),
    elapsedMs: 0,
    endedAt: 0,
    ranOut: false,
    beforeBackpressure: null,
  };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async () => {
    const connection = new Connection(url);
    try {
      while (performance.now() < deadline) {
        const body = queue.take();
        if (!body) {
          result.ranOut = true;
          return;
        }
        // As Segment's SDKs do: a 503 is kept and sent again after its Retry-After; any other failure is dropped.
        for (;;) {
          const sent = performance.now();
          const answer = await postBatch(connection, credentials, body).catch((error: Error) => error);
          if (answer instanceof Error) {
            result.errors.note(answer.message);
            break;
          }
          if (ok(answer.status)) {
            result.answerMs.push(performance.now() - sent);
            result.acknowledged.push(body);
            result.events += body.events;
            break;
          }
          if (answer.status !== 503) {
            result.errors.note(`${answer.status}: ${answer.text.slice(0, 300)}`);
            break;
          }
          result.refusals++;
          result.beforeBackpressure ??= { events: result.events, elapsedMs: performance.now() - started };
          const waitMs = Number(answer.headers['retry-after'] ?? 1) * 1000;
          if (performance.now() + waitMs > deadline) {
            result.abandoned++;
            return;
          }
          await sleep(waitMs);
        }
      }
    } finally {
      connection.close();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  result.endedAt = performance.now();
  result.elapsedMs = result.endedAt - started;
  return result;
}

export interface SteadyResult {
  events: number;
  /** Answer times of the acknowledged requests, ms, from sending to the whole answer. */
  answerMs: number[];
  /** When each acknowledged batch was answered, and the log position it was given. */
  acks: Array<{ answeredAt: number; position: number }>;
  errors5xx: Failures;
  otherErrors: Failures;
  /** Requests sent later than their slot because every client was still waiting for an answer. */
  late: number;
  elapsedMs: number;
}

/**
 * The same clients at a fixed total rate: request k is due at start + k × (batch / rate); a free client takes the
 * next due request and waits for its time. Nothing is retried, so the schedule stays the schedule.
 */
export async function runSteady(
  url: string,
  credentials: Credentials,
  queue: BodyQueue,
  options: { clients: number; requests: number; intervalMs: number },
): Promise<SteadyResult> {
  const result: SteadyResult = {
    events: 0,
    answerMs: [],
    acks: [],
    errors5xx: new Failures(),
    otherErrors: new Failures(),
    late: 0,
    elapsedMs: 0,
  };
  let next = 0;
  const started = performance.now();
  const client = async () => {
    const connection = new Connection(url);
    try {
      for (let slot = next++; slot < options.requests; slot = next++) {
        const body = queue.take();
        if (!body) throw new Error('The bodies generated for the steady phase ran out');
        const wait = started + slot * options.intervalMs - performance.now();
        if (wait > 0) await sleep(wait);
        else if (wait < -1) result.late++;
        const sent = performance.now();
        const answer = await postBatch(connection, credentials, body).catch((error: Error) => error);
        const answeredAt = performance.now();
        if (answer instanceof Error) {
          result.otherErrors.note(answer.message);
        } else if (ok(answer.status)) {
          result.answerMs.push(answeredAt - sent);
          result.acks.push({ answeredAt, position: (JSON.parse(answer.text) as { position: number }).position });
          result.events += body.events;
        } else if (answer.status >= 500) {
          result.errors5xx.note(`${answer.status}: ${answer.text.slice(0, 300)}`);
        } else {
          result.otherErrors.note(`${answer.status}: ${answer.text.slice(0, 300)}`);
        }
      }
    } finally {
      connection.close();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  result.elapsedMs = performance.now() - started;
  return result;
}

export interface IngestStatus {
  head: number;
  projected: number;
  backlog: number;
  projectedPerSecond: number;
}

export interface StatusSample extends IngestStatus {
  /** When the answer arrived (performance.now()): the projection had reached `projected` by then. */
  at: number;
}

/** GET /api/ingest/status as the admin, every `intervalMs` (from one poll's start to the next), on its own connection. */
export class StatusPoller {
  readonly samples: StatusSample[] = [];
  /** Polls that failed; the run reports them. */
  readonly failures = new Failures();
  private running = true;
  private readonly connection: Connection;
  private readonly loop: Promise<void>;

  constructor(
    url: string,
    private readonly credentials: Credentials,
    readonly intervalMs: number,
  ) {
    this.connection = new Connection(url);
    this.loop = this.poll();
  }

  latest(): StatusSample | undefined {
    return this.samples.at(-1);
  }

  /** Resolves with the first sample (polled from now on) that satisfies `done`, or null after `timeoutMs`. */
  async until(done: (sample: StatusSample) => boolean, timeoutMs: number): Promise<StatusSample | null> {
    const from = this.samples.length;
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const found = this.samples.slice(from).find(done);
      if (found) return found;
      await sleep(this.intervalMs);
    }
    return null;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.connection.close();
  }

  private async poll(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      try {
        const status = await this.connection.json<IngestStatus>('GET', '/api/ingest/status', {
          authorization: this.credentials.admin,
        });
        const { head, projected, backlog, projectedPerSecond } = status;
        this.samples.push({ at: performance.now(), head, projected, backlog, projectedPerSecond });
      } catch (error) {
        this.failures.note((error as Error).message);
      }
      const wait = started + this.intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
    }
  }
}

/** The longest time between two answers of the status poll from `from` to `to`: how long the server answered nothing. */
export function longestGapMs(samples: readonly StatusSample[], from: number, to: number): number {
  let longest = 0;
  let previous = from;
  for (const sample of samples) {
    if (sample.at < from) continue;
    if (sample.at > to) break;
    longest = Math.max(longest, sample.at - previous);
    previous = sample.at;
  }
  return Math.max(longest, to - previous);
}

/**
 * Per acknowledged batch, the time from its answer to the first poll that saw the projection at its position;
 * null for a batch no poll saw projected. Precise to the poll interval plus a poll's round trip.
 */
export function projectionLags(acks: SteadyResult['acks'], samples: readonly StatusSample[]): Array<number | null> {
  return acks.map(({ answeredAt, position }) => {
    const seen = samples.find((sample) => sample.at >= answeredAt && sample.projected >= position);
    return seen ? seen.at - answeredAt : null;
  });
}
