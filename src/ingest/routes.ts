// HTTP routes for ingest: the Segment-compatible tracking API, the native batch API and write keys.
import { z, type ZodType } from 'zod';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { invalidInput } from '../shared/errors.ts';
import type { RequestContext } from '../http/context.ts';
import { latestRejections, reportOf } from '../pipeline/index.ts';
import { refusals, refuseWhenBacklogged } from './backpressure.ts';
import {
  aliasCall,
  batchCall,
  groupCall,
  logEntryOf,
  identifyCall,
  pageCall,
  screenCall,
  trackCall,
  type SegmentBatchDetail,
  type SegmentCall,
  type SegmentType,
} from './segment.ts';
import { mapNativeInteraction, nativeBatchSchema } from './native.ts';
import { eventKey } from '../eventlog/index.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { ingestErrors } from './errors.ts';
import type { IncomingEvent } from '../interactions/index.ts';
import { createWriteKey, listWriteKeys, revokeWriteKey } from './write-keys.ts';
import type { CountryCode } from 'libphonenumber-js';
import {
  IngestReportSchema,
  IngestStatusSchema,
  ProjectionLagSchema,
  NewWriteKeySchema,
  SegmentAcceptedSchema,
  WriteKeyListSchema,
} from './responses.ts';
import { noContent } from '../http/openapi.ts';

// Segment's documented limits: 32 KB per call, 500 KB per batch.
const CALL_LIMIT = 32 * 1024;
const BATCH_LIMIT = 500 * 1024;

/**
 * Segment's calls, validated, are appended to the event log as they came and acknowledged once on disk; the
 * projector maps and applies them moments later (`position` says when: `?after=`), so the answer waits for
 * neither. What a batch's calls share (source, context, sentAt) is logged once with it. A backlog beyond the
 * configured seconds of projection is answered 503 with Retry-After, which the SDKs retry.
 */
async function ingestSegment(
  ctx: RequestContext,
  calls: SegmentCall[],
  shared: Pick<SegmentBatchDetail, 'context' | 'sentAt'> = {},
) {
  refuseWhenBacklogged(ctx);
  const detail: SegmentBatchDetail = {
    source: ctx.writeKey!.source,
    defaultCountry: ctx.config.defaultCountry,
    ...shared,
  };
  const entries = calls.map((call) => logEntryOf(call, detail.source, shared));
  const appended = await ctx.eventLog.append({ edge: 'segment', actor: ctx.actor, detail }, entries);
  return { success: true, accepted: calls.length, position: appended.last };
}

async function lagOf(ctx: RequestContext) {
  const status = await ctx.projector.status();
  return { lagSeconds: status.lagSeconds, backlog: status.backlog, paused: ctx.projector.isPaused() };
}

function segmentRoute<T>(type: SegmentType, schema: ZodType<T>): RouteSpec<unknown, unknown, T> {
  return defineRoute({
    method: 'POST',
    url: `/v1/${type}`,
    summary: `Segment-compatible ${type} call`,
    tags: ['tracking'],
    response: SegmentAcceptedSchema,
    auth: 'write-key',
    bodyLimit: CALL_LIMIT,
    body: schema,
    handler: async ({ body, ctx }) => ingestSegment(ctx, [{ ...(body as object), type } as SegmentCall]),
  });
}

export const ingestRoutes = [
  segmentRoute('identify', identifyCall),
  segmentRoute('track', trackCall),
  segmentRoute('page', pageCall),
  segmentRoute('screen', screenCall),
  segmentRoute('group', groupCall),
  segmentRoute('alias', aliasCall),
  defineRoute({
    method: 'POST',
    url: '/v1/batch',
    summary: 'Segment-compatible batch of calls (identify, track, page, screen, group, alias)',
    tags: ['tracking'],
    response: SegmentAcceptedSchema,
    auth: 'write-key',
    bodyLimit: BATCH_LIMIT,
    body: batchCall,
    handler: async ({ body, ctx }) => ingestSegment(ctx, body.batch, { context: body.context, sentAt: body.sentAt }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/interactions',
    summary:
      'Record interactions from any system (native batch API, idempotent by source + sourceId): appended to the ' +
      'event log, then answered with what became of each once projected (202 with the log position if that takes ' +
      'longer than 10 s)',
    tags: ['ingest'],
    response: IngestReportSchema,
    responses: { 202: SegmentAcceptedSchema },
    auth: 'interactions:write',
    bodyLimit: 5 * 1024 * 1024,
    body: z.unknown(),
    handler: async ({ body, ctx, setStatus }) => {
      const parsed = parseNative(body, ctx.config.defaultCountry);
      refuseWhenBacklogged(ctx);
      const receivedAt = Date.now();
      const events = parsed.interactions.map((item) => mapNativeInteraction(item, receivedAt));
      // Checked before anything is appended, so that a batch naming a customer who does not exist is refused whole.
      await refuseUnknownCustomers(ctx, events);
      const appended = await ctx.eventLog.append(
        { edge: 'native', actor: ctx.actor },
        events.map((event) => ({ key: eventKey(event.source, event.sourceId), body: event })),
      );
      // Through the log like the interactions: no write transaction on the answer's path.
      await ctx.eventLog.appendAudit({
        actorKind: 'staff',
        actorId: ctx.actor.id,
        action: 'interactions.recorded',
        customerId: null,
        detail: { accepted: events.length, position: appended.last },
        ip: ctx.actor.ip,
        requestId: ctx.actor.requestId,
        at: receivedAt,
      });
      const outcomes = await ctx.projector.outcomesOf(appended, NATIVE_ANSWER_WAIT_MS);
      if (!outcomes) {
        setStatus(202);
        return { success: true, accepted: events.length, position: appended.last };
      }
      return { ...reportOf(outcomes.map((outcome) => outcome.result)), position: appended.last };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ingest/status',
    summary: 'The event log and its projection: head, position, lag, rates, backpressure refusals and rejections',
    tags: ['ingest'],
    response: IngestStatusSchema,
    auth: 'keys:manage',
    handler: async ({ ctx }) => {
      const status = await ctx.projector.status();
      const refused = refusals(ctx);
      return {
        head: status.head,
        projected: status.projected,
        backlog: status.backlog,
        lagSeconds: status.lagSeconds,
        backlogSeconds: ctx.projector.backlogSeconds(),
        maxBacklogSeconds: ctx.config.ingestMaxBacklogSeconds,
        appendedPerSecond: status.appendedPerSecond,
        projectedPerSecond: status.projectedPerSecond,
        oldestKept: await ctx.eventLog.tail(),
        failing: status.failing,
        refusals: { count: refused.count, lastAt: refused.last === null ? null : new Date(refused.last).toISOString() },
        rejected: status.rejected,
        latestRejections: (await latestRejections(ctx.db, 20)).map((rejection) => ({
          ...rejection,
          rejectedAt: new Date(rejection.rejectedAt).toISOString(),
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ingest/lag',
    summary: 'How far the customer view is behind what was acknowledged (any staff: the UI shows it when it grows)',
    tags: ['ingest'],
    response: ProjectionLagSchema,
    auth: 'signed-in',
    handler: async ({ ctx }) => lagOf(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/ingest/projector',
    summary:
      'Pause or resume the projection (events are still acknowledged and kept; backpressure applies as the lag grows)',
    tags: ['ingest'],
    response: ProjectionLagSchema,
    auth: 'keys:manage',
    body: z.strictObject({ paused: z.boolean() }),
    handler: async ({ body, ctx }) => {
      if (body.paused) await ctx.projector.stop();
      else await ctx.projector.start();
      const result = await lagOf(ctx);
      // Audited once the projection has done it, not in a write transaction held open meanwhile (as `audit:`
      // would): the projection's thread, finishing its batch, waits for the app's writes to go first.
      await ctx.recordAdministrativeChange(ctx.db, {
        action: 'ingest.projector_changed',
        ctx,
        params: {},
        body,
        result,
      });
      return result;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/write-keys',
    summary: 'List write keys (secrets are never shown again)',
    tags: ['ingest'],
    response: WriteKeyListSchema,
    auth: 'keys:manage',
    handler: async ({ ctx }) => ({ items: await listWriteKeys(ctx.db) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/write-keys',
    summary: 'Create a write key for an ingest source; the key is in this response only',
    tags: ['ingest'],
    response: NewWriteKeySchema,
    auth: 'keys:manage',
    audit: 'write_key.created',
    status: 201,
    body: z.object({ name: z.string().trim().min(1).max(100), source: z.string().trim().min(1).max(64).optional() }),
    handler: async ({ body, ctx }) => {
      const { writeKey, key } = await createWriteKey(ctx.db, { ...body, createdBy: ctx.actor.id });
      return { ...writeKey, key };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/write-keys/:id',
    summary: 'Revoke a write key',
    tags: ['ingest'],
    response: noContent,
    auth: 'keys:manage',
    audit: 'write_key.revoked',
    params: z.object({ id: z.string().min(1).max(100) }),
    handler: async ({ params, ctx }) => revokeWriteKey(ctx.db, params.id),
  }),
];

/** How long the native API waits for its events to be projected to answer with what became of them. */
const NATIVE_ANSWER_WAIT_MS = 10_000;

/** A customer named by id must exist (a merged one answers through its survivor) for the batch to be taken. */
async function refuseUnknownCustomers(ctx: RequestContext, events: readonly IncomingEvent[]): Promise<void> {
  for (const [index, event] of events.entries()) {
    if (!event.customerId || (await canonicalCustomer(ctx.db, event.customerId))) continue;
    throw ingestErrors.error('customer_not_found', `Event ${index}: No customer with id ${event.customerId}`, {
      errors: [{ field: `interactions.${index}.customer.id`, reason: 'No such customer' }],
    });
  }
}

// The schema depends on the configured default country (for national phone numbers), so it is built per config.
const nativeSchemas = new Map<CountryCode, ReturnType<typeof nativeBatchSchema>>();
function parseNative(body: unknown, country: CountryCode) {
  let schema = nativeSchemas.get(country);
  if (!schema) {
    schema = nativeBatchSchema(country);
    nativeSchemas.set(country, schema);
  }
  const result = schema.safeParse(body);
  if (!result.success) throw invalidInput(result.error, 'body');
  return result.data;
}
