// The sums an agent's gesture is checked against run inside the write lock: each is served by an index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('gesture-plans');

const PER_GESTURE_QUERIES: Record<string, [sql: string, index: RegExp]> = {
  'limits in one currency': [
    'SELECT currency, per_gesture, per_case, per_day FROM gesture_limits WHERE staff_id = ? AND currency = ?',
    /USING PRIMARY KEY \(staff_id=\? AND currency=\?\)/,
  ],
  "the case's total": [
    `SELECT SUM(amount) AS total FROM gestures WHERE case_id = ? AND currency = ? AND status = 'issued'`,
    /USING INDEX gestures_case/,
  ],
  "the agent's day": [
    `SELECT SUM(amount) AS total FROM gestures WHERE issued_by = ? AND currency = ? AND status = 'issued' AND created_at >= ? AND created_at < ?`,
    /USING INDEX gestures_issued_by_day \(issued_by=\? AND currency=\? AND created_at>\? AND created_at<\?\)/,
  ],
};

for (const [name, [sql, index]] of Object.entries(PER_GESTURE_QUERIES)) {
  test(`${name}: served by its index, no table scanned`, () => {
    const plan = temp.queryPlan(sql);
    assert.match(plan, index, plan);
    assert.doesNotMatch(plan, /^SCAN (?!.*USING (COVERING )?INDEX)/m, plan);
  });
}
