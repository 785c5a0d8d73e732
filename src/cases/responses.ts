// What the case routes answer: queues, one case with its conversation, messages, notes, mentions, bulk reports,
// merges and reply delivery. The schemas behind the OpenAPI document and the web client's generated types.
import { z } from 'zod';
import { ACTOR_KINDS } from '../shared/actor.ts';
import { CASE_PRIORITIES } from '../shared/priority.ts';
import { GESTURE_KINDS, GESTURE_STATUSES, GestureSchema } from '../gestures/index.ts';
import { CHANNELS, DIRECTIONS, insightSchema } from '../interactions/index.ts';
import { ruleConditionsSchema } from './assignment.ts';
import { ESCALATION_PRIORITIES, escalationConditionsSchema } from './escalation.ts';
import { CASE_STATUSES, DELIVERY_STATUSES, MESSAGE_KINDS, SLA_METRICS } from './model.ts';
import { caseSettingsSchema } from './settings.ts';

const CaseLinkSchema = z.strictObject({ id: z.string(), number: z.number() });

export const CaseSummarySchema = z
  .strictObject({
    id: z.string(),
    number: z.number(),
    customerId: z.string(),
    customerName: z.string().nullable(),
    customerLabel: z.string().nullable().meta({
      description: 'What the inbox calls the customer: masked unless the role sees personal data',
    }),
    subject: z.string(),
    channel: z.enum(CHANNELS),
    status: z.enum(CASE_STATUSES),
    priority: z.enum(CASE_PRIORITIES),
    reason: z.string().nullable(),
    tags: z.array(z.string()),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    teamId: z.string().nullable(),
    openedAt: z.string(),
    firstResponseAt: z.string().nullable(),
    lastInboundAt: z.string().nullable(),
    lastOutboundAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    contactCount: z.number(),
    reopenCount: z.number(),
    repeatOf: z.string().nullable(),
    firstContactResolution: z.boolean().nullable(),
    sla: z.strictObject({
      policyId: z.string().nullable(),
      firstResponseDueAt: z.string().nullable(),
      nextResponseDueAt: z.string().nullable(),
      resolutionDueAt: z.string().nullable(),
      resolutionPausedAt: z
        .string()
        .nullable()
        .meta({ description: 'Set while the case is pending: the resolution clock stands still since then' }),
      nextDueAt: z
        .string()
        .nullable()
        .meta({ description: 'The clock that runs out first, while one runs: what the inbox counts down' }),
      breaches: z.array(z.strictObject({ metric: z.enum(SLA_METRICS), dueAt: z.string() })),
    }),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });

export const CaseMessageSchema = z
  .strictObject({
    id: z.number(),
    interactionId: z.string(),
    kind: z.enum(MESSAGE_KINDS),
    channel: z.enum(CHANNELS),
    direction: z.enum(DIRECTIONS),
    text: z.string().nullable(),
    at: z.string(),
    author: z.strictObject({ staffId: z.string(), name: z.string().nullable() }).nullable(),
    delivery: z
      .strictObject({ status: z.enum(DELIVERY_STATUSES), attempts: z.number(), error: z.string().nullable() })
      .nullable(),
    externalId: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
    fromCase: CaseLinkSchema.nullable().meta({
      description: 'The merged case this message came from (its thread), when it shows on the case it was merged into',
    }),
    insight: insightSchema.nullable().meta({
      description:
        'What listening read in the message: sentiment, urgency, language, contact reason (customer words and notes)',
    }),
  })
  .meta({ id: 'CaseMessage' });

export const RelatedCaseSchema = z
  .strictObject({
    id: z.string(),
    number: z.number(),
    subject: z.string().nullable(),
    reason: z.string().nullable(),
    status: z.enum(CASE_STATUSES),
  })
  .meta({ id: 'RelatedCase' });

export const CaseMergeLinkSchema = z
  .strictObject({
    mergeId: z.string(),
    caseId: z.string(),
    number: z.number(),
    mergedAt: z.string(),
    mergedBy: z.string().nullable(),
  })
  .meta({ id: 'CaseMergeLink' });

export const CaseDetailSchema = CaseSummarySchema.extend({
  messages: z.array(CaseMessageSchema),
  gestures: z.array(GestureSchema),
  repeatedBy: z.array(z.string()),
  repeatOfCase: RelatedCaseSchema.nullable().meta({
    description: 'The earlier case this one repeats, by number, subject and reason; null when it is no repeat',
  }),
  repeatedByCases: z.array(RelatedCaseSchema).meta({ description: 'The later cases that came back as repeats of it' }),
  history: z
    .array(
      z.strictObject({
        at: z.string(),
        actorKind: z.enum(ACTOR_KINDS),
        actorId: z.string().nullable(),
        change: z.record(z.string(), z.unknown()),
        fromCase: CaseLinkSchema.optional(),
      }),
    )
    .meta({ description: 'Entries from cases merged into this one name their case in fromCase' }),
  reasonConfirmed: z.boolean().meta({
    description:
      'Whether a staff member set, corrected or confirmed the reason (a label the reason model trains on); false for a guess',
  }),
  escalation: z
    .strictObject({
      at: z.string(),
      ruleId: z.string(),
      rule: z.string(),
      why: z.string(),
      priority: z.enum(CASE_PRIORITIES),
    })
    .nullable()
    .meta({
      description:
        'The latest time an escalation rule raised the case, and why: "negative, urgent: \'third time my bag is lost\'"; ' +
        '`at` is when she wrote the words that raised it',
    }),
  merge: z.strictObject({
    mergedInto: CaseMergeLinkSchema.nullable().meta({
      description: 'Set while this case is merged into another: the banner "Merged into #1042"',
    }),
    mergedCases: z.array(CaseMergeLinkSchema).meta({ description: 'Cases merged into this one, oldest merge first' }),
  }),
}).meta({ id: 'CaseDetail' });

export const CasePageSchema = z
  .strictObject({
    items: z.array(CaseSummarySchema),
    nextCursor: z.string().nullable(),
    total: z.number().meta({ description: 'How many cases match (of a search: of its first matches)' }),
    capped: z.boolean().meta({ description: 'A search found more cases than it ranks: narrow it' }),
  })
  .meta({ id: 'CasePage' });

export const CaseListSchema = z.strictObject({ items: z.array(CaseSummarySchema) }).meta({ id: 'CaseList' });

export const CaseNoteSchema = CaseMessageSchema.extend({ mentioned: z.array(z.string()) }).meta({ id: 'CaseNote' });

export const CustomerNoteSchema = z
  .strictObject({ interactionId: z.string(), customerId: z.string(), mentioned: z.array(z.string()) })
  .meta({ id: 'CustomerNote' });

export const RenderedTemplateSchema = z
  .strictObject({ templateId: z.string(), text: z.string() })
  .meta({ id: 'RenderedTemplate' });

export const MentionSchema = z
  .strictObject({
    id: z.number(),
    caseId: z.string().nullable(),
    caseNumber: z.number().nullable(),
    caseSubject: z.string().nullable(),
    customerId: z.string().nullable(),
    messageId: z.number().nullable().meta({ description: 'The case message of the note; null on the customer' }),
    text: z.string().nullable(),
    mentionedBy: z.string(),
    mentionedByName: z.string().nullable(),
    at: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Mention' });

export const MentionListSchema = z.strictObject({ items: z.array(MentionSchema) }).meta({ id: 'MentionList' });

export const BulkReportSchema = z
  .strictObject({
    applied: z.number(),
    refused: z.number(),
    results: z.array(
      z.discriminatedUnion('ok', [
        z.strictObject({ id: z.string(), ok: z.literal(true), case: CaseSummarySchema }),
        z.strictObject({
          id: z.string(),
          ok: z.literal(false),
          code: z.string(),
          status: z.number(),
          reason: z.string(),
        }),
      ]),
    ),
  })
  .meta({ id: 'BulkReport', description: 'What happened to each case of a bulk action' });

export const CaseMergeSchema = z
  .strictObject({
    id: z.string(),
    survivorId: z.string(),
    survivorNumber: z.number(),
    absorbedId: z.string(),
    absorbedNumber: z.number(),
    mergedBy: z.string().nullable(),
    mergedAt: z.string(),
    undoneAt: z.string().nullable(),
    undoneBy: z.string().nullable(),
  })
  .meta({ id: 'CaseMerge' });

export const UndeliveredCasePageSchema = z
  .strictObject({
    items: z.array(
      CaseSummarySchema.extend({
        undelivered: z.strictObject({
          messageId: z.number(),
          status: z.enum(['queued', 'failed']),
          error: z.string(),
          at: z.string(),
        }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'UndeliveredCasePage' });

export const ReplyTargetSchema = z
  .strictObject({
    canSend: z.boolean().meta({ description: 'Whether a reply written now can be handed to a channel' }),
    channel: z
      .enum(CHANNELS)
      .meta({ description: 'The channel a reply goes by (a call or a form is answered by email)' }),
    to: z.string().nullable().meta({ description: 'Her address there: an email, @handle; null when she has none' }),
    privately: z
      .boolean()
      .meta({ description: 'She last wrote privately (a direct message): the answer goes the same way' }),
    description: z.string().nullable().meta({
      description: 'What the composer says: "to jane@example.com by email", "public reply to @jane on X"',
    }),
    reason: z.string().nullable().meta({ description: 'Why it cannot go, for a person to read; null when it can' }),
  })
  .meta({ id: 'ReplyTarget' });

export const AssignmentRuleSchema = z
  .strictObject({
    id: z.string(),
    position: z.number(),
    name: z.string(),
    conditions: ruleConditionsSchema,
    teamId: z.string(),
    skill: z.string().nullable(),
  })
  .meta({ id: 'AssignmentRule' });

export const AssignmentRuleListSchema = z
  .strictObject({ items: z.array(AssignmentRuleSchema) })
  .meta({ id: 'AssignmentRuleList' });

export const EscalationRuleSchema = z
  .strictObject({
    id: z.string(),
    position: z.number(),
    name: z.string(),
    enabled: z.boolean(),
    conditions: escalationConditionsSchema,
    priority: z.enum(ESCALATION_PRIORITIES),
    opensCase: z.boolean().meta({
      description: 'Whether words that open no case of their own (a survey comment, a review) open one',
    }),
  })
  .meta({ id: 'EscalationRule' });

export const EscalationRuleListSchema = z
  .strictObject({ items: z.array(EscalationRuleSchema) })
  .meta({ id: 'EscalationRuleList' });

export const CaseSettingsSchema = caseSettingsSchema.meta({ id: 'CaseSettings' });

export const ReceivedMessageSchema = z
  .strictObject({
    caseId: z.string(),
    caseNumber: z.number(),
    customerId: z.string(),
    interactionId: z.string(),
    outcome: z.enum(['opened', 'joined', 'reopened', 'duplicate']).meta({
      description:
        'What happened to the case: a new one, joined an active one, reopened a resolved one; or the message was a duplicate',
    }),
    repeatOf: z.string().nullable(),
  })
  .meta({ id: 'ReceivedMessage', description: 'The message and the case it opened, joined or reopened' });

/** A customer's case in her subject-access export (privacy names the whole export). */
export const CaseExportSchema = CaseSummarySchema.pick({
  number: true,
  subject: true,
  channel: true,
  status: true,
  priority: true,
  reason: true,
  tags: true,
  openedAt: true,
}).extend({
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  gestures: z.array(
    z.strictObject({
      kind: z.enum(GESTURE_KINDS),
      amount: z.number().meta({ description: 'In the currency’s units (dollars, not cents)' }),
      currency: z.string(),
      reason: z.string(),
      status: z.enum(GESTURE_STATUSES),
      createdAt: z.string(),
    }),
  ),
});
