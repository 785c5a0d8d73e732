// SQL for escalation rules (migration 0021).
import type { Db } from '../store/db.ts';
import type { EscalationConditions, EscalationRule } from './escalation.ts';

interface EscalationRuleRow {
  id: string;
  position: number;
  name: string;
  enabled: number;
  conditions: string;
  priority: EscalationRule['priority'];
  opens_case: number;
}

const toRule = (row: EscalationRuleRow): EscalationRule => ({
  id: row.id,
  position: row.position,
  name: row.name,
  enabled: row.enabled === 1,
  conditions: JSON.parse(row.conditions) as EscalationConditions,
  priority: row.priority,
  opensCase: row.opens_case === 1,
});

/** Read per inbound message (a handful of rows): a manager's change applies to the next one, in any process. */
export async function listEscalationRules(db: Db): Promise<EscalationRule[]> {
  return (await db.all<EscalationRuleRow>('SELECT * FROM escalation_rules ORDER BY position, id')).map(toRule);
}

export async function findEscalationRule(db: Db, id: string): Promise<EscalationRule | undefined> {
  const row = await db.get<EscalationRuleRow>('SELECT * FROM escalation_rules WHERE id = ?', [id]);
  return row && toRule(row);
}

/** The columns a rule writes, in the order both statements below name them. */
const ruleValues = (rule: EscalationRule) => [
  rule.position,
  rule.name,
  rule.enabled ? 1 : 0,
  JSON.stringify(rule.conditions),
  rule.priority,
  rule.opensCase ? 1 : 0,
];

export async function insertEscalationRule(db: Db, rule: EscalationRule): Promise<void> {
  await db.run(
    `INSERT INTO escalation_rules (position, name, enabled, conditions, priority, opens_case, id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [...ruleValues(rule), rule.id, Date.now()],
  );
}

export async function updateEscalationRule(db: Db, rule: EscalationRule): Promise<void> {
  await db.run(
    `UPDATE escalation_rules SET position = ?, name = ?, enabled = ?, conditions = ?, priority = ?, opens_case = ?
     WHERE id = ?`,
    [...ruleValues(rule), rule.id],
  );
}

export async function deleteEscalationRule(db: Db, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM escalation_rules WHERE id = ?', [id])).changes > 0;
}
