// Use cases for assignment rules: add, change and remove them. A rule sends cases to an active team.
import type { Db } from '../store/db.ts';
import { invalidField } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { findTeam } from '../teams/index.ts';
import type { AssignmentRule } from './assignment.ts';
import { caseErrors } from './errors.ts';
import * as rules from './rules-store.ts';

export type RuleFields = Omit<AssignmentRule, 'id' | 'position'> & { position?: number };

async function requireActiveTeam(db: Db, teamId: string): Promise<void> {
  const team = await findTeam(db, teamId);
  if (!team) throw invalidField('teamId', 'Unknown team', `No team ${teamId}`);
  if (team.archivedAt !== null) {
    throw invalidField('teamId', 'Archived team: restore it first', `Team ${team.name} is archived`);
  }
}

export async function listRules(db: Db): Promise<AssignmentRule[]> {
  return rules.listAssignmentRules(db);
}

/** Without a position, the rule is tried last. */
export async function addRule(db: Db, fields: RuleFields): Promise<AssignmentRule> {
  return db.transaction(async (tx) => {
    await requireActiveTeam(tx, fields.teamId);
    const existing = await rules.listAssignmentRules(tx);
    const rule = { id: newId('rule'), ...fields, position: fields.position ?? existing.length };
    await rules.insertAssignmentRule(tx, rule);
    return rule;
  });
}

/** It keeps its id. */
export async function changeRule(db: Db, id: string, changes: Partial<RuleFields>): Promise<AssignmentRule> {
  return db.transaction(async (tx) => {
    const current = await rules.findAssignmentRule(tx, id);
    if (!current) throw caseErrors.error('not_found', `No rule ${id}`);
    if (changes.teamId !== undefined) await requireActiveTeam(tx, changes.teamId);
    const rule = { ...current, ...changes };
    await rules.updateAssignmentRule(tx, rule);
    return rule;
  });
}

export async function removeRule(db: Db, id: string): Promise<void> {
  if (!(await rules.deleteAssignmentRule(db, id))) throw caseErrors.error('not_found', `No rule ${id}`);
}
