// What a batch of events comes to: the report every ingest edge answers with (the native API sends it as is).
import { z } from 'zod';

export const IngestResultSchema = z
  .strictObject({
    index: z.number(),
    status: z.enum(['stored', 'duplicate', 'rejected']),
    interactionId: z.string().optional(),
    customerId: z.string().optional(),
    customerCreated: z.boolean().optional().meta({ description: 'Stored for a customer this event created' }),
    merges: z.number().optional().meta({ description: 'Customers this event tied together (merged)' }),
    caseId: z
      .string()
      .optional()
      .meta({ description: 'An inbound message carried to a case: which case (caseOutcome says what became of it)' }),
    caseOutcome: z.enum(['opened', 'joined', 'reopened', 'duplicate']).optional(),
    error: z
      .strictObject({
        code: z.string(),
        message: z.string(),
        field: z.string().meta({
          description: "The part of the event at fault, in the native API's terms (customer.id), or '' when none",
        }),
      })
      .optional(),
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
    position: z
      .number()
      .optional()
      .meta({ description: 'The log position of the last event: a read with ?after=POSITION reflects them all' }),
  })
  .meta({ id: 'IngestReport' });

/** An event the log accepted that the projection could not apply, with its reason. */
export const ProjectionRejectionSchema = z
  .strictObject({
    position: z.number(),
    source: z.string(),
    sourceId: z.string(),
    code: z.string(),
    message: z.string(),
    field: z.string().meta({ description: 'The part of the event at fault, or empty' }),
    rejectedAt: z.string(),
  })
  .meta({ id: 'ProjectionRejection' });
