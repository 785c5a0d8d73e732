// The projection on its own thread, as the server runs it: an append through the writer thread is projected by the
// projection thread and its outcome comes back to the appender; a pause holds the projection and counts the backlog;
// a projection thread that dies is started again and goes on from its cursor, losing and repeating nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import { inboundMessage } from '../../test/helpers/events.ts';
import { EventLog, eventKey } from '../eventlog/index.ts';
import type { IncomingEvent } from '../interactions/index.ts';
import { decodeLogged } from './projection.ts';
import { ProjectorThread } from './projector-thread.ts';

const temp = useTempDatabase('projector-thread');

const WAIT_MS = 20_000;
const NATIVE = { edge: 'native', actor: { kind: 'cli', id: null } } as const;
const entriesOf = (...ids: string[]) =>
  ids.map((id) => {
    const body: IncomingEvent = inboundMessage(`${id}@example.com`, id, Date.UTC(2026, 0, 1), { source: 'native:crm' });
    return { key: eventKey(body.source, body.sourceId), body };
  });
const storedIds = async () =>
  (await temp.db.all<{ source_id: string }>('SELECT source_id FROM interactions ORDER BY source_id')).map(
    (row) => row.source_id,
  );

test('appends commit on the writer thread, project on the projection thread, and their outcomes come back', {
  timeout: 60_000,
}, async () => {
  const log = await EventLog.open(join(temp.dir, 'events.db'), { writerThread: true });
  const errors: unknown[] = [];
  const config = { databaseFile: temp.db.file, eventLogFile: join(temp.dir, 'events.db'), logRetentionDays: 7 };
  const thread = await ProjectorThread.open({
    db: temp.db,
    log,
    config,
    decode: decodeLogged,
    onError: (error) => errors.push(error),
  });
  try {
    await thread.start();
    const appended = await log.append(NATIVE, [
      ...entriesOf('ann'),
      ...entriesOf('ghost').map((entry) => ({ ...entry, body: { ...entry.body, customerId: 'cus_nobody' } })),
    ]);
    const outcomes = await thread.outcomesOf(appended, WAIT_MS);
    assert.deepEqual(
      outcomes?.map(({ result }) => [result.index, result.status, result.error?.code]),
      [
        [0, 'stored', undefined],
        [1, 'rejected', 'customer_not_found'],
      ],
    );
    assert.equal(thread.position(), appended.last);
    assert.deepEqual(await storedIds(), ['ann']);

    // Paused: appends wait, counted as backlog; an appender waiting for its outcome is answered at once.
    await thread.stop();
    assert.equal(thread.isPaused(), true);
    const waiting = await log.append(NATIVE, entriesOf('bo'));
    assert.equal(await thread.outcomesOf(waiting, WAIT_MS), null);
    const paused = await thread.status();
    assert.deepEqual([paused.head, paused.projected, paused.backlog], [waiting.last, appended.last, 1]);
    await thread.start();
    assert.equal(await thread.waitFor(waiting.last, WAIT_MS), true);

    // The thread dies: another takes over from the cursor.
    await (thread as unknown as { worker: Worker }).worker.terminate();
    const afterCrash = await log.append(NATIVE, entriesOf('cy'));
    assert.equal(await thread.waitFor(afterCrash.last, WAIT_MS), true);
    assert.deepEqual(await storedIds(), ['ann', 'bo', 'cy'], 'each once');
    assert.match(String(errors[0]), /the projection thread stopped/);
    assert.equal((await thread.status()).failing, null);
  } finally {
    await thread.close();
    await log.close();
  }
});
