// What the ingest routes answer: the Segment-compatible acknowledgement, the native batch report and write keys.
import { z } from 'zod';
import { ProjectionRejectionSchema } from '../pipeline/index.ts';

// A batch's report is the pipeline's: it makes the answer (ingestEvents), so the schema sits there.
export { IngestReportSchema } from '../pipeline/index.ts';

export const SegmentAcceptedSchema = z
  .strictObject({
    success: z.boolean().meta({ description: 'Always true' }),
    accepted: z.number().meta({ description: 'Events appended to the log (each is projected once, by its key)' }),
    position: z.number().meta({
      description: 'The log position of the last of them: a read with ?after=POSITION waits until it is projected',
    }),
  })
  .meta({ id: 'SegmentAccepted' });

export const WriteKeySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    source: z
      .string()
      .meta({ description: 'The system its events come from: userIds become external:<source> identities' }),
    keyHint: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'WriteKey' });

export const WriteKeyListSchema = z.strictObject({ items: z.array(WriteKeySchema) }).meta({ id: 'WriteKeyList' });

export const NewWriteKeySchema = WriteKeySchema.extend({
  key: z.string().meta({ description: 'The secret, in this response only' }),
}).meta({ id: 'NewWriteKey' });

export const IngestStatusSchema = z
  .strictObject({
    head: z.number().meta({ description: 'The last log position acknowledged' }),
    projected: z.number().meta({ description: 'The log position the customer view reflects' }),
    backlog: z.number().meta({ description: 'Events acknowledged but not yet projected' }),
    lagSeconds: z.number().meta({ description: 'How long the oldest event not yet projected has waited' }),
    backlogSeconds: z
      .number()
      .meta({ description: 'Seconds of projection the backlog holds (backpressure above the limit)' }),
    maxBacklogSeconds: z.number(),
    appendedPerSecond: z.number().meta({ description: 'Over the last minute' }),
    projectedPerSecond: z.number().meta({ description: 'Over the last minute' }),
    oldestKept: z.number().meta({ description: 'The first log position still held for rebuilds' }),
    failing: z.string().nullable().meta({ description: 'Why the projector is retrying a batch, while it is' }),
    refusals: z.strictObject({ count: z.number(), lastAt: z.string().nullable() }).meta({
      description: 'Requests answered 503 for backpressure since the server started',
    }),
    rejected: z.number().meta({ description: 'Accepted events the projection could not apply' }),
    latestRejections: z.array(ProjectionRejectionSchema),
  })
  .meta({ id: 'IngestStatus' });

export const ProjectionLagSchema = z
  .strictObject({
    lagSeconds: z.number().meta({ description: 'How long the oldest event not yet in the customer view has waited' }),
    backlog: z.number().meta({ description: 'Events acknowledged but not yet in the customer view' }),
    paused: z.boolean().meta({ description: 'An admin paused the projection' }),
  })
  .meta({ id: 'ProjectionLag' });
