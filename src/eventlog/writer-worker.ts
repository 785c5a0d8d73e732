// The event log writer's thread (writer-thread.ts): its own connection to events.db, one synced transaction per
// group of appends, in the order the groups came.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../store/sqlite.ts';
import * as store from './store.ts';
import type { FromWriter, ToWriter } from './writer-thread.ts';

const port = parentPort!;
const send = (message: FromWriter) => port.postMessage(message);
// The app's connection made the schema and checkpoints the file.
const db = openSqlite((workerData as { file: string }).file, { durability: 'full', checkpoints: false });

port.on('message', (message: ToWriter) => {
  if (message.kind === 'close') {
    // Messages are handled in order: every commit sent before this one is done.
    void db.close().finally(() => send({ kind: 'closed', id: message.id }));
    return;
  }
  const { id, appendedAt, group } = message;
  db.transactionSync((tx) => group.map((append) => store.appendBatch(tx, { appendedAt, ...append }))).then(
    (appended) => send({ kind: 'committed', id, appended }),
    (error: unknown) => send({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
  );
});
send({ kind: 'ready' });
