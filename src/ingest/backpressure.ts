// Backpressure, not loss: when the projection falls more than the configured seconds behind, the ingest edges
// refuse new events with 503 and Retry-After (Segment's and RudderStack's SDKs keep them and retry) instead of
// letting the backlog, and the customer view's lag, grow without bound. The refusals are counted for the status.
import type { RequestContext } from '../http/context.ts';
import { perServer } from '../http/per-server.ts';
import { ingestErrors } from './errors.ts';

const refusalsOf = perServer(() => ({ count: 0, last: null as number | null }));

export function refuseWhenBacklogged(ctx: RequestContext): void {
  const backlog = ctx.projector.backlogSeconds();
  if (backlog <= ctx.config.ingestMaxBacklogSeconds) return;
  const refusals = refusalsOf(ctx.db);
  refusals.count++;
  refusals.last = Date.now();
  // Long enough for a good part of the backlog to drain, short enough not to idle: SDKs back off further themselves.
  const retryAfterSeconds = Math.min(60, Math.max(1, Math.ceil(backlog - ctx.config.ingestMaxBacklogSeconds / 2)));
  throw ingestErrors.error(
    'ingest_backlogged',
    `Rapport is ${Math.round(backlog)} s behind in applying events; send again in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );
}

/** Backpressure refusals since the server started, and when the last was. */
export function refusals(ctx: Pick<RequestContext, 'db'>): { count: number; last: number | null } {
  return { ...refusalsOf(ctx.db) };
}
