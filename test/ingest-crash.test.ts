// The log's promise under the worst stop: the server is killed (kill -9) while clients send batches at once, and a
// telephony system sends calls (a channel that answers with the call's case, once its own position is projected).
// Every batch and call it acknowledged is in the projection after a restart, once; everything it did not
// acknowledge is sent again, as the SDKs and webhooks do, and still lands once; each call is on one case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEntry, type Bundle } from './helpers/bundle.ts';
import { freePort, type ServerProcess, startServerProcess } from './helpers/server-process.ts';
import { openDatabase } from '../src/app/app.ts';
import { loadConfig } from '../src/app/config.ts';
import { createWriteKey } from '../src/ingest/write-keys.ts';

let main: Bundle;
before(async () => (main = await bundleEntry('src/main.ts')));
after(() => main.remove());

const CLIENTS = 4;
const EVENTS_A_BATCH = 20;
/** Acknowledged batches before the kill: enough that the kill lands among requests in flight. */
const ACKED_BEFORE_KILL = 30;
/** Calls answer once their case is projected, behind the batches; on a slow machine they need the batches to wait. */
const CALLS_ANSWERED_BEFORE_KILL = 3;
/** A kill that never comes would hang the run; past this many batches the kill comes anyway and the test says why. */
const MOST_BATCHES = 2_000;

test('kill -9 during concurrent batches loses no acknowledged event and duplicates none', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
  const servers: ServerProcess[] = [];
  try {
    const config = loadConfig({}, { dataDir });
    const setup = await openDatabase(config);
    const { key } = await createWriteKey(setup, { name: 'Shop', source: 'shop', createdBy: null });
    await setup.close();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { RAPPORT_PORT: String(port), RAPPORT_DATA_DIR: dataDir };
    const send = (batch: number[]) =>
      fetch(`${url}/v1/batch`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          batch: batch.map((n) => ({ type: 'track', userId: `u${n % 50}`, event: 'Viewed', messageId: `m${n}` })),
        }),
      });

    const call = (n: number) =>
      fetch(`${url}/api/channels/phone/events`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          callId: `call-${n}`,
          from: `+1415555${String(1000 + (n % 50)).padStart(4, '0')}`,
          startedAt: new Date(Date.UTC(2026, 11, 1, 9) + n * 60_000).toISOString(),
          outcome: 'missed',
        }),
      });

    const server = await startServerProcess(main.file, env);
    servers.push(server);
    const answeredCalls: number[] = [];
    const unansweredCalls: number[] = [];
    let nextCall = 0;
    const acked: number[][] = [];
    const unacked: number[][] = [];
    let next = 0;
    let killed = false;
    const client = async () => {
      while (!killed) {
        const batch = Array.from({ length: EVENTS_A_BATCH }, () => next++);
        const answer = await send(batch).catch(() => null);
        if (answer?.status === 200) acked.push(batch);
        else unacked.push(batch);
        const ready = acked.length >= ACKED_BEFORE_KILL && answeredCalls.length >= CALLS_ANSWERED_BEFORE_KILL;
        if ((ready || acked.length + unacked.length >= MOST_BATCHES) && !killed) {
          killed = true;
          await server.kill();
        }
      }
    };
    const caller = async () => {
      while (!killed) {
        const n = nextCall++;
        const answer = await call(n).catch(() => null);
        if (answer?.status === 201) answeredCalls.push(n);
        else unansweredCalls.push(n);
      }
    };
    await Promise.all([...Array.from({ length: CLIENTS }, client), caller()]);
    assert.ok(acked.length >= ACKED_BEFORE_KILL);
    assert.ok(answeredCalls.length >= CALLS_ANSWERED_BEFORE_KILL, 'calls were answered before the kill');

    const restarted = await startServerProcess(main.file, env);
    servers.push(restarted);
    let last = 0;
    for (const batch of unacked) {
      const answer = await send(batch);
      const text = await answer.text();
      assert.equal(answer.status, 200, text);
      last = Math.max(last, (JSON.parse(text) as { position: number }).position);
    }
    for (const n of unansweredCalls) {
      const answer = await call(n);
      assert.ok([200, 201].includes(answer.status), await answer.text());
    }
    // Read your own writes: the answer comes once the projection has passed the last retry.
    const settled = await fetch(`${url}/healthz?after=${last}`);
    assert.ok(Number(settled.headers.get('rapport-projected-through')) >= last);
    await restarted.stop();

    const db = await openDatabase(config);
    try {
      const stored = await db.get<{ rows: number; keys: number }>(
        "SELECT count(*) AS rows, count(DISTINCT source_id) AS keys FROM interactions WHERE source = 'segment:shop'",
      );
      const sent = (acked.length + unacked.length) * EVENTS_A_BATCH;
      assert.deepEqual(stored, { rows: sent, keys: sent }, 'every event once, acknowledged or retried');
      const missing = await db.all<{ id: string }>(
        `SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT source_id FROM interactions WHERE source = 'segment:shop')`,
        [JSON.stringify(acked.flat().map((n) => `m${n}`))],
      );
      assert.deepEqual(missing, [], 'no acknowledged event is missing');

      const calls = await db.get<{ rows: number; keys: number; onCases: number }>(
        `SELECT count(*) AS rows, count(DISTINCT i.source_id) AS keys, count(m.id) AS onCases
           FROM interactions i LEFT JOIN case_messages m ON m.interaction_id = i.id WHERE i.channel = 'phone'`,
      );
      const made = answeredCalls.length + unansweredCalls.length;
      assert.deepEqual(calls, { rows: made, keys: made, onCases: made }, 'every call once, each on a case');
    } finally {
      await db.close();
    }
  } finally {
    for (const server of servers) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
