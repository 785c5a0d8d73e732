// What routes answer about interactions: one event of a customer's timeline, as every capability shows it.
import { z } from 'zod';

export const InteractionSchema = z
  .strictObject({
    id: z.string(),
    customerId: z.string(),
    occurredAt: z.string(),
    receivedAt: z.string(),
    channel: z.string(),
    direction: z.string(),
    type: z.string(),
    event: z.string().nullable(),
    department: z.string().nullable(),
    actor: z.string().nullable(),
    text: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
    caseId: z.string().nullable(),
    source: z.string(),
    sourceId: z.string(),
  })
  .meta({ id: 'Interaction' });
