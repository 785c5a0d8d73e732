// The refusals of privacy requests that no other capability makes.
import { defineErrors } from '../shared/errors.ts';

export const privacyErrors = defineErrors('privacy', {
  erasure_waits_for_ingest: 'unavailable',
});
