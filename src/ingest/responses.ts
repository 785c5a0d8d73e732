// What the ingest routes answer: the Segment-compatible acknowledgement, the native batch report and write keys.
import { z } from 'zod';

export const SegmentAcceptedSchema = z
  .strictObject({
    success: z.boolean().meta({ description: 'Always true' }),
    stored: z.number(),
    duplicates: z.number(),
  })
  .meta({ id: 'SegmentAccepted' });

export const IngestResultSchema = z
  .strictObject({
    index: z.number(),
    status: z.enum(['stored', 'duplicate', 'rejected']),
    interactionId: z.string().optional(),
    customerId: z.string().optional(),
    caseId: z.string().optional().meta({ description: 'An inbound message carried to a case: which case' }),
    caseOutcome: z.enum(['opened', 'joined', 'reopened', 'duplicate']).optional(),
    error: z.strictObject({ code: z.string(), message: z.string(), field: z.string() }).optional(),
  })
  .meta({ id: 'IngestResult' });

export const IngestReportSchema = z
  .strictObject({
    stored: z.number(),
    duplicates: z.number(),
    rejected: z.number(),
    customersCreated: z.number(),
    merges: z.number(),
    results: z.array(IngestResultSchema),
  })
  .meta({ id: 'IngestReport' });

export const WriteKeySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    source: z.string().meta({ description: 'The system its events come from' }),
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
