// Use cases for escalation rules: list, add, change and remove them. Without a position a new rule is tried last.
import type { Db } from '../store/db.ts';
import { newId } from '../shared/ids.ts';
import type { EscalationRule } from './escalation.ts';
import { caseErrors } from './errors.ts';
import * as rules from './escalation-store.ts';

export type EscalationRuleFields = Omit<EscalationRule, 'id' | 'position'> & { position?: number };

export async function listEscalations(db: Db): Promise<EscalationRule[]> {
  return rules.listEscalationRules(db);
}

export async function addEscalation(db: Db, fields: EscalationRuleFields): Promise<EscalationRule> {
  return db.transaction(async (tx) => {
    const existing = await rules.listEscalationRules(tx);
    const rule = { id: newId('esc'), ...fields, position: fields.position ?? existing.length };
    await rules.insertEscalationRule(tx, rule);
    return rule;
  });
}

/** It keeps its id; conditions given are taken whole. */
export async function changeEscalation(
  db: Db,
  id: string,
  changes: Partial<EscalationRuleFields>,
): Promise<EscalationRule> {
  return db.transaction(async (tx) => {
    const current = await rules.findEscalationRule(tx, id);
    if (!current) throw caseErrors.error('not_found', `No escalation rule ${id}`);
    const rule = { ...current, ...changes };
    await rules.updateEscalationRule(tx, rule);
    return rule;
  });
}

export async function removeEscalation(db: Db, id: string): Promise<void> {
  if (!(await rules.deleteEscalationRule(db, id))) throw caseErrors.error('not_found', `No escalation rule ${id}`);
}
