// The refusals of SLA policies.
import { defineErrors } from '../shared/errors.ts';

export const slaErrors = defineErrors('sla', {
  not_found: 'not_found',
  /** Another policy already has the name. */
  conflict: 'conflict',
  /** A team still runs on the policy. */
  policy_in_use: 'conflict',
});
