// What the idea routes answer: an idea with every requester (her words, whether she was answered, her value), its
// demand, its history; the ranked list; a reply sent; the feedback settings (the public board). Schemas behind the OpenAPI document and the web client.
import { z } from 'zod';
import { ACTOR_KINDS } from '../shared/actor.ts';
import { IDEA_STATUSES } from './idea-model.ts';

const money = z.strictObject({ amount: z.number(), currency: z.string() });

const IdeaFieldsSchema = z.strictObject({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  body: z.string(),
  status: z.enum(IDEA_STATUSES),
  statusReason: z.string().nullable().meta({ description: 'Why declined, or how to do it today (already possible)' }),
  mergedInto: z.string().nullable(),
  public: z.boolean().meta({ description: 'Shown on the public ideas board (while the board is switched on)' }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const IdeaSummarySchema = IdeaFieldsSchema.extend({ requesters: z.number() }).meta({ id: 'IdeaSummary' });

export const IdeaListSchema = z
  .strictObject({
    items: z.array(
      IdeaSummarySchema.extend({
        value: money.meta({ description: 'The sum of the requesters’ lifetime values' }),
      }),
    ),
  })
  .meta({ id: 'IdeaList' });

export const IdeaSchema = IdeaFieldsSchema.extend({
  requesters: z.array(
    z.strictObject({
      customerId: z.string(),
      customerLabel: z.string().nullable(),
      interactionId: z.string().nullable(),
      text: z.string().meta({ description: 'Her words' }),
      addedAt: z.string(),
      answeredAt: z
        .string()
        .nullable()
        .meta({ description: 'Her latest personal reply since she asked; null: she still waits for an answer' }),
      lifetimeValue: money,
    }),
  ),
  demand: z.strictObject({ requesters: z.number(), unanswered: z.number(), value: money }),
  history: z.array(
    z.strictObject({
      at: z.string(),
      actorKind: z.enum(ACTOR_KINDS),
      actorId: z.string().nullable(),
      change: z.record(z.string(), z.unknown()),
    }),
  ),
}).meta({ id: 'Idea' });

export const FeedbackSettingsSchema = z
  .strictObject({
    publicBoard: z.boolean().meta({
      description:
        'The public ideas board at /board: customers browse public ideas, and signed in, submit, vote, comment',
    }),
    replySurveyId: z
      .string()
      .nullable()
      .meta({
        description:
          'The survey a {{survey.link}} in a case reply leads to; null: the survey after a resolved case, else the ' +
          'newest survey switched on',
      }),
    replySurvey: z
      .strictObject({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: 'The survey a link in a reply leads to now; null: none, and such replies are refused' }),
    replySurveyProblem: z
      .string()
      .nullable()
      .meta({ description: 'Why no link can be made now, in the words a refused reply gets; null when one can' }),
  })
  .meta({ id: 'FeedbackSettings' });

export const IdeaReplySchema = z
  .strictObject({
    id: z.string(),
    via: z.enum(['case', 'email', 'recorded']).meta({
      description: 'On her open case (its channel), by email, or recorded as answered by hand',
    }),
    caseId: z.string().nullable(),
  })
  .meta({ id: 'IdeaReply' });
