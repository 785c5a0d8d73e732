// The app's view recorder appends each view to the event log as an 'audit' entry, with the viewer as its actor;
// a view queued without waiting for its commit is still on disk after a clean close of the log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLog } from '../eventlog/index.ts';
import { createViewRecorder } from './view-recorder.ts';

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'rapport-view-recorder-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const VIEW = {
  actorKind: 'staff' as const,
  actorId: 'stf_1',
  action: 'case.viewed',
  customerId: 'cus_1',
  detail: { caseId: 'case_1' },
  ip: '10.0.0.1',
  requestId: 'req-9',
  at: 1_700_000_000_000,
};

/** Nothing projects in these tests: a read of the trail waits for no one. */
const NO_PROJECTOR = { waitFor: async () => true };

test('a view is in the log once recorded: its entry as the body, the viewer as the actor, a key of its own', async () => {
  const log = await EventLog.open(join(dir, 'durable', 'events.db'));
  const recorder = createViewRecorder({ eventLog: log, projector: NO_PROJECTOR, waitForCommit: true });
  await recorder.record(VIEW);
  await recorder.record({ ...VIEW, at: VIEW.at + 1 });
  const logged = await log.eventsAfter(0, 10);
  assert.equal(logged.length, 2, 'on disk when record resolves');
  assert.deepEqual(JSON.parse(logged[0]!.body), VIEW);
  assert.deepEqual(JSON.parse(logged[0]!.origin), {
    edge: 'audit',
    actor: { kind: 'staff', id: 'stf_1', ip: '10.0.0.1', requestId: 'req-9' },
  });
  assert.equal(JSON.parse(logged[1]!.body).at, VIEW.at + 1, 'in the order they were seen');
  await log.close();
});

test('without waiting for the commit, a view is queued, and a clean close of the log keeps it', async () => {
  const file = join(dir, 'queued', 'events.db');
  const log = await EventLog.open(file);
  const failures: unknown[] = [];
  const recorder = createViewRecorder({
    eventLog: log,
    projector: NO_PROJECTOR,
    waitForCommit: false,
    onError: (error) => failures.push(error),
  });
  await recorder.record(VIEW);
  assert.equal(await log.head(), 0, 'shown before its commit');
  await recorder.caughtUp();
  assert.equal(await log.head(), 1, 'a read of the trail waits for the commit first');
  await recorder.record({ ...VIEW, at: VIEW.at + 1 });
  await log.close();
  const reopened = await EventLog.open(file);
  assert.deepEqual(
    (await reopened.eventsAfter(0, 10)).map((event) => JSON.parse(event.body).at),
    [VIEW.at, VIEW.at + 1],
  );
  assert.deepEqual(failures, []);
  await reopened.close();
});
