// The event log on a real file: appends made together share one commit, positions are contiguous and never
// reused after the front is pruned, and what was acknowledged is there after the file is opened again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLog, eventKey, type Origin } from './log.ts';

const ORIGIN: Origin = { edge: 'segment', actor: { kind: 'write_key', id: 'wk_1' } };
const entry = (body: Record<string, unknown>) => ({ key: eventKey('test', JSON.stringify(body)), body });

test('appends made in one turn share a commit; each gets its own contiguous positions', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-log-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = await EventLog.open(join(dir, 'events.db'));
  const appended = await Promise.all(
    Array.from({ length: 10 }, (_, request) =>
      log.append(ORIGIN, [entry({ request, n: 1 }), entry({ request, n: 2 })]),
    ),
  );
  assert.deepEqual(
    appended.map((range) => [range.first, range.last]),
    Array.from({ length: 10 }, (_, request) => [request * 2 + 1, request * 2 + 2]),
  );
  assert.equal(log.stats().commits, 1, 'ten requests, one commit');
  const events = await log.eventsAfter(0, 100);
  assert.deepEqual(
    events.map((event) => JSON.parse(event.body)),
    Array.from({ length: 20 }, (_, index) => ({ request: Math.floor(index / 2), n: (index % 2) + 1 })),
  );
  assert.deepEqual(JSON.parse(events[0]!.origin), ORIGIN);
  await log.close();

  // Opened again: all of it is there, and pruning the front never frees a position for reuse.
  const reopened = await EventLog.open(join(dir, 'events.db'));
  assert.equal(await reopened.head(), 20);
  assert.equal(await reopened.prune(20, Date.now() + 1), 20);
  assert.equal(await reopened.tail(), 21);
  assert.deepEqual(await reopened.append(ORIGIN, [entry({ after: 'prune' })]), { first: 21, last: 21 });
  await reopened.close();
});

test('pruning keeps what the projector has not passed and what is inside the retention window', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-log-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = await EventLog.open(join(dir, 'events.db'));
  await log.append(ORIGIN, [entry({ a: 1 }), entry({ a: 2 })]);
  await log.append(ORIGIN, [entry({ b: 1 })]);
  assert.equal(await log.prune(1, Date.now() + 1), 0, 'a batch half projected stays whole');
  assert.equal(await log.prune(3, Date.now() - 60_000), 0, 'younger than the window');
  assert.equal(await log.prune(2, Date.now() + 1), 2);
  assert.equal(await log.tail(), 3);
  await log.close();
});
