// The queries behind the "Failed to send" queue and the card's "last seen" and "last contact" are served
// by an index (EXPLAIN QUERY PLAN): the partial index of migration 0011 and the timeline index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('delivery-plans');

const QUERIES: Record<string, [sql: string, index: RegExp]> = {
  'Failed to send': [
    `SELECT id, case_id, delivery, delivery_error, at FROM case_messages
     WHERE delivery_error IS NOT NULL AND delivery IN ('queued', 'failed') ORDER BY at DESC, id DESC LIMIT ?`,
    /USING INDEX case_messages_undelivered/,
  ],
  'last seen (her own activity)': [
    `SELECT occurred_at FROM interactions WHERE profile_id = ? AND direction = 'inbound' AND channel <> 'system' ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    /USING INDEX interactions_timeline \(profile_id=\?\)/,
  ],
  'last contact per department (hers)': [
    `SELECT department, channel, type, direction, occurred_at, text FROM interactions
     WHERE profile_id = ? AND direction = 'inbound' AND channel <> 'system' AND department IS NOT NULL ORDER BY occurred_at DESC, id DESC LIMIT ?`,
    /USING INDEX interactions_timeline \(profile_id=\?\)/,
  ],
};

for (const [name, [sql, index]] of Object.entries(QUERIES)) {
  test(`${name}: served by its index, no table scanned, no sort`, () => {
    const plan = temp.queryPlan(sql);
    assert.match(plan, index, plan);
    assert.doesNotMatch(plan, /^SCAN (?!.*USING (COVERING )?INDEX)/m, plan);
    assert.doesNotMatch(plan, /USE TEMP B-TREE FOR ORDER BY/, plan);
  });
}
