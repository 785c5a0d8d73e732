// The queue and search queries the inbox runs are served by indexes (EXPLAIN QUERY PLAN): every queue
// with each filter and each order, their totals, and the search's look-ups. Also: migration 0012 fills
// the search index and the tag table from cases that were there before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTempDatabase, openAtMigrations } from '../../test/helpers/temp-database.ts';
import type { Db, SqlValue } from '../store/db.ts';
import { CASE_SORTS, countCases, listCasePage, type CaseListFilter } from './list-store.ts';
import { findCaseMatches } from './search-store.ts';
import { parseCaseSearch } from './search.ts';

const temp = useTempDatabase('list-plans');

/** The real database, noting each statement it is asked to run. */
function recording(db: Db, seen: Array<{ sql: string; params: readonly SqlValue[] }>): Db {
  const note = (sql: string, params: readonly SqlValue[] = []) => seen.push({ sql, params });
  return {
    engine: db.engine,
    root: db.root,
    all: (sql, params) => {
      note(sql, params);
      return db.all(sql, params);
    },
    get: (sql, params) => {
      note(sql, params);
      return db.get(sql, params);
    },
    run: (sql, params) => {
      note(sql, params);
      return db.run(sql, params);
    },
    transaction: (work) => db.transaction(work),
  };
}

function planOf(sql: string, params: readonly SqlValue[]): string {
  return temp.queryPlan(sql, params);
}

const ACTIVE = ['new', 'open', 'pending'] as const;
const QUEUES: Record<string, CaseListFilter> = {
  mine: { assigneeId: 'stf_1', statuses: [...ACTIVE] },
  team: { teamId: 'tea_1', statuses: [...ACTIVE] },
  unassigned: { unassigned: true, statuses: [...ACTIVE] },
  all: {},
};
const FILTERS: Record<string, CaseListFilter> = {
  none: {},
  channel: { channels: ['email', 'social'] },
  priority: { priorities: ['urgent'] },
  reason: { reasons: ['refund'] },
  tag: { tags: ['vip'] },
  search: { caseIds: ['cas_1', 'cas_2'] },
};

for (const [queue, queueFilter] of Object.entries(QUEUES)) {
  for (const [name, extra] of Object.entries(FILTERS)) {
    test(`${queue} queue, ${name} filter: every order and the total read cases through an index`, async () => {
      const seen: Array<{ sql: string; params: readonly SqlValue[] }> = [];
      const db = recording(temp.db, seen);
      const filter = { ...queueFilter, ...extra };
      for (const sort of CASE_SORTS) {
        await listCasePage(db, filter, sort, 26, null);
        await listCasePage(db, filter, sort, 26, sort === 'priority' ? [1, 2, 'cas_x'] : [1, 'cas_x']);
      }
      await countCases(db, filter);
      for (const { sql, params } of seen) {
        const plan = planOf(sql, params);
        // A table scan of cases (or a full scan of the tag table) would grow with every case ever opened.
        assert.doesNotMatch(plan, /^SCAN (cases|case_tags)$/m, `${sql}\n${plan}`);
        if (name !== 'none' && name !== 'search' && queue === 'all') {
          const served = {
            channel: /cases_channel/,
            priority: /cases_by_priority/,
            reason: /cases_reason/,
            tag: /case_tags/,
          }[name]!;
          // Sorted by another key, a narrow filter may walk the sort's index instead; its total always uses the filter's index.
          if (/COUNT/.test(sql)) assert.match(plan, served, `${sql}\n${plan}`);
        }
      }
    });
  }
}

test("the search's look-ups use the full-text index, the order index and the unique case number", async () => {
  const seen: Array<{ sql: string; params: readonly SqlValue[] }> = [];
  await findCaseMatches(recording(temp.db, seen), parseCaseSearch('#A-1001'), 1001);
  await findCaseMatches(recording(temp.db, seen), parseCaseSearch('10134'), 1001);
  const plans = seen.map(({ sql, params }) => planOf(sql, params)).join('\n---\n');
  assert.match(plans, /USING INDEX interactions_order_ref/, plans);
  assert.match(plans, /VIRTUAL TABLE INDEX \d+:M/, plans);
  assert.match(plans, /SEARCH cases USING (COVERING )?INDEX sqlite_autoindex_cases_2 \(number=\?\)/, plans);
  assert.doesNotMatch(plans, /^SCAN (cases|interactions|case_messages)$/m, plans);
});

test('migration 0012 indexes the cases, messages and tags that were there before it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-0012-'));
  const { db, writer } = await openAtMigrations(join(dir, 'old.db'), (version) => version < 12);
  try {
    const T = Date.UTC(2026, 0, 1);
    writer.exec(`
      INSERT INTO customers (id, name, traits, created_at, first_seen_at, last_seen_at) VALUES ('cus_old', 'Jörg Müller', '{}', ${T}, ${T}, ${T});
      INSERT INTO identities (kind, value, customer_id, profile_id, source, created_at) VALUES ('email', 'joerg@old.example', 'cus_old', 'cus_old', 'api', ${T});
      INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, tags, opened_at, updated_at)
        VALUES ('cas_old', 1001, 'cus_old', 'Broken kettle', 'email', 'open', 'normal', '["warranty"]', ${T}, ${T});
      INSERT INTO interactions (id, customer_id, profile_id, occurred_at, received_at, channel, direction, type, text, properties, case_id, source, source_id)
        VALUES (1, 'cus_old', 'cus_old', ${T}, ${T}, 'email', 'inbound', 'message', 'The lid snapped off', '{"order_id":"K-55"}', 'cas_old', 'mail', 'm1');
      INSERT INTO case_messages (case_id, interaction_id, kind, at) VALUES ('cas_old', 1, 'inbound', ${T});
    `);
    await db.migrate();
    for (const q of ['kettle', 'lid snapped', 'K-55', 'mueller', 'joerg@', 'old.example']) {
      assert.deepEqual(await findCaseMatches(db, parseCaseSearch(q), 10), ['cas_old'], q);
    }
    assert.equal(await countCases(db, { tags: ['warranty'] }), 1);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
