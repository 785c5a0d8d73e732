// What the SLA policy routes answer: a policy with its targets in minutes per priority.
import { z } from 'zod';
import { businessHoursSchema } from './business-hours.ts';
import { slaTargetsSchema } from './policy.ts';

export const SlaPolicySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    targets: slaTargetsSchema.meta({ description: 'Minutes per priority: firstResponse, nextResponse, resolution' }),
    businessHoursOnly: z.boolean(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'SlaPolicy' });

export const SlaPolicyListSchema = z.strictObject({ items: z.array(SlaPolicySchema) }).meta({ id: 'SlaPolicyList' });

/** A team's week in its own time zone, as the team routes answer it. */
export const BusinessHoursSchema = businessHoursSchema.meta({
  id: 'BusinessHours',
  description: 'Opening intervals [HH:MM, HH:MM] per weekday; no weekday at all means always open',
});
export const HolidaysSchema = z
  .array(z.string())
  .readonly()
  .meta({ description: 'Dates (YYYY-MM-DD) the team is closed' });
