// The refusals of reply templates.
import { defineErrors } from '../shared/errors.ts';

export const templateErrors = defineErrors('templates', {
  /** The text uses a variable we do not fill, or is not valid Mustache. */
  invalid_template: 'invalid',
  not_found: 'not_found',
  /** Another template already has the name. */
  conflict: 'conflict',
});
