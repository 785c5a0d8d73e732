// What the privacy routes answer: the whole-customer export and the erasure receipt.
import { z } from 'zod';
import { ACTOR_KINDS } from '../shared/actor.ts';
import { InteractionSchema } from '../interactions/index.ts';
import { CustomerRecordsSchema } from '../customers/index.ts';
import { CaseExportSchema } from '../cases/index.ts';

export const CustomerExportSchema = z
  .strictObject({
    exportedAt: z.string(),
    ...CustomerRecordsSchema.shape,
    interactions: z.array(InteractionSchema),
    cases: z.array(CaseExportSchema),
    advisoryInput: z.array(z.strictObject({ boardId: z.string(), text: z.string(), at: z.string() })),
    ideaRequests: z.array(
      z.strictObject({ ideaId: z.string(), title: z.string(), text: z.string(), addedAt: z.string() }),
    ),
    ideaComments: z.array(
      z.strictObject({ ideaId: z.string(), title: z.string(), text: z.string(), at: z.string() }).meta({
        description: 'Her comments on the public ideas board',
      }),
    ),
    surveyResponses: z.array(
      z.strictObject({
        surveyId: z.string(),
        caseId: z.string().nullable(),
        score: z.number().nullable(),
        comment: z.string().nullable(),
        answers: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string())])),
        complete: z.boolean(),
        answeredAt: z.string(),
      }),
    ),
    accessLog: z.array(
      z.strictObject({
        at: z.string(),
        actorKind: z.enum(ACTOR_KINDS),
        actorId: z.string().nullable(),
        action: z.string(),
      }),
    ),
  })
  .meta({ id: 'CustomerExport', description: 'Everything held about a customer (subject access request)' });

export const ErasureSchema = z
  .strictObject({
    erasedProfiles: z.array(z.string()).meta({ description: 'The customer and every profile merged into them' }),
    interactions: z.number().meta({ description: 'How many interactions were erased' }),
    loggedEvents: z.number().meta({ description: 'How many of her events were removed from the ingest log' }),
  })
  .meta({ id: 'Erasure' });
