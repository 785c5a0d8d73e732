// SQL for assignment rules.
import type { Db } from '../store/db.ts';
import type { AssignmentRule, RuleConditions } from './assignment.ts';

interface RuleRow {
  id: string;
  position: number;
  name: string;
  conditions: string;
  team_id: string;
  skill: string | null;
}

const toRule = (row: RuleRow): AssignmentRule => ({
  id: row.id,
  position: row.position,
  name: row.name,
  conditions: JSON.parse(row.conditions) as RuleConditions,
  teamId: row.team_id,
  skill: row.skill,
});

export async function listAssignmentRules(db: Db): Promise<AssignmentRule[]> {
  return (await db.all<RuleRow>('SELECT * FROM assignment_rules ORDER BY position, id')).map(toRule);
}

export async function insertAssignmentRule(db: Db, rule: AssignmentRule): Promise<void> {
  await db.run(
    'INSERT INTO assignment_rules (id, position, name, conditions, team_id, skill, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [rule.id, rule.position, rule.name, JSON.stringify(rule.conditions), rule.teamId, rule.skill, Date.now()],
  );
}

export async function deleteAssignmentRule(db: Db, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM assignment_rules WHERE id = ?', [id])).changes > 0;
}

export async function findAssignmentRule(db: Db, id: string): Promise<AssignmentRule | undefined> {
  const row = await db.get<RuleRow>('SELECT * FROM assignment_rules WHERE id = ?', [id]);
  return row && toRule(row);
}

export async function updateAssignmentRule(db: Db, rule: AssignmentRule): Promise<void> {
  await db.run(
    'UPDATE assignment_rules SET position = ?, name = ?, conditions = ?, team_id = ?, skill = ? WHERE id = ?',
    [rule.position, rule.name, JSON.stringify(rule.conditions), rule.teamId, rule.skill, rule.id],
  );
}
