// The refusals of customer profiles, identities, merges and preferences, each with the kind of refusal it is.
import { defineErrors } from '../shared/errors.ts';

export const customerErrors = defineErrors('customers', {
  customer_not_found: 'not_found',
  customer_erased: 'gone',
  customer_already_merged: 'conflict',
  merge_same_customer: 'invalid',
  merge_not_found: 'not_found',
  merge_already_undone: 'conflict',
  survivor_merged_since: 'conflict',
  invalid_cursor: 'invalid',
  preference_not_found: 'not_found',
  flag_not_found: 'not_found',
});
