// The look-ups the case engine runs for every message it receives are served by an index (EXPLAIN
// QUERY PLAN), including those that lean on an index changed to write fewer pages (migration 0006).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('case-plans');

const PER_MESSAGE_QUERIES: Record<string, [sql: string, index: RegExp]> = {
  'case settings': [
    `SELECT key, value FROM settings WHERE key >= 'cases.' AND key < 'cases/'`,
    /USING INDEX sqlite_autoindex_settings_1 \(key>\? AND key<\?\)/,
  ],
  'thread reference': [
    'SELECT case_id FROM case_thread_refs WHERE channel = ? AND ref IN (?) ORDER BY case_id DESC LIMIT 1',
    /USING PRIMARY KEY \(channel=\? AND ref=\?\)/,
  ],
  '[#number] tag': [
    'SELECT * FROM cases WHERE number IN (?) ORDER BY id DESC LIMIT 1',
    /USING INDEX sqlite_autoindex_cases_2 \(number=\?\)/,
  ],
  'a reply reported twice': [
    `SELECT case_id FROM case_messages WHERE external_id = ? AND kind = 'reply'`,
    /USING INDEX case_messages_reply_external/,
  ],
  'a message stored twice': [
    `SELECT m.case_id, c.number, c.customer_id, c.repeat_of FROM case_messages m JOIN cases c ON c.id = m.case_id WHERE m.interaction_id = ?`,
    /USING INDEX case_messages_interaction/,
  ],
  "the customer's recent cases": [
    `SELECT * FROM cases WHERE customer_id IN (?) AND (opened_at >= ? OR status IN ('new', 'open', 'pending')) ORDER BY opened_at DESC LIMIT 50`,
    /USING INDEX cases_customer/,
  ],
  'next case number': ['SELECT MAX(number) AS n FROM cases', /USING COVERING INDEX sqlite_autoindex_cases_2/],
  // Not per message, but it runs under the write lock: an erasure must not scan every reference.
  "an erased customer's references": [
    'DELETE FROM case_thread_refs WHERE case_id IN (?)',
    /USING COVERING INDEX case_thread_refs_case|USING INDEX case_thread_refs_case/,
  ],
};

for (const [name, [sql, index]] of Object.entries(PER_MESSAGE_QUERIES)) {
  test(`${name}: served by its index, no table scanned`, () => {
    const plan = temp.queryPlan(sql);
    assert.match(plan, index, plan);
    assert.doesNotMatch(plan, /^SCAN (?!.*USING (COVERING )?INDEX)/m, plan);
  });
}

test('migration 0006 indexes only replies by external id, and keeps the references by case that erasure deletes by', () => {
  const indexes = temp.db
    .rawConnection()
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('case_thread_refs', 'case_messages') ORDER BY name`,
    )
    .all()
    .map((row) => (row as { name: string }).name);
  assert.ok(!indexes.includes('case_messages_external'));
  assert.ok(indexes.includes('case_messages_reply_external'));
  assert.ok(indexes.includes('case_thread_refs_case'));
});
