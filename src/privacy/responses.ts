// What the privacy routes answer: the whole-customer export and the erasure receipt.
import { z } from 'zod';
import { InteractionSchema } from '../interactions/index.ts';
import { MergeSchema, PreferenceSchema } from '../customers/index.ts';

export const CustomerExportSchema = z
  .strictObject({
    exportedAt: z.string(),
    customer: z.strictObject({
      id: z.string(),
      name: z.string().nullable(),
      traits: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
      firstSeenAt: z.string(),
      lastSeenAt: z.string(),
      acquisitionSource: z.string().nullable(),
      lifecycle: z.string(),
    }),
    identities: z.array(
      z.strictObject({ kind: z.string(), value: z.string(), source: z.string().nullable(), createdAt: z.string() }),
    ),
    preferences: z.array(PreferenceSchema),
    flags: z.array(
      z.strictObject({ flag: z.string(), source: z.string(), reason: z.string().nullable(), setAt: z.string() }),
    ),
    interactions: z.array(InteractionSchema),
    merges: z.array(MergeSchema),
    cases: z.array(
      z.strictObject({
        number: z.number(),
        subject: z.string(),
        channel: z.string(),
        status: z.string(),
        priority: z.string(),
        reason: z.string().nullable(),
        tags: z.array(z.string()),
        openedAt: z.string(),
        resolvedAt: z.string().nullable(),
        closedAt: z.string().nullable(),
        gestures: z.array(
          z.strictObject({
            kind: z.string(),
            amount: z.number(),
            currency: z.string(),
            reason: z.string(),
            status: z.string(),
            createdAt: z.string(),
          }),
        ),
      }),
    ),
    accessLog: z.array(
      z.strictObject({ at: z.string(), actorKind: z.string(), actorId: z.string().nullable(), action: z.string() }),
    ),
  })
  .meta({ id: 'CustomerExport', description: 'Everything held about a customer (subject access request)' });

export const ErasureSchema = z
  .strictObject({
    erasedProfiles: z.array(z.string()).meta({ description: 'The customer and every profile merged into them' }),
    interactions: z.number().meta({ description: 'How many interactions were erased' }),
  })
  .meta({ id: 'Erasure' });
