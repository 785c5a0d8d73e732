// What the channel routes answer: a received call, a social batch report and the contact form's JSON receipt.
import { z } from 'zod';

// A message received by any channel: cases says what happened to it (its `receiveMessage` answers it).
export { ReceivedMessageSchema } from '../cases/index.ts';

export const SocialReplayReportSchema = z
  .strictObject({
    posts: z.number(),
    rejected: z.array(z.strictObject({ line: z.number(), reason: z.string() })),
    casesOpened: z.number(),
    threadsJoined: z.number(),
    reopened: z.number(),
    duplicates: z.number(),
    repeatContacts: z.number(),
    brandReplies: z.number(),
    unthreadedReplies: z.number(),
  })
  .meta({ id: 'SocialReplayReport' });

export const ContactReceiptSchema = z
  .strictObject({
    caseNumber: z.number(),
    onDuty: z
      .strictObject({ name: z.string(), team: z.string().nullable() })
      .nullable()
      .meta({ description: 'Who is on duty to answer, when someone is' }),
    promise: z.strictObject({
      usually: z.string().nullable().meta({ description: '"within 2 h"; null when there is nothing honest to say' }),
      when: z.string().nullable().meta({ description: '"by 15:30 UTC", "tomorrow by 09:30 UTC"' }),
      expectedAt: z.string().nullable(),
      basis: z.enum(['median', 'target', 'none']),
    }),
    message: z.string(),
  })
  .meta({ id: 'ContactReceipt', description: 'The contact form was received: the case and when to expect an answer' });

export const ContactDroppedSchema = z
  .strictObject({ received: z.literal(true) })
  .meta({ id: 'ContactReceived', description: 'Received (a form a bot filled is answered so, and dropped)' });
