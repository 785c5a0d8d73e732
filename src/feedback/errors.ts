// What feedback refuses, in its own closed list of codes.
import { defineErrors } from '../shared/errors.ts';

export const feedbackErrors = defineErrors('feedback', {
  not_found: 'not_found',
  invalid_survey: 'invalid',
  invalid_idea: 'invalid',
  invalid_board: 'invalid',
  recently_surveyed: 'conflict',
  survey_inactive: 'conflict',
  customer_not_found: 'not_found',
  answer_queued: 'unavailable',
  too_many_requests: 'rate_limited',
});
