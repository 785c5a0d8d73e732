// The look-ups merges add to every case page and every reply on a merged case's thread are served by
// an index (EXPLAIN QUERY PLAN), as are the moves a merge and its undo make under the write lock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('case-merge-plans');

const QUERIES: Record<string, [sql: string, index: RegExp]> = {
  'the merge that absorbed a case': [
    'SELECT * FROM case_merges WHERE absorbed_id = ? AND undone_at IS NULL',
    /USING INDEX case_merges_absorbed \(absorbed_id=\?\)/,
  ],
  'the merges into a case': [
    'SELECT * FROM case_merges WHERE survivor_id = ? AND undone_at IS NULL ORDER BY merged_at',
    /USING INDEX case_merges_survivor \(survivor_id=\?\)/,
  ],
  'a merged message back to its case': [
    'UPDATE case_messages SET case_id = ?, origin_case_id = NULL WHERE case_id = ? AND origin_case_id IN (?, ?)',
    /USING INDEX case_messages_case \(case_id=\?\)/,
  ],
  'a conversation moved to the survivor': [
    'UPDATE interactions SET case_id = ? WHERE id IN (SELECT interaction_id FROM case_messages WHERE case_id = ?)',
    /USING INTEGER PRIMARY KEY \(rowid=\?\)[\s\S]*USING (COVERING )?INDEX case_messages_case \(case_id=\?\)|USING (COVERING )?INDEX case_messages_case \(case_id=\?\)[\s\S]*USING INTEGER PRIMARY KEY/,
  ],
};

for (const [name, [sql, index]] of Object.entries(QUERIES)) {
  test(`${name}: served by its index, no table scanned`, () => {
    const plan = temp.queryPlan(sql);
    assert.match(plan, index, plan);
    assert.doesNotMatch(plan, /^SCAN (?!.*USING (COVERING )?INDEX)/m, plan);
  });
}
