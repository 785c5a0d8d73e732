// Changing an assignment rule in place: it keeps its id through edits (and moves, useRuleMoves.ts).
import { settingsApi } from './api.ts';
import type { AssignmentRule, AssignmentRuleInput } from './types.ts';

export function inputOf(rule: AssignmentRule): AssignmentRuleInput {
  return {
    name: rule.name,
    position: rule.position,
    conditions: rule.conditions,
    teamId: rule.teamId,
    skill: rule.skill,
  };
}

/** The rule as `next` says, in its place. */
export async function rewriteRule(rule: AssignmentRule, next: AssignmentRuleInput): Promise<AssignmentRule> {
  return settingsApi.changeAssignmentRule(rule.id, next);
}
