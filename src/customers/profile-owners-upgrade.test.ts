// A database written before migration 0017, when merges moved interactions, upgrades in place: every merged-away
// profile is owned by the end of its chain of merges, the timelines read as before, and an old merge still undoes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getContextCard, getTimeline, undoCustomerMerge } from './service.ts';
import { openCasesForCard } from '../cases/card.ts';
import { openAtMigrations } from '../../test/helpers/temp-database.ts';

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'rapport-0017-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const T = Date.UTC(2026, 0, 1);
const AGENT = { kind: 'staff' as const, id: 'stf_test' };
const NOTHING_COPIED = JSON.stringify({ traitKeys: [], name: false, preferenceKeys: [], flags: [] });

test('migration 0017 gives merged profiles their owner and keeps every timeline and undo as it was', async () => {
  const { db, writer } = await openAtMigrations(join(dir, 'old.db'), (version) => version < 17);
  try {
    // As the code before 0017 left it: Ann absorbed Bea, then Sam absorbed Ann; every event of the three sits
    // under Sam's id, each still naming the profile it was stored for. Solo was never merged.
    writer.exec(`
      INSERT INTO customers (id, name, traits, created_at, first_seen_at, last_seen_at, merged_into) VALUES
        ('cus_sam', 'Sam', '{}', ${T}, ${T}, ${T}, NULL),
        ('cus_ann', 'Ann', '{}', ${T + 1}, ${T}, ${T}, 'cus_sam'),
        ('cus_bea', 'Bea', '{}', ${T + 2}, ${T}, ${T}, 'cus_ann'),
        ('cus_solo', 'Solo', '{}', ${T + 3}, ${T}, ${T}, NULL);
      INSERT INTO identities (kind, value, customer_id, profile_id, source, created_at) VALUES
        ('email', 'sam@example.com', 'cus_sam', 'cus_sam', 'api', ${T}),
        ('email', 'ann@example.com', 'cus_sam', 'cus_ann', 'api', ${T}),
        ('email', 'bea@example.com', 'cus_sam', 'cus_bea', 'api', ${T}),
        ('email', 'solo@example.com', 'cus_solo', 'cus_solo', 'api', ${T});
      INSERT INTO merges (id, survivor_id, absorbed_id, absorbed_profiles, copied, reason, merged_at) VALUES
        ('mrg_1', 'cus_ann', 'cus_bea', '["cus_bea"]', '${NOTHING_COPIED}', 'manual', ${T + 10}),
        ('mrg_2', 'cus_sam', 'cus_ann', '["cus_ann","cus_bea"]', '${NOTHING_COPIED}', 'manual', ${T + 20});
      INSERT INTO interactions (id, customer_id, profile_id, occurred_at, received_at, channel, direction, type, source, source_id) VALUES
        (1, 'cus_sam', 'cus_sam', ${T + 100}, ${T}, 'email', 'inbound', 'message', 'api', 's1'),
        (2, 'cus_sam', 'cus_ann', ${T + 300}, ${T}, 'email', 'inbound', 'message', 'api', 'a1'),
        (3, 'cus_sam', 'cus_bea', ${T + 200}, ${T}, 'chat', 'inbound', 'message', 'api', 'b1'),
        (4, 'cus_sam', 'cus_bea', ${T + 400}, ${T}, 'chat', 'inbound', 'message', 'api', 'b2'),
        (5, 'cus_solo', 'cus_solo', ${T + 250}, ${T}, 'phone', 'inbound', 'call', 'api', 'o1');
    `);
    const before = writer.prepare('SELECT * FROM interactions ORDER BY id').all() as Array<Record<string, unknown>>;

    assert.equal((await db.migrate())[0], '0017_profile_owners');
    assert.deepEqual(writer.prepare('SELECT * FROM profile_owners ORDER BY profile_id').all(), [
      { profile_id: 'cus_ann', customer_id: 'cus_sam' },
      { profile_id: 'cus_bea', customer_id: 'cus_sam' },
    ]);
    const kept = before.map(({ customer_id: _, ...row }) => row);
    // Read as the columns of then: later migrations add columns of their own.
    const after = writer.prepare('SELECT * FROM interactions ORDER BY id').all() as Array<Record<string, unknown>>;
    assert.deepEqual(
      after.map((row) => Object.fromEntries(Object.keys(kept[0]!).map((column) => [column, row[column]]))),
      kept,
      'every event kept, only the customer column gone',
    );

    const timeline = async (id: string) =>
      (await getTimeline(db, id, { limit: 50 }, AGENT)).items.map((item) => `${item.customerId}:${item.sourceId}`);
    assert.deepEqual(await timeline('cus_sam'), ['cus_sam:b2', 'cus_sam:a1', 'cus_sam:b1', 'cus_sam:s1']);
    assert.deepEqual(await timeline('cus_bea'), await timeline('cus_sam'), 'an old id still leads to Sam');
    assert.deepEqual(await timeline('cus_solo'), ['cus_solo:o1']);
    assert.equal((await getContextCard(db, 'cus_sam', AGENT, openCasesForCard)).interactionCount, 4);

    await undoCustomerMerge(db, 'mrg_2', AGENT);
    assert.deepEqual(await timeline('cus_sam'), ['cus_sam:s1']);
    assert.deepEqual(await timeline('cus_ann'), ['cus_ann:b2', 'cus_ann:a1', 'cus_ann:b1'], 'Ann keeps Bea');
    await undoCustomerMerge(db, 'mrg_1', AGENT);
    assert.deepEqual(await timeline('cus_ann'), ['cus_ann:a1']);
    assert.deepEqual(await timeline('cus_bea'), ['cus_bea:b2', 'cus_bea:b1']);
  } finally {
    await db.close();
  }
});
