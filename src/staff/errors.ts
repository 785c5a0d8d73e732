// The refusals of staff accounts, sign-in and API tokens, each with the kind of refusal it is.
import { defineErrors } from '../shared/errors.ts';

export const staffErrors = defineErrors('staff', {
  staff_not_found: 'not_found',
  token_not_found: 'not_found',
  staff_exists: 'conflict',
  last_admin: 'conflict',
  invalid_credentials: 'unauthenticated',
  wrong_password: 'invalid',
  too_many_attempts: 'rate_limited',
  server_busy: 'unavailable',
});
