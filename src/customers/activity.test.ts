// Customer activity is read from the timeline: counts, first and last seen follow the events (and
// merges), and the recent list pages through every live customer once, latest activity first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestEvents } from '../pipeline/index.ts';
import { inboundMessage } from '../../test/helpers/events.ts';
import { getContextCard, listRecentCustomers, mergeCustomers } from './service.ts';
import { openCasesForCard } from '../cases/card.ts';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';

const temp = useTempDatabase('activity');

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const AGENT = { kind: 'staff' as const, id: 'stf_test' };

const message = (email: string, sourceId: string, occurredAt: number) => inboundMessage(email, sourceId, occurredAt);

test('the recent list pages through every customer once, latest first, ties included', async () => {
  // Five people; two share the latest time, and one's older events arrive after newer ones.
  const report = await ingestEvents(temp.db, [
    message('a@example.com', 'a1', T0 + 5 * HOUR),
    message('b@example.com', 'b1', T0 + 9 * HOUR),
    message('c@example.com', 'c1', T0 + 9 * HOUR),
    message('d@example.com', 'd1', T0 + 7 * HOUR),
    message('e@example.com', 'e1', T0 + 1 * HOUR),
    message('a@example.com', 'a0', T0),
    message('d@example.com', 'd2', T0 + 8 * HOUR),
  ]);
  const [a, b, c, d, e] = report.results.slice(0, 5).map((result) => result.customerId!);
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecentCustomers(temp.db, 2, cursor);
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.deepEqual(seen, [c, b, d, a, e], 'equal times: the later event first');

  const card = await getContextCard(temp.db, a!, AGENT, openCasesForCard);
  assert.deepEqual(
    [card.interactionCount, card.firstSeenAt, card.lastSeenAt],
    [2, new Date(T0).toISOString(), new Date(T0 + 5 * HOUR).toISOString()],
  );

  await mergeCustomers(temp.db, a!, e!, AGENT);
  const merged = await getContextCard(temp.db, a!, AGENT, openCasesForCard);
  assert.equal(merged.interactionCount, 3);
  const recent = (await listRecentCustomers(temp.db, 10)).items.map((item) => item.id);
  assert.deepEqual(recent, [c, b, d, a], 'a merged-away profile leaves the list');
});
