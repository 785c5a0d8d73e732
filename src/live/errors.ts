// The refusals of live streams and presence.
import { defineErrors } from '../shared/errors.ts';

export const liveErrors = defineErrors('live', {
  case_not_found: 'not_found',
  shutting_down: 'unavailable',
  too_many_streams: 'rate_limited',
});
