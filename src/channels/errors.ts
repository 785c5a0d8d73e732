// The refusals of the channels' own endpoints (the public contact form).
import { defineErrors } from '../shared/errors.ts';

export const channelErrors = defineErrors('channels', {
  /** One address sent too many contact forms; Retry-After says when to try again. */
  too_many_requests: 'rate_limited',
});
