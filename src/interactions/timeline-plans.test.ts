// The timeline reads as the store writes them, checked with EXPLAIN QUERY PLAN: a customer of one profile (nearly
// all of them) walks the timeline index in order with no sort; a merged one walks it per profile into a sort
// bounded by the page; a merge and its undo change profile_owners through its indexes.
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

test('the timeline of a merged customer walks the index per profile into a sort bounded by the page', () => {
  const plan = planOf(newestOfProfiles(['cus_a', 'cus_b', 'cus_c'], COLUMNS, NEXT_PAGE, [1, 1], 10));
  assert.match(
    plan,
    /SEARCH interactions USING (COVERING )?INDEX interactions_timeline \(profile_id=\? AND occurred_at<\?\)/,
    plan,
  );
  assert.doesNotMatch(plan, NO_TABLE_SCAN, plan);
});

test('a page of a merged customer reads about a page per profile, not her whole timeline', () => {
  const raw = temp.db.rawConnection();
  let read = 0;
  raw.function('counted', { varargs: true }, () => {
    read++;
    return 1;
  });
  const insert = raw.prepare(
    `INSERT INTO interactions (profile_id, occurred_at, received_at, channel, direction, type, source, source_id)
     VALUES (?, ?, 0, 'email', 'inbound', 'message', 'plans', ?)`,
  );
  raw.transaction(() => {
    for (let n = 0; n < 1000; n++) insert.run(n % 2 ? 'cus_big_a' : 'cus_big_b', 1_000 + n, `big-${n}`);
  })();
  const query = newestOfProfiles(['cus_big_a', 'cus_big_b'], 'id, occurred_at', 'counted(id)', [], 10);
  const rows = raw.prepare(query.sql).all(...query.params) as Array<{ occurred_at: number }>;
  assert.deepEqual(
    rows.map((row) => row.occurred_at),
    Array.from({ length: 10 }, (_, n) => 1_999 - n),
  );
  assert.ok(read <= 2 * 11, `${read} rows read for a page of 10 from two profiles of 500 events each`);
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
