// The projector on a real log and database: a batch holding an event the projection cannot apply (a customer id
// that does not exist) lands without it, the event kept as a rejection with its reason, and the cursor passes it;
// applying the log again from the start changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { EventLog, eventKey } from '../eventlog/index.ts';
import type { IncomingEvent } from '../interactions/index.ts';
import { inboundMessage } from '../../test/helpers/events.ts';
import { cursorOf, latestRejections, moveCursor } from './projection-store.ts';
import { PROJECTOR, Projector } from './projector.ts';

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
