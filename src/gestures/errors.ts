// The refusals of goodwill gestures and the limits on them.
import { defineErrors } from '../shared/errors.ts';

export const gestureErrors = defineErrors('gestures', {
  /** No such case, gesture, or limits in that currency. */
  not_found: 'not_found',
  staff_not_found: 'not_found',
  /** The gesture was decided already. */
  not_pending: 'conflict',
  /** An approver's own limits do not cover the gesture. */
  above_limit: 'forbidden',
});
