// What the customer routes answer: the context card, search pages, timeline, preferences, flags, merges and the
// subject-access export. The schemas behind the OpenAPI document and the web client's generated types.
import { z } from 'zod';
import { InteractionSchema } from '../interactions/index.ts';

export const FlagSchema = z
  .strictObject({
    flag: z.string(),
    source: z.enum(['manual', 'rule']),
    reason: z.string().nullable(),
    setBy: z.string().nullable(),
    setAt: z.string(),
  })
  .meta({ id: 'Flag' });

export const PreferenceSchema = z
  .strictObject({
    key: z.string(),
    value: z.string(),
    kind: z.enum(['explicit', 'implicit']),
    confidence: z.number().nullable(),
    support: z.number().nullable().meta({ description: 'Implicit only: how many observations carried the value' }),
    evidence: z.array(z.string()),
    source: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Preference' });

export const MergeSchema = z
  .strictObject({
    id: z.string(),
    survivorId: z.string(),
    absorbedId: z.string(),
    reason: z.string(),
    cause: z.string().nullable(),
    mergedBy: z.string().nullable(),
    mergedAt: z.string(),
    undoneAt: z.string().nullable(),
    undoneBy: z.string().nullable(),
  })
  .meta({ id: 'Merge' });

export const OpenCaseRefSchema = z
  .strictObject({
    id: z.string(),
    number: z.number(),
    subject: z.string(),
    status: z.string(),
    priority: z.string(),
    reason: z.string().nullable(),
    channel: z.string(),
    assigneeId: z.string().nullable(),
    openedAt: z.string(),
  })
  .meta({ id: 'OpenCaseRef', description: 'A case still being worked on, as the context card shows it' });

export const ContextCardSchema = z
  .strictObject({
    id: z.string(),
    name: z.string().nullable(),
    summary: z.string(),
    redirectedFrom: z.string().optional().meta({ description: 'The merged-away id that was asked for' }),
    traits: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    lifecycle: z.string(),
    acquisitionSource: z.string().nullable(),
    interactionCount: z.number(),
    identities: z.array(z.strictObject({ kind: z.string(), value: z.string(), createdAt: z.string() })),
    flags: z.array(FlagSchema),
    preferences: z.array(PreferenceSchema),
    lastContacts: z.array(
      z.strictObject({
        department: z.string(),
        channel: z.string(),
        type: z.string(),
        occurredAt: z.string(),
        text: z.string().nullable(),
      }),
    ),
    recentInteractions: z.array(InteractionSchema),
    openCases: z.array(OpenCaseRefSchema),
    merges: z.array(MergeSchema),
  })
  .meta({ id: 'ContextCard' });

export const CustomerSummarySchema = z
  .strictObject({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    handle: z.string().nullable(),
    lastSeenAt: z.string(),
    interactionCount: z.number(),
  })
  .meta({ id: 'CustomerSummary' });

export const CustomerPageSchema = z
  .strictObject({
    items: z.array(CustomerSummarySchema),
    nextCursor: z.string().nullable(),
    capped: z.boolean().optional().meta({ description: 'Search only: more matched than a search pages through' }),
  })
  .meta({ id: 'CustomerPage' });

export const TimelinePageSchema = z
  .strictObject({ items: z.array(InteractionSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'TimelinePage' });

export const PreferenceListSchema = z.strictObject({ items: z.array(PreferenceSchema) }).meta({ id: 'PreferenceList' });
export const FlagListSchema = z.strictObject({ items: z.array(FlagSchema) }).meta({ id: 'FlagList' });
export const MergeListSchema = z.strictObject({ items: z.array(MergeSchema) }).meta({ id: 'MergeList' });

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
