// The timeline reads as the store writes them, checked with EXPLAIN QUERY PLAN: a customer of one profile (nearly
// all of them) walks the timeline index in order with no sort; a merged one walks it per profile and sorts only
// those pages; a merge and its undo change profile_owners through its indexes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { newestOfProfiles } from './store.ts';

const temp = useTempDatabase('timeline-plans');

const COLUMNS = 'id, profile_id, occurred_at, text';
const NEXT_PAGE = '(occurred_at, id) < (?, ?)';

const planOf = (query: { sql: string; params: unknown[] }) => temp.queryPlan(query.sql, query.params);
const NO_TABLE_SCAN = /^SCAN (?!\(subquery-\d+\)|.*USING (COVERING )?INDEX)/m;

test('the timeline of a one-profile customer walks the timeline index, no sort', () => {
  for (const query of [
    newestOfProfiles(['cus_a'], COLUMNS, '', [], 10),
    newestOfProfiles(['cus_a'], COLUMNS, NEXT_PAGE, [1, 1], 10),
    newestOfProfiles(['cus_a'], 'id, occurred_at', `direction = 'inbound' AND channel <> 'system'`, [], 1),
  ]) {
    const plan = planOf(query);
    assert.match(plan, /SEARCH interactions USING (COVERING )?INDEX interactions_timeline \(profile_id=\?/, plan);
    assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
    assert.doesNotMatch(plan, NO_TABLE_SCAN, plan);
  }
});

test('the timeline of a merged customer walks the index once per profile and sorts only those pages', () => {
  const plan = planOf(newestOfProfiles(['cus_a', 'cus_b', 'cus_c'], COLUMNS, NEXT_PAGE, [1, 1], 10));
  const searches = plan.match(/SEARCH interactions USING (COVERING )?INDEX interactions_timeline \(profile_id=\?/g);
  assert.equal(searches?.length, 3, plan);
  assert.doesNotMatch(plan, NO_TABLE_SCAN, plan);
});

const OWNER_CHANGES: Record<string, [sql: string, index: RegExp]> = {
  'a merge hands over the profiles the absorbed customer held': [
    'UPDATE profile_owners SET customer_id = ? WHERE customer_id = ?',
    /USING (COVERING )?INDEX profile_owners_customer \(customer_id=\?\)/,
  ],
  'an undo gives them back': [
    'UPDATE profile_owners SET customer_id = ? WHERE customer_id = ? AND profile_id IN (?, ?)',
    /USING PRIMARY KEY \(profile_id=\?\)|USING (COVERING )?INDEX profile_owners_customer \(customer_id=\? AND profile_id=\?\)/,
  ],
  'and her own record is hers alone again': [
    'DELETE FROM profile_owners WHERE profile_id = ? AND customer_id = ?',
    /USING PRIMARY KEY \(profile_id=\?\)/,
  ],
};

for (const [name, [sql, index]] of Object.entries(OWNER_CHANGES)) {
  test(`${name}: served by its index, no table scanned`, () => {
    const plan = temp.queryPlan(sql);
    assert.match(plan, index, plan);
    assert.doesNotMatch(plan, NO_TABLE_SCAN, plan);
  });
}
