// A merge and its undo change who owns a profile, never an interaction: every row of the timeline stays byte for
// byte as it was, while each customer's timeline, card and place in the recent list read as the merge says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestEvents } from '../pipeline/index.ts';
import { inboundMessage } from '../../test/helpers/events.ts';
import { getContextCard, getTimeline, listRecentCustomers, mergeCustomers, undoCustomerMerge } from './service.ts';
import { openCasesForCard } from '../cases/card.ts';
import { eraseCustomer, exportCustomer } from '../privacy/service.ts';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('merge-timeline');

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const AGENT = { kind: 'staff' as const, id: 'stf_test' };
const PER_CUSTOMER = 150;
const DEPARTMENTS = ['billing', 'support', null] as const;

/** Every column of every interaction, in id order: what a merge must leave as it found it. */
const allInteractions = () => temp.db.all<Record<string, unknown>>('SELECT * FROM interactions ORDER BY id');

/** A customer's whole timeline through the API's paging (a small page, so pages cross profiles), as ids. */
async function timelineOf(customerId: string, owner = customerId): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await getTimeline(temp.db, customerId, { limit: 7, cursor }, AGENT);
    for (const item of page.items) assert.equal(item.customerId, owner, 'each entry names its customer now');
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** The ids of these customers' events as one timeline would show them: newest first, ties by id. */
function timelineOfEvents(rows: Array<Record<string, unknown>>, sourcePrefixes: string[]): string[] {
  return rows
    .filter((row) => sourcePrefixes.some((prefix) => String(row.source_id).startsWith(prefix)))
    .sort((a, b) => Number(b.occurred_at) - Number(a.occurred_at) || Number(b.id) - Number(a.id))
    .map((row) => String(row.id));
}

async function cardOf(customerId: string) {
  const card = await getContextCard(temp.db, customerId, AGENT, openCasesForCard);
  return {
    id: card.id,
    interactionCount: card.interactionCount,
    firstSeenAt: card.firstSeenAt,
    lastSeenAt: card.lastSeenAt,
    recent: card.recentInteractions.map((interaction) => interaction.id),
    lastContacts: card.lastContacts.map((contact) => `${contact.department}@${contact.occurredAt}`),
  };
}

test('merges, a merge of a merged customer and their undo leave every interaction as it was', async () => {
  // Three people writing in turn, so their events interleave in time; some at the same minute as another's.
  const events = ['ann', 'bea', 'cat'].flatMap((name, person) =>
    Array.from({ length: PER_CUSTOMER }, (_, n) =>
      inboundMessage(`${name}@example.com`, `${name}-${n}`, T0 + (n * 3 + (n % 4 === 0 ? 0 : person)) * MINUTE, {
        department: DEPARTMENTS[(n + person) % DEPARTMENTS.length]!,
        channel: n % 5 === 0 ? 'chat' : 'email',
        properties: n % 2 === 0 ? { plan: `p${n % 3}` } : {},
      }),
    ),
  );
  const report = await ingestEvents(temp.db, events);
  const [ann, bea, cat] = [0, PER_CUSTOMER, 2 * PER_CUSTOMER].map((index) => report.results[index]!.customerId!);
  const rows = await allInteractions();
  assert.equal(rows.length, 3 * PER_CUSTOMER);
  const own = {
    ann: timelineOfEvents(rows, ['ann-']),
    bea: timelineOfEvents(rows, ['bea-']),
    cat: timelineOfEvents(rows, ['cat-']),
  };
  assert.deepEqual(await timelineOf(ann!), own.ann);
  const cards = { ann: await cardOf(ann!), bea: await cardOf(bea!), cat: await cardOf(cat!) };

  // Ann absorbs Bea: both timelines read as one, Bea's id answers with Ann.
  const first = await mergeCustomers(temp.db, ann!, bea!, AGENT);
  assert.deepEqual(await allInteractions(), rows, 'the merge rewrote no interaction');
  const annAndBea = timelineOfEvents(rows, ['ann-', 'bea-']);
  assert.deepEqual(await timelineOf(ann!), annAndBea);
  assert.deepEqual(await timelineOf(bea!, ann), annAndBea, "the absorbed id reads the survivor's timeline");
  const merged = await cardOf(ann!);
  assert.equal(merged.interactionCount, 2 * PER_CUSTOMER);
  assert.deepEqual(merged.recent, annAndBea.slice(0, 10));
  assert.equal(merged.firstSeenAt, [cards.ann.firstSeenAt, cards.bea.firstSeenAt].sort()[0]);
  assert.equal(merged.lastSeenAt, [cards.ann.lastSeenAt, cards.bea.lastSeenAt].sort()[1]);
  assert.deepEqual((await listRecentCustomers(temp.db, 10)).items.map((item) => item.id).sort(), [ann, cat].sort());

  // Cat absorbs Ann, who holds Bea: one timeline of all three.
  const second = await mergeCustomers(temp.db, cat!, ann!, AGENT);
  assert.deepEqual(await allInteractions(), rows, 'the merge of a merged customer rewrote no interaction');
  const everyone = timelineOfEvents(rows, ['ann-', 'bea-', 'cat-']);
  assert.deepEqual(await timelineOf(cat!), everyone);
  assert.deepEqual(await timelineOf(bea!, cat), everyone, 'two redirects lead to the same timeline');
  assert.equal((await cardOf(cat!)).interactionCount, 3 * PER_CUSTOMER);
  assert.deepEqual(
    (await listRecentCustomers(temp.db, 10)).items.map((item) => item.id),
    [cat],
  );

  // Undone in turn: each gets back exactly her own, and the rows never moved.
  await undoCustomerMerge(temp.db, second.id, AGENT);
  assert.deepEqual(await allInteractions(), rows, 'the undo rewrote no interaction');
  assert.deepEqual(await timelineOf(cat!), own.cat);
  assert.deepEqual(await timelineOf(ann!), annAndBea);
  assert.deepEqual(await cardOf(cat!), cards.cat);

  await undoCustomerMerge(temp.db, first.id, AGENT);
  assert.deepEqual(await allInteractions(), rows, 'the second undo rewrote no interaction');
  assert.deepEqual(await timelineOf(ann!), own.ann);
  assert.deepEqual(await timelineOf(bea!), own.bea);
  assert.deepEqual(
    { ann: await cardOf(ann!), bea: await cardOf(bea!), cat: await cardOf(cat!) },
    cards,
    'every card as before the merges',
  );
  assert.deepEqual(
    (await listRecentCustomers(temp.db, 10)).items.map((item) => item.id).sort(),
    [ann, bea, cat].sort(),
  );
});

test("what arrives for an absorbed profile is the survivor's while merged, and goes back with an undo", async () => {
  const report = await ingestEvents(temp.db, [
    inboundMessage('dora@example.com', 'dora-1', T0),
    inboundMessage('eve@example.com', 'eve-1', T0 + MINUTE),
  ]);
  const [dora, eve] = report.results.map((result) => result.customerId!);
  const merge = await mergeCustomers(temp.db, dora!, eve!, AGENT);
  const later = await ingestEvents(temp.db, [inboundMessage('eve@example.com', 'eve-2', T0 + 2 * MINUTE)]);
  assert.equal(later.results[0]!.customerId, dora, 'stored for the survivor');
  const eve2 = later.results[0]!.interactionId!;
  assert.deepEqual((await timelineOf(dora!)).slice(0, 1), [eve2]);
  const resent = await ingestEvents(temp.db, [inboundMessage('eve@example.com', 'eve-2', T0 + 2 * MINUTE)]);
  assert.deepEqual([resent.duplicates, resent.results[0]!.customerId], [1, dora], 'a duplicate names the owner now');

  const rows = await allInteractions();
  await undoCustomerMerge(temp.db, merge.id, AGENT);
  assert.deepEqual(await allInteractions(), rows);
  assert.equal((await timelineOf(eve!))[0], eve2, 'her event of the merged days goes back with her');
  assert.equal((await timelineOf(dora!)).length, 1);
  const again = await ingestEvents(temp.db, [inboundMessage('eve@example.com', 'eve-2', T0 + 2 * MINUTE)]);
  assert.equal(again.results[0]!.customerId, eve, 'and a duplicate names her again');
});

test("a merged customer's export holds the events of all her profiles, and her erasure removes them all", async () => {
  const report = await ingestEvents(temp.db, [
    inboundMessage('fay@example.com', 'fay-1', T0),
    inboundMessage('gus@example.com', 'gus-1', T0 + MINUTE),
    inboundMessage('fay@example.com', 'fay-2', T0 + 2 * MINUTE),
    inboundMessage('hal@example.com', 'hal-1', T0 + 3 * MINUTE),
  ]);
  const [fay, gus, , hal] = report.results.map((result) => result.customerId!);
  await mergeCustomers(temp.db, fay!, gus!, AGENT);
  const exported = await exportCustomer(temp.db, gus!, AGENT);
  assert.deepEqual(
    exported.interactions.map((interaction) => `${interaction.customerId}:${interaction.sourceId}`),
    [`${fay}:fay-2`, `${fay}:gus-1`, `${fay}:fay-1`],
  );
  const erased = await eraseCustomer(temp.db, fay!, AGENT);
  assert.deepEqual([erased.interactions, erased.erasedProfiles.length], [3, 2]);
  const left = await temp.db.all<{ source_id: string }>(
    `SELECT source_id FROM interactions WHERE source_id IN ('fay-1', 'fay-2', 'gus-1', 'hal-1')`,
  );
  assert.deepEqual(left, [{ source_id: 'hal-1' }], 'only the other customer keeps hers');
  assert.equal((await timelineOf(hal!)).length, 1);
});
