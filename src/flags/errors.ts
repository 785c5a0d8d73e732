// The refusals of flag rules.
import { defineErrors } from '../shared/errors.ts';

export const flagErrors = defineErrors('flags', {
  flag_rule_not_found: 'not_found',
});
