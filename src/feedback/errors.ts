// What feedback refuses, in its own closed list of codes.
import { defineErrors } from '../shared/errors.ts';

export const feedbackErrors = defineErrors('feedback', {
  not_found: 'not_found',
  invalid_survey: 'invalid',
  invalid_idea: 'invalid',
  invalid_board: 'invalid',
  invalid_settings: 'invalid',
  recently_surveyed: 'conflict',
  /** A reply asks for a survey link, and no survey is switched on to link to. */
  no_reply_survey: 'unprocessable',
  survey_inactive: 'conflict',
  customer_not_found: 'not_found',
  answer_queued: 'unavailable',
  too_many_requests: 'rate_limited',
});
