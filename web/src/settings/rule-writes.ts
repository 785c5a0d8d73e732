// Changing assignment rules through an API that can only add and remove them: a changed rule is a
// new rule put in first, then the old one removed, so no moment passes with the rule missing.
import { settingsApi } from './api.ts';
import { repositionsFor } from './rule-order.ts';
import type { AssignmentRule, AssignmentRuleInput } from './types.ts';

export function inputOf(rule: AssignmentRule): AssignmentRuleInput {
  return { name: rule.name, position: rule.position, conditions: rule.conditions, teamId: rule.teamId, skill: rule.skill };
}

/** The rule as `next` says, in its place; it gets a new id. */
export async function rewriteRule(rule: AssignmentRule, next: AssignmentRuleInput): Promise<AssignmentRule> {
  const created = await settingsApi.createAssignmentRule(next);
  await settingsApi.deleteAssignmentRule(rule.id);
  return created;
}

export async function moveRule(rules: readonly AssignmentRule[], index: number, offset: -1 | 1): Promise<void> {
  for (const { rule, position } of repositionsFor(rules, index, offset)) {
    await rewriteRule(rule, { ...inputOf(rule), position });
  }
}
