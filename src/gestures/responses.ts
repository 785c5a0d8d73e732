// What routes answer about service-recovery gestures and empowerment limits: the schemas behind the OpenAPI
// document, the web client's generated types and the server's own view types (view.ts, limits.ts).
import { z } from 'zod';
import { GESTURE_KINDS, GESTURE_STATUSES, PENDING_REASONS, gestureLimitsSchema } from './model.ts';

export const GestureSchema = z
  .strictObject({
    id: z.string(),
    caseId: z.string().nullable(),
    customerId: z.string(),
    kind: z.enum(GESTURE_KINDS),
    amount: z.number(),
    currency: z.string(),
    reason: z.string(),
    status: z.enum(GESTURE_STATUSES),
    approval: z.literal('pending').optional().meta({ description: 'Present while the gesture waits for a manager' }),
    pendingReason: z.enum(PENDING_REASONS).nullable().meta({
      description: "Which of the issuer's limits made it wait; null if it never waited",
    }),
    issuedBy: z.string(),
    issuedByName: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Gesture' });

export const PendingGestureSchema = GestureSchema.extend({
  caseNumber: z.number().nullable(),
  caseSubject: z.string().nullable(),
  customerLabel: z.string().nullable().meta({
    description: "The customer's name, else an identity (masked unless the viewer may see personal data)",
  }),
}).meta({ id: 'PendingGesture', description: 'A gesture in the approvals list, with the case and customer it is for' });

export const PendingGestureListSchema = z
  .strictObject({ items: z.array(PendingGestureSchema) })
  .meta({ id: 'PendingGestureList' });

export const GestureLimitsSchema = gestureLimitsSchema.meta({
  id: 'GestureLimits',
  description: "In the currency's units; perCase and perDay say whether they are the defaults",
});

export const GestureLimitsListSchema = z
  .strictObject({ items: z.array(GestureLimitsSchema) })
  .meta({ id: 'GestureLimitsList' });
