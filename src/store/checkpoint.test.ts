// A writer that commits one large transaction after another leaves the checkpoint thread no gap to catch up in, and
// SQLite's WAL restarts from its beginning only once everything in it has been copied back: it grows without end.
// checkpointBetweenTransactions copies it back between two such transactions, so the next one reuses the WAL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from './sqlite.ts';
import { checkpointBetweenTransactions } from './db.ts';

test('a checkpoint between two large transactions lets the second reuse the WAL instead of growing it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-checkpoint-'));
  // No checkpoint thread: only what the test asks for is copied back.
  const db = openSqlite(join(dir, 'wal.db'), { checkpoints: false });
  const walSize = () => statSync(join(dir, 'wal.db-wal')).size;
  const fill = (from: number) =>
    db.transaction(async (tx) => {
      for (let i = from; i < from + 2000; i++)
        await tx.run('INSERT INTO rows (id, body) VALUES (?, ?)', [i, 'x'.repeat(500)]);
    });
  try {
    await db.run('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT)');
    await fill(0);
    const afterOne = walSize();
    await fill(2000);
    assert.ok(walSize() > afterOne * 1.5, 'without a checkpoint the second transaction is appended to the WAL');

    await checkpointBetweenTransactions(db);
    const grown = walSize();
    await fill(4000);
    assert.equal(walSize(), grown, 'after it, the third starts the WAL over in the space already there');

    // Inside a transaction there is nothing to copy back yet: it is skipped, and the transaction goes on.
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO rows (id, body) VALUES (?, ?)', [1_000_000, 'y']);
      await checkpointBetweenTransactions(tx);
    });
    assert.deepEqual(await db.get('SELECT COUNT(*) AS n FROM rows'), { n: 6001 });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
