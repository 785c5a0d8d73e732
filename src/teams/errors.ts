// The refusals of teams: what a change to a team may run into.
import { defineErrors } from '../shared/errors.ts';

export const teamErrors = defineErrors('teams', {
  not_found: 'not_found',
  /** Another team already has the name. */
  conflict: 'conflict',
  /** The default team, or one with cases being worked on or assignment rules, cannot be archived. */
  team_in_use: 'conflict',
  /** A team on an archived SLA policy cannot come back until the policy does. */
  policy_archived: 'conflict',
});
