// The refusals of an incoming event, before it joins a customer's timeline.
import { defineErrors } from '../shared/errors.ts';

export const interactionErrors = defineErrors('interactions', {
  no_identity: 'invalid',
});
