// What the live routes answer: who else is on a case (the stream itself is text/event-stream).
import { z } from 'zod';
import { PRESENCE_STATES } from './model.ts';

export const PresentPersonSchema = z
  .strictObject({ staffId: z.string(), name: z.string(), state: z.enum(PRESENCE_STATES) })
  .meta({ id: 'PresentPerson' });

export const PresenceSchema = z.strictObject({ people: z.array(PresentPersonSchema) }).meta({ id: 'Presence' });
