// Implicit preferences applied once per ingest batch give exactly what applying each event as it
// arrived gives: same values, confidence, support, evidence ids and times, merges mid-batch included.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteDatabase } from '../store/sqlite.ts';
import { ingestEvents } from '../pipeline/index.ts';
import type { IncomingEvent } from '../interactions/model.ts';
import type { Identity } from './identity.ts';

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'rapport-prefs-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

async function freshDatabase(name: string): Promise<SqliteDatabase> {
  const db = openSqlite(join(dir, `${name}.db`));
  await db.migrate();
  return db;
}

const T0 = Date.UTC(2026, 0, 1);
let sequence = 0;

function consumed(identities: Identity[], properties: Record<string, unknown>): IncomingEvent {
  sequence++;
  return {
    source: 'test',
    sourceId: `e${sequence}`,
    identities,
    occurredAt: T0 + sequence * 60_000,
    channel: 'order',
    direction: 'inbound',
    type: 'track',
    event: 'Item Consumed',
    department: null,
    actor: 'customer',
    text: null,
    properties,
    context: null,
  };
}

/** A history that forms, strengthens, loses, regains and flips preferences, with two profiles that merge halfway. */
function history(): IncomingEvent[] {
  sequence = 0;
  const ann: Identity[] = [{ kind: 'email', value: 'ann@example.com' }];
  const phone: Identity[] = [{ kind: 'phone', value: '+14155550100' }];
  const events: IncomingEvent[] = [];
  // Red forms, holds, is lost, and green takes over (its evidence then has to be looked up).
  const colours = ['red', 'red', 'red', 'red', 'green', 'red', ...Array<string>(20).fill('green')];
  for (const [i, color] of colours.entries()) {
    events.push(consumed(ann, { item: 'Apple', color, size: i % 7 === 0 ? 'large' : 'small' }));
    if (i % 2 === 0) events.push(consumed(phone, { item: 'apple', color: 'green', organic: true }));
  }
  for (let i = 0; i < 25; i++) events.push(consumed(ann, { item: 'pear', color: 'yellow' }));
  // The tie: from here on both profiles are one customer.
  events.push(consumed([...ann, ...phone], { item: 'apple', color: 'green' }));
  for (let i = 0; i < 6; i++)
    events.push(consumed(ann, { item: 'apple', color: i < 3 ? 'green' : 'red', organic: true }));
  return events;
}

async function implicitPreferences(db: SqliteDatabase) {
  return db.all<Record<string, unknown>>(
    `SELECT i.value AS email, p.key, p.value, p.confidence, p.support, p.evidence, p.source, p.updated_at
     FROM preferences p JOIN identities i ON i.customer_id = p.customer_id AND i.kind = 'email'
     WHERE p.kind = 'implicit' ORDER BY i.value, p.key`,
  );
}

async function tallies(db: SqliteDatabase) {
  return db.all(
    `SELECT i.value AS email, t.subject, t.attribute, t.value, t.count, t.last_at
     FROM behaviour_tallies t JOIN identities i ON i.customer_id = t.customer_id AND i.kind = 'email'
     ORDER BY i.value, t.subject, t.attribute, t.value`,
  );
}

test('one batch gives the same implicit preferences and tallies as one event at a time', async () => {
  const oneByOne = await freshDatabase('one-by-one');
  const batched = await freshDatabase('batched');
  try {
    const events = history();
    for (const event of events) await ingestEvents(oneByOne, [event]);
    const report = await ingestEvents(batched, events);
    assert.equal(report.stored, events.length);
    assert.equal(report.merges, 1);

    const expected = await implicitPreferences(oneByOne);
    assert.ok(expected.length >= 3, 'the history forms preferences');
    assert.ok(
      expected.some((p) => JSON.parse(p.evidence as string).length === 20),
      'evidence is capped at 20',
    );
    assert.deepEqual(await implicitPreferences(batched), expected);
    assert.deepEqual(await tallies(batched), await tallies(oneByOne));
  } finally {
    await oneByOne.close();
    await batched.close();
  }
});

test('a rejected event leaves no observation behind when failed events are skipped', async () => {
  const db = await freshDatabase('skip-failed');
  try {
    sequence = 100;
    const ann: Identity[] = [{ kind: 'email', value: 'ann@example.com' }];
    const good = [1, 2, 3].map(() => consumed(ann, { item: 'apple', color: 'red' }));
    const bad = { ...consumed([], { item: 'apple', color: 'green' }), customerId: 'cus_missing' };
    const report = await ingestEvents(db, [good[0]!, bad, good[1]!, good[2]!], { onEventError: 'skip-failed' });
    assert.equal(report.rejected, 1);
    const [preference] = await implicitPreferences(db);
    assert.deepEqual([preference?.value, preference?.support, preference?.confidence], ['red', 3, 0.8]);
  } finally {
    await db.close();
  }
});
