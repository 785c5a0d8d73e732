// A /v1/batch request through the code path the route runs, without HTTP: the batchCall schema parse,
// callsOfBatch (batch-level context and sentAt onto each call), mapSegmentCall, then ingestEvents.
import { batchCall, callsOfBatch, mapSegmentCall } from '../src/ingest/segment.ts';
import { ingestEvents, type IngestReport } from '../src/pipeline/index.ts';
import type { Config } from '../src/app/config.ts';
import type { Db } from '../src/store/db.ts';
import type { RawBatch } from './generate.ts';

/** The write key's source: userIds become `external:shop` identities. */
export const BENCH_SOURCE = 'shop';

export async function ingestSegmentBatch(db: Db, config: Config, raw: RawBatch): Promise<IngestReport> {
  const parsed = batchCall.safeParse(raw);
  if (!parsed.success) throw new Error(`Generated batch failed validation: ${parsed.error.message}`);
  const options = { source: BENCH_SOURCE, receivedAt: Date.now(), defaultCountry: config.defaultCountry };
  return ingestEvents(
    db,
    callsOfBatch(parsed.data).map((call) => mapSegmentCall(call, options)),
  );
}
