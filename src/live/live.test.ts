// The live rules without HTTP: the event wire format, Last-Event-ID, presence expiry, and the change
// log: written by triggers for every kind of case write, read and pruned through its primary key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { PRESENCE_TTL_MS, PresenceBoard, formatEvent, parseLastEventId } from './model.ts';
import { changesBetween, latestChangeId, oldestChangeId, pruneChanges } from './store.ts';

const temp = useTempDatabase('live');

test('an event is id, type and one line of JSON data, ended by a blank line', () => {
  assert.equal(
    formatEvent({ type: 'case.changed', id: 7, data: { id: 'c1', number: 1001 } }),
    'id: 7\nevent: case.changed\ndata: {"id":"c1","number":1001}\n\n',
  );
  const presence = formatEvent({
    type: 'presence',
    data: { caseId: 'c1', people: [{ staffId: 's', name: 'Ann\nB', state: 'viewing' }] },
  });
  assert.ok(!presence.startsWith('id:'), 'presence moves no Last-Event-ID');
  assert.equal(presence.split('\n').length, 4, 'a newline in a name stays escaped in the JSON');
});

test('Last-Event-ID is a change id, or nothing', () => {
  assert.equal(parseLastEventId('42'), 42);
  assert.equal(parseLastEventId(' 42 '), 42);
  assert.equal(parseLastEventId(undefined), null);
  assert.equal(parseLastEventId('abc'), null);
  assert.equal(parseLastEventId('-1'), null);
  assert.equal(parseLastEventId('1'.repeat(40)), null);
});

test('presence: a heartbeat marks, a change of state is news, silence expires, leaving is at once', () => {
  const board = new PresenceBoard();
  const ann = { staffId: 'ann', name: 'Ann', state: 'viewing' as const };
  assert.equal(board.mark('c1', ann, 0), true, 'someone new');
  assert.equal(board.mark('c1', ann, 1000), false, 'the same again is no news');
  assert.equal(board.mark('c1', { ...ann, state: 'replying' }, 2000), true);
  board.mark('c1', { staffId: 'bob', name: 'Bob', state: 'viewing' }, 2000);
  assert.deepEqual(
    board.on('c1', 3000).map((person) => `${person.name}:${person.state}`),
    ['Ann:replying', 'Bob:viewing'],
  );
  assert.deepEqual(board.on('c2', 3000), []);
  board.mark('c1', { staffId: 'bob', name: 'Bob', state: 'viewing' }, 20_000);
  assert.deepEqual(board.expire(2000 + PRESENCE_TTL_MS), ['c1'], 'Ann stopped sending');
  assert.deepEqual(
    board.on('c1', 2000 + PRESENCE_TTL_MS).map((person) => person.name),
    ['Bob'],
  );
  assert.deepEqual(board.expire(2000 + PRESENCE_TTL_MS), [], 'nothing more to expire');
  assert.equal(board.leave('c1', 'bob'), true);
  assert.equal(board.leave('c1', 'bob'), false);
  assert.deepEqual(board.on('c1', 0), []);
});

test('every write to a case, its messages or its history is logged, in order; pruning keeps ids rising', async () => {
  const db = temp.db;
  const before = await latestChangeId(db);
  await db.run(`INSERT INTO customers (id, created_at, first_seen_at, last_seen_at) VALUES ('cu1', 0, 0, 0)`);
  await db.run(
    `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, tags, opened_at, updated_at)
     VALUES ('k1', 5001, 'cu1', 'Hello', 'email', 'new', 'normal', '[]', 0, 0)`,
  );
  await db.run(`UPDATE cases SET status = 'open' WHERE id = 'k1'`);
  await db.run(
    `INSERT INTO case_events (case_id, at, actor_kind, actor_id, change) VALUES ('k1', 0, 'system', NULL, '{}')`,
  );
  const latest = await latestChangeId(db);
  assert.equal(latest - before, 3, 'insert, update, history');
  const changes = await changesBetween(db, before, latest, 10);
  assert.deepEqual(
    changes.map((change) => [change.caseId, change.number]),
    [
      ['k1', 5001],
      ['k1', 5001],
      ['k1', 5001],
    ],
  );
  assert.deepEqual(
    changes.map((change) => change.id),
    [...changes.map((change) => change.id)].sort((a, b) => a - b),
  );

  await pruneChanges(db, latest);
  assert.equal(await oldestChangeId(db), null);
  assert.equal(await latestChangeId(db), latest, 'the high-water mark survives pruning');
  await db.run(`UPDATE cases SET status = 'pending' WHERE id = 'k1'`);
  assert.equal(await latestChangeId(db), latest + 1, 'never reused');
});

const LIVE_QUERIES: Record<string, [sql: string, index: RegExp]> = {
  'changes since a cursor': [
    `SELECT c.id, c.case_id, cases.number FROM case_changes c LEFT JOIN cases ON cases.id = c.case_id WHERE c.id > ? AND c.id <= ? ORDER BY c.id LIMIT ?`,
    /SEARCH c USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)[\s\S]*SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/,
  ],
  pruning: ['DELETE FROM case_changes WHERE id <= ?', /SEARCH case_changes USING INTEGER PRIMARY KEY \(rowid<\?\)/],
  // MIN of the rowid: one step to the first row of the table's b-tree ("SEARCH", not "SCAN").
  'the oldest change': ['SELECT MIN(id) AS id FROM case_changes', /^SEARCH case_changes$/],
};

for (const [name, [sql, index]] of Object.entries(LIVE_QUERIES)) {
  test(`${name}: served by the primary key, no table scanned`, () => {
    const plan = temp.queryPlan(sql);
    assert.match(plan, index, plan);
    assert.doesNotMatch(plan, /^SCAN (?!.*USING (COVERING )?INDEX|.*PRIMARY KEY)/m, plan);
  });
}
