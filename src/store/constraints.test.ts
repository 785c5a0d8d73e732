// The unique-violation test reads the real engine's error, not a made-up one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { isUniqueViolation } from './constraints.ts';

test('a unique violation is recognised by its table and column, and nothing else is', () => {
  const db = new Sqlite(':memory:');
  db.exec('CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
  db.prepare('INSERT INTO teams VALUES (?, ?)').run('a', 'Billing');
  const broken = (sql: string, ...params: string[]) => {
    try {
      db.prepare(sql).run(...params);
    } catch (error) {
      return error;
    }
    assert.fail('the write should have failed');
  };
  const sameName = broken('INSERT INTO teams VALUES (?, ?)', 'b', 'Billing');
  assert.equal(isUniqueViolation(sameName, 'teams', 'name'), true);
  assert.equal(isUniqueViolation(sameName, 'teams', 'id'), false);
  assert.equal(isUniqueViolation(sameName, 'sla_policies', 'name'), false);
  assert.equal(isUniqueViolation(broken('INSERT INTO teams VALUES (?, NULL)', 'c'), 'teams', 'name'), false);
  assert.equal(isUniqueViolation(new Error('UNIQUE constraint failed: teams.name'), 'teams', 'name'), false);
  db.close();
});
