// Who takes a new case: the first assignment rule that matches picks the team (and a skill); within
// the team, the available member with that skill who has the fewest live cases, and among equals the
// one who waited longest since their last assignment (round-robin with load).
import { z } from 'zod';
import { CASE_PRIORITIES, type CasePriority } from './model.ts';
import { CHANNELS, type Channel } from '../interactions/index.ts';
import type { TeamMember } from '../teams/index.ts';

export const ruleConditionsSchema = z
  .object({
    channels: z.array(z.enum(CHANNELS)).max(20).optional(),
    reasons: z.array(z.string().min(1).max(100)).max(50).optional(),
    priorities: z.array(z.enum(CASE_PRIORITIES)).max(4).optional(),
    keywords: z.array(z.string().min(1).max(100)).max(50).optional(),
  })
  .strict();
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export interface AssignmentRule {
  id: string;
  position: number;
  name: string;
  conditions: RuleConditions;
  teamId: string;
  skill: string | null;
}

export interface CaseToAssign {
  channel: Channel;
  reason: string | null;
  priority: CasePriority;
  text: string;
}

export function ruleMatches(conditions: RuleConditions, subject: CaseToAssign): boolean {
  if (conditions.channels && !conditions.channels.includes(subject.channel)) return false;
  if (conditions.reasons && (!subject.reason || !conditions.reasons.includes(subject.reason))) return false;
  if (conditions.priorities && !conditions.priorities.includes(subject.priority)) return false;
  if (conditions.keywords) {
    const text = subject.text.toLowerCase();
    if (!conditions.keywords.some((keyword) => text.includes(keyword.toLowerCase()))) return false;
  }
  return true;
}

export function firstMatchingRule(rules: readonly AssignmentRule[], subject: CaseToAssign): AssignmentRule | null {
  return (
    [...rules].sort((a, b) => a.position - b.position).find((rule) => ruleMatches(rule.conditions, subject)) ?? null
  );
}

/** Agents and managers who take cases; viewers and admins are not in the rotation. */
export function pickAssignee(members: readonly TeamMember[], skill: string | null): TeamMember | null {
  const eligible = members.filter(
    (member) =>
      member.available &&
      (member.role === 'agent' || member.role === 'manager') &&
      (!skill || member.skills.includes(skill)),
  );
  eligible.sort(
    (a, b) => a.load - b.load || (a.lastAssignedAt ?? 0) - (b.lastAssignedAt ?? 0) || a.id.localeCompare(b.id),
  );
  return eligible[0] ?? null;
}
