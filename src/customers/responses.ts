// What the customer routes answer: the context card, search pages, timeline, preferences, flags, merges and the
// subject-access export. The schemas behind the OpenAPI document and the web client's generated types.
import { z } from 'zod';
import { CASE_STATUSES } from '../shared/case-status.ts';
import { CASE_PRIORITIES } from '../shared/priority.ts';
import { CHANNELS, InteractionSchema } from '../interactions/index.ts';
import { LIFECYCLES } from './profile.ts';

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
    status: z.enum(CASE_STATUSES),
    priority: z.enum(CASE_PRIORITIES),
    reason: z.string().nullable(),
    channel: z.enum(CHANNELS),
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
    lifecycle: z.enum(LIFECYCLES),
    acquisitionSource: z.string().nullable(),
    interactionCount: z.number(),
    identities: z.array(
      z.strictObject({
        kind: z.string(),
        value: z.string(),
        createdAt: z.string(),
        profileId: z
          .string()
          .meta({ description: 'The profile it was first seen on: after a merge, the absorbed record it came with' }),
      }),
    ),
    flags: z.array(FlagSchema),
    preferences: z.array(PreferenceSchema),
    lastContacts: z.array(
      z.strictObject({
        department: z.string(),
        channel: z.enum(CHANNELS),
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
    externalId: z
      .string()
      .nullable()
      .meta({ description: 'The first id in another system, e.g. "shopify 123" (the tracking API\'s userId)' }),
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

/** What customers holds of a person, for her subject-access export (privacy adds the timeline, cases and audit). */
export const CustomerRecordsSchema = z.strictObject({
  customer: z.strictObject({
    id: z.string(),
    name: z.string().nullable(),
    traits: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    acquisitionSource: z.string().nullable(),
    lifecycle: z.enum(LIFECYCLES),
  }),
  identities: z.array(
    z.strictObject({ kind: z.string(), value: z.string(), source: z.string().nullable(), createdAt: z.string() }),
  ),
  preferences: z.array(PreferenceSchema),
  flags: z.array(FlagSchema.omit({ setBy: true })),
  merges: z.array(MergeSchema),
});
