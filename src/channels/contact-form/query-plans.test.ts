// The thank-you page reads its team's recent answered cases on every contact-form post: through an index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../../test/helpers/temp-database.ts';

const temp = useTempDatabase('contact-form-plans');

test("the team's recent answered cases: served by cases_team_answered, no table scanned, no sort", () => {
  const sql = `SELECT opened_at, first_response_at FROM cases
     WHERE first_response_at IS NOT NULL AND opened_at >= ? AND team_id = ?
     ORDER BY opened_at DESC LIMIT 500`;
  const plan = temp.queryPlan(sql, [1, 'team']);
  assert.match(plan, /USING INDEX cases_team_answered \(team_id=\? AND opened_at>\?\)/, plan);
  assert.doesNotMatch(plan, /TEMP B-TREE|^SCAN /m, plan);
});
