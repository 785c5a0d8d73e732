// The projector on a real log and database: a batch holding an event the projection cannot apply (a customer id
// that does not exist) lands without it, the event kept as a rejection with its reason, and the cursor passes it;
// applying the log again from the start changes nothing; what another projector on the same database applied (the
// command line's, beside the server's) is read back as the outcome an edge waits for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { EventLog, eventKey } from '../eventlog/index.ts';
import type { IncomingEvent } from '../interactions/index.ts';
import { inboundMessage } from '../../test/helpers/events.ts';
import { cursorOf, latestRejections, moveCursor } from './projection-store.ts';
import { PROJECTOR, Projector } from './projector.ts';
import { openSqlite } from '../store/sqlite.ts';

const temp = useTempDatabase('projector');

const event = (sourceId: string, extra: Partial<IncomingEvent> = {}) =>
  inboundMessage(`${sourceId}@example.com`, sourceId, Date.UTC(2026, 0, 1), { source: 'native:crm', ...extra });

test('an event the projection cannot apply is set aside with its reason; the rest land once', async () => {
  const log = await EventLog.open(join(temp.dir, 'events.db'));
  const projector = new Projector(temp.db, log);
  try {
    const events = [event('ann'), event('ghost', { customerId: 'cus_nobody' }), event('bo')];
    const { last } = await log.append(
      { edge: 'native', actor: { kind: 'cli', id: null } },
      events.map((body) => ({ key: eventKey(body.source, body.sourceId), body })),
    );
    assert.equal(await projector.projectBatch(), 3);
    assert.equal(await cursorOf(temp.db, PROJECTOR), last);

    const stored = await temp.db.all<{ source_id: string }>('SELECT source_id FROM interactions ORDER BY source_id');
    assert.deepEqual(
      stored.map((row) => row.source_id),
      ['ann', 'bo'],
    );
    const [rejection] = await latestRejections(temp.db, 10);
    assert.deepEqual(
      { position: rejection?.position, sourceId: rejection?.sourceId, code: rejection?.code },
      { position: last - 1, sourceId: 'ghost', code: 'customer_not_found' },
    );

    await temp.db.transaction((tx) => moveCursor(tx, PROJECTOR, 0, Date.now()));
    assert.equal(await projector.projectBatch(), 3);
    assert.equal((await temp.db.all('SELECT id FROM interactions')).length, 2, 'applied again: nothing new');
    assert.equal((await latestRejections(temp.db, 10)).length, 1);
  } finally {
    await projector.close();
    await log.close();
  }
});

test('an outcome another projector applied is read back: stored with its interaction, rejected with its reason', async () => {
  // A database and log of their own: the first test's cursor is past this log's positions.
  const db = openSqlite(join(temp.dir, 'two.db'));
  await db.migrate();
  const log = await EventLog.open(join(temp.dir, 'events-two.db'));
  const native = { keepsOutcomes: true };
  const here = new Projector(db, log, { edges: { native } });
  const elsewhere = new Projector(db, log, { edges: { native } });
  try {
    await here.start();
    await here.stop();
    const events = [event('cat'), event('nobody', { customerId: 'cus_nobody' })];
    const appended = await log.append(
      { edge: 'native', actor: { kind: 'cli', id: null } },
      events.map((body) => ({ key: eventKey(body.source, body.sourceId), body })),
    );
    // The other process (`rapport import` beside the server) takes the batch first.
    while ((await elsewhere.projectBatch()) > 0) {}
    await here.start();
    const outcomes = await here.outcomesOf(appended, 5_000);
    const [stored, rejected] = outcomes!.map((outcome) => outcome.result);
    const row = await db.get<{ id: number }>("SELECT id FROM interactions WHERE source_id = 'cat'");
    assert.deepEqual(
      { status: stored?.status, index: stored?.index, interactionId: stored?.interactionId },
      { status: 'stored', index: 0, interactionId: String(row?.id) },
    );
    assert.deepEqual(
      { status: rejected?.status, index: rejected?.index, code: rejected?.error?.code },
      { status: 'rejected', index: 1, code: 'customer_not_found' },
    );
  } finally {
    await here.close();
    await elsewhere.close();
    await log.close();
    await db.close();
  }
});
