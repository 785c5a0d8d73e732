// The refusals of journeys.
import { defineErrors } from '../shared/errors.ts';

export const journeyErrors = defineErrors('journeys', {
  journey_not_found: 'not_found',
  /** An archived journey keeps its report, but is no longer changed. */
  journey_archived: 'conflict',
});
