// `rapport reproject`: the customer view rebuilt from the event log equals the one projected the first time, row
// for row (ids, times and decisions included, though rebuilt weeks later), for traffic through every edge (tracking API with an alias before
// the events it ties, native API opening cases, a phone call, an automatic merge); a rebuild that would lose staff
// work or overwrite a file is refused, and goes with --discard-staff-work.
import { after, before, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runRapport } from './helpers/cli.ts';
import { openSqlite } from '../src/store/sqlite.ts';
import { PROJECTED_TABLES } from '../src/app/reproject-store.ts';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(async () => server.close());

const rapport = (...args: string[]) => runRapport([...args, '--data-dir', server.dataDir]);

/**
 * Bookkeeping of the projection itself, written at the wall clock, and the sequence numbers of feeds that are
 * never given twice (the change feed live views follow, the audit trail): not part of what it projects.
 */
const BOOKKEEPING: Record<string, string[]> = {
  projection_cursor: ['updated_at'],
  projection_rejections: ['rejected_at'],
  case_changes: ['id'],
  audit_log: ['id'],
};

/** Every projected row of a database file, table by table, in a stable order. */
async function projectedRows(file: string): Promise<Record<string, unknown[]>> {
  const db = openSqlite(file);
  try {
    const dump: Record<string, unknown[]> = {};
    for (const table of [...PROJECTED_TABLES, 'audit_log']) {
      const where = table === 'audit_log' ? 'WHERE log_position IS NOT NULL' : '';
      const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${table} ${where}`);
      const skipped = new Set(BOOKKEEPING[table] ?? []);
      dump[table] = rows
        .map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !skipped.has(column))))
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return dump;
  } finally {
    await db.close();
  }
}

const segment = (type: string, body: Record<string, unknown>) =>
  http('POST', `${server.url}/v1/${type}`, { writeKey: server.writeKey, body });
const native = (interactions: unknown[]) =>
  http('POST', `${server.url}/api/interactions`, { token: server.token, body: { interactions } });

test('the log projected again into a copy gives the same customers, timelines, cases and ids', async () => {
  // The tracking API: an alias before the events it ties, traits, purchases with properties (implicit preferences).
  await segment('alias', { userId: 'u-1', previousId: 'anon-1', messageId: 'm-1' });
  await segment('page', { anonymousId: 'anon-1', name: 'Pricing', messageId: 'm-2' });
  await segment('identify', { userId: 'u-1', traits: { email: 'ada@example.com', name: 'Ada' }, messageId: 'm-3' });
  for (const [index, colour] of ['red', 'red', 'red', 'green'].entries()) {
    await segment('track', {
      userId: 'u-1',
      event: 'Order Completed',
      properties: { revenue: 40, products: [{ category: 'apples', colour }] },
      messageId: `m-order-${index}`,
    });
  }
  // The native API: messages that open a case and join it, from an older date and from now; explicit preferences.
  assert.equal(
    (
      await native([
        {
          customer: { email: 'bo@example.com', name: 'Bo' },
          channel: 'email',
          text: 'My bag is lost',
          sourceId: 'b-1',
        },
        {
          customer: { email: 'bo@example.com' },
          channel: 'email',
          text: 'Any news on my bag?',
          sourceId: 'b-2',
          preferences: { room: 'non-smoking' },
        },
        {
          customer: { email: 'cy@example.com' },
          channel: 'email',
          text: 'Refund from last spring',
          sourceId: 'c-1',
          occurredAt: '2025-03-01T10:00:00Z',
        },
      ])
    ).status,
    200,
  );
  // A phone call through the channel intake, and a merge the events cause: Bo's phone and email tied by one event.
  const call = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: { callId: 'call-9', from: '+1 415 555 0199', startedAt: new Date().toISOString(), outcome: 'missed' },
  });
  assert.equal(call.status, 201, JSON.stringify(call.body));
  await native([
    {
      customer: { email: 'bo@example.com', phone: '+1 415 555 0199' },
      channel: 'chat',
      text: 'It is me',
      sourceId: 'b-3',
    },
  ]);
  // A view of her card, audited through the log: the rebuild writes it again, once.
  assert.equal(
    (await http('GET', `${server.url}/api/customers/lookup?email=bo@example.com`, { token: server.token })).status,
    200,
  );
  await server.settled();
  const views = await server.running.db.all("SELECT id FROM audit_log WHERE action = 'customer.viewed'");
  assert.equal(views.length, 1);
  const merges = await server.running.db.all('SELECT id FROM merges');
  assert.equal(merges.length >= 1, true, 'the traffic caused a merge');

  // Rebuilt forty days later: what was live then (today's messages, not history) is decided as of its arrival.
  const into = join(server.dataDir, 'rebuilt.db');
  // The server's own projector is held meanwhile: forty days on, it would prune its log past the retention window.
  await server.running.projector.stop();
  mock.timers.enable({ apis: ['Date'], now: Date.now() + 40 * 86_400_000 });
  const run = await rapport('reproject', '--into', into).finally(() => mock.timers.reset());
  await server.running.projector.start();
  assert.equal(run.code, 0, run.stderr + run.stdout);
  assert.match(run.stdout, /Projected \d+ events/);

  const first = await projectedRows(join(server.dataDir, 'rapport.db'));
  const again = await projectedRows(into);
  for (const table of Object.keys(first)) assert.deepEqual(again[table], first[table], `${table} differs`);
  assert.ok(first.customers!.length >= 3 && first.cases!.length >= 2, 'the comparison covers real rows');

  assert.equal((await rapport('reproject', '--into', into)).code, 2, 'an existing file is never overwritten');
});

test('staff work that the log does not hold stops a rebuild, unless it is to be discarded', async () => {
  const [item] = (await http('GET', `${server.url}/api/cases?limit=1`, { token: server.token })).body.items;
  const note = await http('POST', `${server.url}/api/cases/${item.id}/notes`, {
    token: server.token,
    body: { text: 'Checked with the warehouse' },
  });
  assert.equal(note.status < 300, true, JSON.stringify(note.body));
  // An erasure keeps her cases' channel, reason and times; her events left the log, so a rebuild would not.
  const cy = await http('GET', `${server.url}/api/customers/lookup?email=cy@example.com`, { token: server.token });
  const erased = await http('DELETE', `${server.url}/api/customers/${cy.body.id}`, { token: server.token });
  assert.equal(erased.status < 300, true, JSON.stringify(erased.body));
  const refused = await rapport('reproject', '--into', join(server.dataDir, 'refused.db'));
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /1 replies and notes, .*1 erasures \(their anonymised cases\).*--discard-staff-work/s);
  const forced = await rapport('reproject', '--into', join(server.dataDir, 'forced.db'), '--discard-staff-work');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stderr, /Discarded: 1 replies and notes, .*1 erasures/);
});
