// What the audit route answers: entries of the trail of who saw and changed customer data.
import { z } from 'zod';
import { ACTOR_KINDS } from '../shared/actor.ts';

export const AuditEntrySchema = z
  .strictObject({
    id: z.number(),
    at: z.string(),
    actorKind: z.enum(ACTOR_KINDS),
    actorId: z.string().nullable(),
    action: z.string(),
    customerId: z.string().nullable(),
    detail: z.unknown().meta({ description: 'What changed, by action; null when nothing more is recorded' }),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditEntryListSchema = z.strictObject({ items: z.array(AuditEntrySchema) }).meta({ id: 'AuditEntryList' });
