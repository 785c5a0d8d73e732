// Changing assignment rules in place: a rule keeps its id through edits and moves.
import { settingsApi } from './api.ts';
import { repositionsFor } from './rule-order.ts';
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

export async function moveRule(rules: readonly AssignmentRule[], index: number, offset: -1 | 1): Promise<void> {
  for (const { rule, position } of repositionsFor(rules, index, offset)) {
    await settingsApi.changeAssignmentRule(rule.id, { position });
  }
}
