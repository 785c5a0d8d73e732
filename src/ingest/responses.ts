// What the ingest routes answer: the Segment-compatible acknowledgement, the native batch report and write keys.
import { z } from 'zod';

// A batch's report is the pipeline's: it makes the answer (ingestEvents), so the schema sits there.
export { IngestReportSchema } from '../pipeline/index.ts';

export const SegmentAcceptedSchema = z
  .strictObject({
    success: z.boolean().meta({ description: 'Always true' }),
    stored: z.number(),
    duplicates: z.number(),
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
