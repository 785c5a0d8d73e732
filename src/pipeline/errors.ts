// The refusals of the ingest pipeline: an event it cannot place on any customer's timeline.
import { defineErrors } from '../shared/errors.ts';

export const pipelineErrors = defineErrors('pipeline', {
  no_identity: 'invalid',
});
