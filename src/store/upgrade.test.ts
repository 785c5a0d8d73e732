// A database written by the release that shipped only 0001 upgrades in place: 0002 keeps its events
// findable by idempotency key, and customer activity is then read from the timeline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceKey } from './source-key.ts';
import { ingestEvents } from '../pipeline/index.ts';
import { getContextCard, listRecentCustomers } from '../customers/service.ts';
import { openCasesForCard } from '../cases/card.ts';
import { openAtMigrations } from '../../test/helpers/temp-database.ts';

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'rapport-upgrade-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

test('a 0001 database with customers and events upgrades through 0002 and keeps working', async () => {
  const { db, writer } = await openAtMigrations(join(dir, 'old.db'), (version) => version === 1);
  try {
    // As 0001-era code left it: activity kept on the row (here deliberately stale), events keyed by strings.
    writer.exec(`
      INSERT INTO customers (id, name, traits, created_at, first_seen_at, last_seen_at, interaction_count)
        VALUES ('cus_old_ann', 'Ann', '{}', ${T0}, ${T0}, ${T0}, 1),
               ('cus_old_bob', 'Bob', '{}', ${T0}, ${T0}, ${T0}, 0);
      INSERT INTO identities (kind, value, customer_id, profile_id, source, created_at)
        VALUES ('email', 'ann@example.com', 'cus_old_ann', 'cus_old_ann', 'api', ${T0}),
               ('email', 'bob@example.com', 'cus_old_bob', 'cus_old_bob', 'api', ${T0});
      INSERT INTO interactions (customer_id, profile_id, occurred_at, received_at, channel, direction, type, event, source, source_id)
        VALUES ('cus_old_ann', 'cus_old_ann', ${T0}, ${T0}, 'email', 'inbound', 'message', NULL, 'api', 'old-1'),
               ('cus_old_ann', 'cus_old_ann', ${T0 + 2 * DAY}, ${T0}, 'chat', 'inbound', 'message', NULL, 'api', 'old-2'),
               ('cus_old_bob', 'cus_old_bob', ${T0 + DAY}, ${T0}, 'phone', 'inbound', 'call', NULL, 'api', 'old-3');
    `);

    const applied = await db.migrate();
    assert.ok(applied.includes('0002_ingest_performance'), applied.join(', '));

    const keys = writer.prepare('SELECT source, source_id, source_key FROM interactions ORDER BY id').all() as Array<{
      source: string;
      source_id: string;
      source_key: number;
    }>;
    for (const row of keys)
      assert.equal(row.source_key, sourceKey(row.source, row.source_id), `${row.source_id} gets its key`);
    const indexes = (
      writer
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('interactions', 'customers')`)
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
    assert.ok(indexes.includes('interactions_source_key') && indexes.includes('interactions_recent'));
    assert.ok(!indexes.includes('interactions_idempotency') && !indexes.includes('customers_last_seen'));

    const resent = await ingestEvents(db, [
      {
        source: 'api',
        sourceId: 'old-2',
        identities: [{ kind: 'email', value: 'ann@example.com' }],
        occurredAt: T0 + 2 * DAY,
        channel: 'chat',
        direction: 'inbound',
        type: 'message',
        event: null,
        department: null,
        actor: 'customer',
        text: null,
        properties: {},
        context: null,
      },
    ]);
    assert.deepEqual(
      [resent.duplicates, resent.stored],
      [1, 0],
      'an event stored before the upgrade is still a duplicate',
    );

    const agent = { kind: 'staff' as const, id: 'stf_test' };
    const ann = await getContextCard(db, 'cus_old_ann', agent, openCasesForCard);
    assert.deepEqual(
      [ann.interactionCount, ann.firstSeenAt, ann.lastSeenAt],
      [2, new Date(T0).toISOString(), new Date(T0 + 2 * DAY).toISOString()],
    );
    const recent = await listRecentCustomers(db, 10);
    assert.deepEqual(
      recent.items.map((customer) => customer.id),
      ['cus_old_ann', 'cus_old_bob'],
    );
  } finally {
    await db.close();
  }
});
