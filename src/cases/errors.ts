// The refusals of the case engine: lifecycle, replies, merges and their undoing.
import { defineErrors } from '../shared/errors.ts';

export const caseErrors = defineErrors('cases', {
  /** No such case, reply, rule or mention. */
  not_found: 'not_found',
  customer_not_found: 'not_found',
  invalid_transition: 'conflict',
  case_closed: 'conflict',
  already_sent: 'conflict',
  merge_same_case: 'invalid',
  merge_other_customer: 'conflict',
  case_merge_not_found: 'not_found',
  case_merge_already_undone: 'conflict',
  survivor_merged_since: 'conflict',
  /** A reply holds `{{survey.link}}` where no survey link can be minted. */
  survey_link_unavailable: 'unprocessable',
  /** A channel's message is kept in the event log but not projected yet: its case is not known. */
  message_queued: 'unavailable',
});
