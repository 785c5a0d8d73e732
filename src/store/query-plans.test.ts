// Every query that runs per event or per request is served by an index: checked with EXPLAIN QUERY PLAN.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteDatabase } from './sqlite.ts';

let dir: string;
let db: SqliteDatabase;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-plans-'));
  db = openSqlite(join(dir, 'plans.db'));
  await db.migrate();
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const HOT_QUERIES: Record<string, string> = {
  'identity look-up': 'SELECT * FROM identities WHERE kind = ? AND value = ?',
  'idempotency check': 'SELECT id, customer_id FROM interactions WHERE source = ? AND source_id = ?',
  'timeline first page': 'SELECT * FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?',
  'timeline next page': `SELECT * FROM interactions WHERE customer_id = ? AND (occurred_at, id) < (?, ?)
                         ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  'department contacts': `SELECT * FROM interactions WHERE customer_id = ? AND department IS NOT NULL
                          ORDER BY occurred_at DESC, id DESC LIMIT ?`,
  'identities of a customer': 'SELECT * FROM identities WHERE customer_id = ? ORDER BY created_at, kind',
  'behaviour tallies': 'SELECT value, count FROM behaviour_tallies WHERE customer_id = ? AND subject = ? AND attribute = ?',
  preferences: 'SELECT * FROM preferences WHERE customer_id = ? ORDER BY kind, key',
  'recent customers': `SELECT * FROM customers c WHERE c.merged_into IS NULL ORDER BY c.last_seen_at DESC, c.id DESC LIMIT ?`,
  'name search': 'SELECT DISTINCT t.customer_id FROM customer_search_terms t WHERE t.term >= ? AND t.term < ? LIMIT ?',
  'session check': `SELECT staff.* FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
                    WHERE staff_sessions.token_hash = ? AND staff_sessions.expires_at > ?`,
};

for (const [name, sql] of Object.entries(HOT_QUERIES)) {
  test(`${name} uses an index and never scans or sorts a table`, () => {
    const params = (sql.match(/\?/g) ?? []).map(() => 1);
    const plan = db
      .rawConnection()
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    assert.doesNotMatch(plan, /^SCAN (?!.*USING (COVERING )?INDEX)/m, plan);
    assert.doesNotMatch(plan, /USE TEMP B-TREE FOR ORDER BY/, plan);
    assert.match(plan, /USING (COVERING )?INDEX|USING PRIMARY KEY|USING INTEGER PRIMARY KEY/, plan);
  });
}

test('migrations apply once: a second run applies nothing', async () => {
  assert.deepEqual(await db.migrate(), []);
});
