// The trigger that queues a changed case must watch every column a case's fact is read from, or a change to one
// it forgot would never reach the dashboards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMigrations } from '../store/migrate.ts';
import { CASE_COLUMNS_READ } from './store.ts';

test('a case is queued when any column its metrics read changes, and only then', () => {
  const sql = readMigrations().find((migration) => migration.name === '0029_metrics')?.sql ?? '';
  const trigger = /CREATE TRIGGER metric_case_updated AFTER UPDATE ON cases\s+WHEN ([\s\S]*?)\s+BEGIN/.exec(sql);
  assert.ok(trigger, 'the trigger has a WHEN clause');
  const watched = [...(trigger[1] ?? '').matchAll(/OLD\.(\w+) IS NOT NEW\.(\w+)/g)].map(([, column]) => column);
  assert.deepEqual([...watched].sort(), [...CASE_COLUMNS_READ].sort());
});
