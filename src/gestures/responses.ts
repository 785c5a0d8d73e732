// What routes answer about service-recovery gestures and empowerment limits: the schemas behind the OpenAPI
// document and the web client's generated types.
import { z } from 'zod';

export const GestureSchema = z
  .strictObject({
    id: z.string(),
    caseId: z.string().nullable(),
    customerId: z.string(),
    kind: z.string(),
    amount: z.number(),
    currency: z.string(),
    reason: z.string(),
    status: z.string(),
    approval: z.literal('pending').optional().meta({ description: 'Present while the gesture waits for a manager' }),
    pendingReason: z.string().nullable().meta({
      description: 'Which limit made it wait (gesture_limit, case_limit, day_limit); null if it never waited',
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
  customerLabel: z.string().nullable().meta({ description: 'Masked unless the viewer may see personal data' }),
}).meta({ id: 'PendingGesture' });

export const PendingGestureListSchema = z
  .strictObject({ items: z.array(PendingGestureSchema) })
  .meta({ id: 'PendingGestureList' });

export const GestureLimitsSchema = z
  .strictObject({
    currency: z.string(),
    perGesture: z.number(),
    perCase: z.number(),
    perDay: z.number(),
    perCaseIsDefault: z.boolean(),
    perDayIsDefault: z.boolean(),
  })
  .meta({ id: 'GestureLimits' });

export const GestureLimitsListSchema = z
  .strictObject({ items: z.array(GestureLimitsSchema) })
  .meta({ id: 'GestureLimitsList' });
