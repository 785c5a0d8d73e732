// The report's reads as the store writes them: the period is one range of the time index whatever the matchers
// (checked with EXPLAIN QUERY PLAN), the answers are read by their indexes, and the SQL a matcher becomes picks the
// same interactions as model.ts's rule (one rule, two writings: they are compared on a table of rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTempDatabase } from '../../test/helpers/temp-database.ts';
import {
  type InteractionFacts,
  type JourneyStage,
  type Matcher,
  matches,
  placedTouchpoints,
  touchpointOf,
} from './model.ts';
import { candidatesQuery, readCandidates } from './store.ts';

const temp = useTempDatabase('journey-plans');

const MATCHERS: Matcher[] = [
  { events: ['Order Completed', 'Order Shipped'] },
  { channels: ['email', 'chat'], direction: 'inbound', types: ['message'] },
  { reasons: ['delivery'] },
  { pages: ['/checkout', 'https://shop.example/cart'] },
  { types: ['survey_response'] },
];

const TIME_RANGE = /SEARCH i USING INDEX interactions_recent \(occurred_at>\? AND occurred_at<\?\)/;
const TABLE_SCAN = /^SCAN (?:i|interactions|c|cases|owner)\b/m;

test('the candidates of a period: one range of the time index, a look-up per row for its owner and case', () => {
  for (const matchers of [MATCHERS, [MATCHERS[0]!], [MATCHERS[2]!, MATCHERS[3]!]]) {
    const query = candidatesQuery(matchers, 0, 1);
    const explained = temp.queryPlan(query.sql, query.params);
    assert.match(explained, TIME_RANGE, explained);
    assert.doesNotMatch(explained, TABLE_SCAN, explained);
    assert.doesNotMatch(explained, /TEMP B-TREE|AUTOMATIC/, explained);
    assert.match(explained, /SEARCH owner USING PRIMARY KEY \(profile_id=\?\)/, explained);
    assert.match(explained, /SEARCH c USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/, explained);
  }
});

test('the answers: by the index on case, and by invitation', () => {
  const byCase = temp.queryPlan(
    `SELECT r.invitation_id, r.case_id, s.kind, r.score
     FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
     WHERE r.case_id IN (?, ?) AND r.score IS NOT NULL`,
  );
  assert.match(byCase, /SEARCH r USING INDEX survey_responses_by_case \(case_id=\?\)/, byCase);
  const byInvitation = temp.queryPlan(
    `SELECT r.invitation_id, r.case_id, s.kind, r.score
     FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
     WHERE r.invitation_id IN (?, ?) AND r.score IS NOT NULL`,
  );
  assert.match(
    byInvitation,
    /SEARCH r USING INDEX sqlite_autoindex_survey_responses_1 \(invitation_id=\?\)/,
    byInvitation,
  );
});

// Rows that probe each matcher's edges: a case's reason against a listened one, a page's path and url, the case of a
// page prefix, a survey answer, a message in the wrong direction.
const ROWS: Array<Partial<InteractionFacts> & { caseId?: string }> = [
  { event: 'Order Completed', channel: 'order', type: 'track' },
  { event: 'order completed', channel: 'order', type: 'track' },
  { event: 'Order Refunded', channel: 'order', type: 'track' },
  { channel: 'email', type: 'message', direction: 'inbound' },
  { channel: 'email', type: 'message', direction: 'inbound', caseId: 'case_delivery' },
  { channel: 'email', type: 'message', direction: 'outbound' },
  { channel: 'chat', type: 'call', direction: 'inbound' },
  { channel: 'phone', type: 'call', direction: 'inbound', caseId: 'case_delivery' },
  { channel: 'social', type: 'message', direction: 'inbound', reason: 'delivery' },
  { channel: 'social', type: 'message', direction: 'inbound', reason: 'billing', caseId: 'case_billing' },
  { channel: 'web', type: 'page_view', path: '/checkout/pay' },
  { channel: 'web', type: 'page_view', path: '/Checkout' },
  { channel: 'web', type: 'page_view', path: '/account', url: 'https://shop.example/cart?step=2' },
  { channel: 'web', type: 'track', path: '/checkout' },
  { channel: 'survey', type: 'survey_response', direction: 'inbound' },
];

test('a matcher’s SQL picks exactly the rows model.ts’s rule matches, each for the first touchpoint it fits', async () => {
  const db = temp.db;
  await db.run(`INSERT INTO customers (id, created_at, first_seen_at, last_seen_at) VALUES ('cus_1', 0, 0, 0)`);
  for (const [number, reason] of ['delivery', 'billing'].entries()) {
    await db.run(
      `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, reason, opened_at, updated_at)
       VALUES (?, ?, 'cus_1', 'Where is it', 'phone', 'open', 'normal', ?, 0, 0)`,
      [`case_${reason}`, number + 1, reason],
    );
  }
  const facts: InteractionFacts[] = [];
  for (const [index, row] of ROWS.entries()) {
    const fact: InteractionFacts = {
      event: row.event ?? null,
      channel: row.channel ?? 'email',
      type: row.type ?? 'message',
      direction: row.direction ?? 'inbound',
      reason: row.reason ?? null,
      caseReason: row.caseId === 'case_delivery' ? 'delivery' : row.caseId === 'case_billing' ? 'billing' : null,
      path: row.type === 'page_view' ? (row.path ?? null) : null,
      url: row.type === 'page_view' ? (row.url ?? null) : null,
    };
    facts.push(fact);
    await db.run(
      `INSERT INTO interactions (id, profile_id, occurred_at, received_at, channel, direction, type, event, properties,
         case_id, source, source_id, reason)
       VALUES (?, 'cus_1', ?, 0, ?, ?, ?, ?, ?, ?, 'test', ?, ?)`,
      [
        index + 1,
        index,
        fact.channel,
        fact.direction,
        fact.type,
        fact.event,
        JSON.stringify({ path: row.path, url: row.url }),
        row.caseId ?? null,
        String(index),
        fact.reason,
      ],
    );
  }
  for (const matcher of MATCHERS) {
    const picked = (await readCandidates(db, [matcher], 0, ROWS.length)).map((row) => row.id);
    const expected = facts.flatMap((fact, index) => (matches(matcher, fact) ? [index + 1] : []));
    assert.ok(expected.length > 0, `${JSON.stringify(matcher)} matches some row`);
    assert.deepEqual(picked, expected, JSON.stringify(matcher));
  }
  // All of them at once, in journey order: where matchers overlap (an inbound email about a delivery), the first.
  const stages: JourneyStage[] = [
    {
      id: 's',
      name: 'S',
      touchpoints: MATCHERS.map((matcher, index) => ({ id: `t${index}`, name: `T${index}`, matcher, targets: [] })),
    },
  ];
  const assigned = (await readCandidates(db, MATCHERS, 0, ROWS.length)).map((row) => [row.id, row.touchpoint]);
  const expected = facts.flatMap((fact, index) => {
    const touchpoint = touchpointOf(placedTouchpoints(stages), fact);
    return touchpoint === null ? [] : [[index + 1, touchpoint]];
  });
  assert.ok(
    facts.some((fact) => MATCHERS.filter((matcher) => matches(matcher, fact)).length > 1),
    'some row matches two touchpoints',
  );
  assert.deepEqual(assigned, expected);
});
