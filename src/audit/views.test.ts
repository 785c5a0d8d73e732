// Views of customer data go to the installed recorder, or are written at once where none is (the CLI, unit tests).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteDatabase } from '../store/sqlite.ts';
import { listAuditEntries } from './store.ts';
import { installViewRecorder, recordView, viewsRecorded, type ViewEntry } from './views.ts';

let dir: string;
let db: SqliteDatabase;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-views-'));
  db = openSqlite(join(dir, 'views.db'));
  await db.migrate();
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const viewOf = (customerId: string) => ({
  actorKind: 'staff' as const,
  actorId: 'stf_1',
  action: 'customer.viewed',
  customerId,
  ip: '127.0.0.1',
  requestId: 'req-1',
});

test('without a recorder a view is written at once, at the time it is recorded unless it says when', async () => {
  const before = Date.now();
  await recordView(db, viewOf('cus_direct'));
  await recordView(db, { ...viewOf('cus_direct'), at: 1_000 });
  const [later, earlier] = await listAuditEntries(db, { customerId: 'cus_direct', limit: 10 });
  assert.equal(earlier!.action, 'customer.viewed');
  assert.equal(earlier!.actor_id, 'stf_1');
  assert.ok(earlier!.at >= before, 'stamped when recorded');
  assert.equal(later!.at, 1_000, 'an entry that says when keeps it');
});

test('an installed recorder takes the views instead, with their time; uninstalled, views are written again', async () => {
  const taken: ViewEntry[] = [];
  let caughtUp = 0;
  const uninstall = installViewRecorder(db, {
    async record(entry) {
      taken.push(entry);
    },
    async caughtUp() {
      caughtUp++;
    },
  });
  const before = Date.now();
  // A transaction's handle reaches the same recorder: it is installed on the database, not on one handle.
  await db.transaction((tx) => recordView(tx, viewOf('cus_logged')));
  assert.deepEqual(await listAuditEntries(db, { customerId: 'cus_logged', limit: 10 }), [], 'nothing written');
  assert.equal(taken.length, 1);
  assert.deepEqual({ ...taken[0], at: undefined }, { ...viewOf('cus_logged'), at: undefined });
  assert.ok(taken[0]!.at >= before && taken[0]!.at <= Date.now(), 'the time of the view travels with it');
  await viewsRecorded(db);
  assert.equal(caughtUp, 1, 'a read of the trail waits for the recorder');

  uninstall();
  await recordView(db, viewOf('cus_logged'));
  await viewsRecorded(db);
  assert.equal(taken.length, 1);
  assert.equal(caughtUp, 1);
  assert.equal((await listAuditEntries(db, { customerId: 'cus_logged', limit: 10 })).length, 1);
});
