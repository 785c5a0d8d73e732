// What routes answer about interactions: one event of a customer's timeline, as every capability shows it.
import { interactionSchema } from './model.ts';

export const InteractionSchema = interactionSchema.meta({ id: 'Interaction' });
