// Every query that runs per event or per request is served by an index: checked with EXPLAIN QUERY PLAN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('plans');

/** A customer's profiles in SQL, as customers' store spells them: her own record and those merged into her. */
const PROFILES_OF = (customer: string) =>
  `SELECT own.id FROM customers own WHERE own.id = ${customer}
   UNION ALL SELECT merged.profile_id FROM profile_owners merged WHERE merged.customer_id = ${customer}`;

/** An aggregate of a customer's interactions, as customers' store spells it: her own profile's, or all of hers. */
const OF_HER_INTERACTIONS = (aggregate: string) =>
  `CASE WHEN c.merged_into IS NOT NULL THEN NULL
     WHEN EXISTS (SELECT 1 FROM profile_owners merged WHERE merged.customer_id = c.id)
     THEN (SELECT ${aggregate} FROM interactions WHERE profile_id IN (${PROFILES_OF('c.id')}))
     ELSE (SELECT ${aggregate} FROM interactions WHERE profile_id = c.id) END`;

const HOT_QUERIES: Record<string, string> = {
  'identity look-up': 'SELECT * FROM identities WHERE kind = ? AND value = ?',
  'idempotency check': `SELECT i.id, COALESCE(owner.customer_id, i.profile_id) AS customer_id FROM interactions i
                         LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
                         WHERE i.source_key = ? AND i.source = ? AND i.source_id = ?`,
  'profiles of a customer': 'SELECT profile_id FROM profile_owners WHERE customer_id = ? ORDER BY profile_id',
  'timeline first page': 'SELECT * FROM interactions WHERE profile_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?',
  'timeline next page': `SELECT * FROM interactions WHERE profile_id = ? AND (occurred_at, id) < (?, ?)
                         ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  'department contacts': `SELECT * FROM interactions WHERE profile_id = ? AND department IS NOT NULL
                          ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  'identities of a customer': 'SELECT * FROM identities WHERE customer_id = ? ORDER BY created_at, kind',
  'behaviour tallies':
    'SELECT value, count FROM behaviour_tallies WHERE customer_id = ? AND subject = ? AND attribute = ?',
  preferences: 'SELECT * FROM preferences WHERE customer_id = ? ORDER BY kind, key',
  'tallies of a subject': 'SELECT attribute, value, count FROM behaviour_tallies WHERE customer_id = ? AND subject = ?',
  'preference evidence': `SELECT id, occurred_at, properties FROM interactions
                          WHERE profile_id = ? AND type = 'track' AND properties IS NOT NULL AND id <= ?
                          ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  'recent customers': `SELECT i.id, COALESCE(owner.customer_id, i.profile_id) AS customer_id FROM interactions i
                       LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
                       WHERE (i.occurred_at, i.id) < (?, ?)
                       AND NOT EXISTS (SELECT 1 FROM interactions later
                                       WHERE later.profile_id IN (${PROFILES_OF('COALESCE(owner.customer_id, i.profile_id)')})
                                         AND (later.occurred_at, later.id) > (i.occurred_at, i.id))
                       ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`,
  'customer activity': `SELECT ${OF_HER_INTERACTIONS('MIN(occurred_at)')}, ${OF_HER_INTERACTIONS('MAX(occurred_at)')},
                          ${OF_HER_INTERACTIONS('COUNT(*)')} FROM customers c WHERE c.id = ?`,
  'name search': 'SELECT DISTINCT t.customer_id FROM customer_search_terms t WHERE t.term >= ? AND t.term < ? LIMIT ?',
  'customers gone quiet': `SELECT DISTINCT COALESCE(owner.customer_id, i.profile_id) AS customer_id FROM interactions i
                           LEFT JOIN profile_owners owner ON owner.profile_id = i.profile_id
                           WHERE i.occurred_at > ? AND i.occurred_at <= ?`,
  'her latest contacts': `SELECT id, occurred_at FROM interactions WHERE profile_id = ? AND direction = 'inbound'
                          ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  'audit of a customer': 'SELECT * FROM audit_log WHERE id < ? AND customer_id = ? ORDER BY id DESC LIMIT ?',
  'audit of a staff member': 'SELECT * FROM audit_log WHERE id < ? AND actor_id = ? ORDER BY id DESC LIMIT ?',
  'audit of an action': 'SELECT * FROM audit_log WHERE id < ? AND action = ? ORDER BY id DESC LIMIT ?',
  'session check': `SELECT staff.* FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
                    WHERE staff_sessions.token_hash = ? AND staff_sessions.expires_at > ?`,
};

for (const [name, sql] of Object.entries(HOT_QUERIES)) {
  test(`${name} uses an index and never scans or sorts a table`, () => {
    const plan = temp.queryPlan(sql);
    // Reading a bounded subquery's own rows back ("SCAN (subquery-1)") is not a table scan.
    assert.doesNotMatch(plan, /^SCAN (?!\(subquery-\d+\)|.*USING (COVERING )?INDEX)/m, plan);
    assert.doesNotMatch(plan, /USE TEMP B-TREE FOR ORDER BY/, plan);
    assert.match(plan, /USING (COVERING )?INDEX|USING PRIMARY KEY|USING INTEGER PRIMARY KEY/, plan);
  });
}

test('migrations apply once: a second run applies nothing', async () => {
  assert.deepEqual(await temp.db.migrate(), []);
});
