// History is not news: a replayed 2017 feed lands as closed cases with their own times (no live clock,
// no breach recorded now, nobody flagged at risk); inbound messages from the native API open or join
// cases like any channel's, once even when a batch is retried; `historical` ones open no live case;
// and the card's "last contact" and "last seen" count only what the customer herself did.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, http, type TestServer } from './helpers/server.ts';
import { replayFeedFile } from '../src/channels/social/replay.ts';
import { sweepBreaches } from '../src/cases/service.ts';
import { reevaluateChangedFlagRules, sweepLapsedFlags, sweepNewlyQuiet } from '../src/flags/service.ts';
import { CLI_ACTOR } from '../src/shared/actor.ts';
import { importFile, inspectImportFile, loggedImportIntake, parseMapping } from '../src/ingest/import/index.ts';

const DAY = 86_400_000;
let server: TestServer;
let dir: string;

before(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'rapport-history-'));
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
function feedFile(name: string, rows: Array<[string, string, boolean, string, string, string]>): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      HEADER,
      ...rows.map(
        ([id, author, inbound, at, text, to]) => `${id},${author},${inbound ? 'True' : 'False'},${at},"${text}",,${to}`,
      ),
    ].join('\n'),
  );
  return file;
}

async function casesOf(handle: string) {
  const card = await http('GET', `${server.url}/api/customers/lookup?handle=${encodeURIComponent(`x:${handle}`)}`, {
    token: server.token,
  });
  assert.equal(card.status, 200, JSON.stringify(card.body));
  const list = await http('GET', `${server.url}/api/cases?customerId=${card.body.id}&limit=100`, {
    token: server.token,
  });
  return { card: card.body, cases: list.body.items as Array<Record<string, any>> };
}

test('a replayed 2017 feed is history: closed cases with their own times, no breach recorded now, nobody at risk, no queue overdue', async () => {
  const startedAt = Date.now();
  const file = feedFile('2017.csv', [
    // Answered within the hour (Monday 2 October 2017, business hours): met.
    ['1001', 'ana_2017', true, 'Mon Oct 02 10:00:00 +0000 2017', '@brand my playlists vanished', ''],
    ['1002', 'brand', false, 'Mon Oct 02 10:20:00 +0000 2017', '@ana_2017 sorry, fixed now', '1001'],
    ['1003', 'ana_2017', true, 'Mon Oct 02 10:30:00 +0000 2017', '@brand thanks, all back', '1002'],
    // Answered two days late: a breach, but one of 2017.
    ['2001', 'ben_2017', true, 'Tue Oct 03 10:00:00 +0000 2017', '@brand the app crashes on start', ''],
    ['2002', 'brand', false, 'Thu Oct 05 10:00:00 +0000 2017', '@ben_2017 sorry for the wait, update now', '2001'],
    // A regular who wrote four times and was never answered in the feed.
    ['3001', 'cleo_2017', true, 'Fri Sep 01 10:00:00 +0000 2017', '@brand shuffle is broken', ''],
    ['3002', 'cleo_2017', true, 'Sun Sep 10 10:00:00 +0000 2017', '@brand still broken', ''],
    ['3003', 'cleo_2017', true, 'Wed Sep 20 10:00:00 +0000 2017', '@brand offline mode lost my songs', ''],
    ['3004', 'cleo_2017', true, 'Sun Oct 01 10:00:00 +0000 2017', '@brand no answer?', ''],
  ]);
  const report = await replayFeedFile(server.running.db, file, { network: 'x', speed: 0 }, CLI_ACTOR);
  assert.equal(report.rejected.length, 0, JSON.stringify(report.rejected));
  assert.equal(report.casesOpened, 6);
  assert.equal(report.threadsJoined, 1, 'her thanks joins the closed case of her thread');
  assert.equal(report.brandReplies, 2);

  // What the server's timers do next: the breach sweep, the flag re-decisions and sweeps.
  assert.equal(await sweepBreaches(server.running.db), 0, 'no clock of 2017 is announced as a breach now');
  await reevaluateChangedFlagRules(server.running.db);
  await sweepNewlyQuiet(server.running.db);
  await sweepLapsedFlags(server.running.db);

  const ana = await casesOf('ana_2017');
  assert.equal(ana.cases.length, 1);
  assert.equal(ana.cases[0]!.status, 'closed');
  assert.equal(ana.cases[0]!.openedAt, '2017-10-02T10:00:00.000Z');
  assert.equal(ana.cases[0]!.closedAt, '2017-10-02T10:30:00.000Z', 'closed at its last activity');
  assert.equal(ana.cases[0]!.firstResponseAt, '2017-10-02T10:20:00.000Z');
  assert.equal(ana.cases[0]!.contactCount, 2);
  assert.deepEqual(ana.cases[0]!.sla.breaches, [], 'answered within the target: met');
  assert.equal(ana.cases[0]!.sla.nextDueAt, null, 'no clock runs');

  const ben = await casesOf('ben_2017');
  assert.deepEqual(
    ben.cases[0]!.sla.breaches.map((breach: { metric: string }) => breach.metric),
    ['first_response'],
  );
  const recordedNow = await server.running.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM sla_breaches WHERE recorded_at >= ?',
    [startedAt],
  );
  assert.equal(recordedNow!.n, 0, 'the late answer of 2017 is a breach of 2017, not of today');

  const cleo = await casesOf('cleo_2017');
  assert.equal(cleo.cases.length, 4);
  assert.ok(
    cleo.cases.every((c) => c.status === 'closed' && c.assigneeId === null),
    "history is not put in anyone's queue",
  );

  for (const { card } of [ana, ben, cleo]) {
    assert.deepEqual(
      card.flags.filter((flag: { flag: string }) => flag.flag === 'at_risk'),
      [],
      `${card.name ?? card.id} is history, not at risk`,
    );
    assert.deepEqual(card.openCases, []);
  }
  const active = await http('GET', `${server.url}/api/cases?status=new,open,pending`, { token: server.token });
  assert.deepEqual(active.body.items, [], 'no case of 2017 waits in a queue');
  const breaching = await http('GET', `${server.url}/api/cases/breaching`, { token: server.token });
  assert.deepEqual(breaching.body.items, [], 'nothing "overdue 3,000 days"');
  // In the metrics, the feed's replies are real first responses; the import's closing is nobody's resolution.
  const metrics = await http(
    'GET',
    `${server.url}/api/metrics?names=cases,ttfr,ttfr_p90,resolved,fcr,ttr,sla_attainment,backlog&from=2017-09-01&to=2017-10-06`,
    { token: server.token },
  );
  assert.deepEqual(metrics.body.total.values, {
    cases: 6,
    ttfr: 1200, // Ana answered in 20 min, Ben in two days: the 1st of 2
    ttfr_p90: 172800,
    resolved: 0,
    fcr: null,
    ttr: null,
    sla_attainment: 0.5, // Ana's first response met, Ben's breached; no resolution target decided
    backlog: 0, // all closed by the import
  });
});

test('a recent thread replayed after the sweep noticed its due time: the timely answer makes it met, not breached', async () => {
  const postedAt = new Date(Date.now() - 10 * DAY);
  const first = feedFile('recent-1.csv', [
    ['5001', 'dana_recent', true, postedAt.toISOString(), '@brand where is my refund', ''],
  ]);
  await replayFeedFile(server.running.db, first, { network: 'x', speed: 0 }, CLI_ACTOR);
  const { cases } = await casesOf('dana_recent');
  assert.equal(cases[0]!.status, 'new', 'ten days old is recent: a live case');
  assert.ok((await sweepBreaches(server.running.db)) >= 1, 'the sweep sees the first-response time pass');
  assert.equal((await casesOf('dana_recent')).cases[0]!.sla.breaches.length >= 1, true);

  // The rest of the feed shows our answer a minute before it was due.
  const answeredAt = new Date(Date.parse(cases[0]!.sla.firstResponseDueAt) - 60_000);
  const rest = feedFile('recent-2.csv', [
    ['5002', 'brand', false, answeredAt.toISOString(), '@dana_recent refunded today', '5001'],
  ]);
  await replayFeedFile(server.running.db, rest, { network: 'x', speed: 0 }, CLI_ACTOR);
  const after = (await casesOf('dana_recent')).cases[0]!;
  assert.equal(after.firstResponseAt, answeredAt.toISOString());
  assert.ok(
    !after.sla.breaches.some((breach: { metric: string }) => breach.metric === 'first_response'),
    'first response met',
  );
});

function message(email: string, sourceId: string, extra: Record<string, unknown> = {}) {
  return {
    customer: { email },
    channel: 'email',
    direction: 'inbound',
    type: 'message',
    department: 'support',
    text: 'Where is my refund?',
    source: 'helpdesk',
    sourceId,
    ...extra,
  };
}

test('an inbound message by the native API opens a case; a retried batch opens no second one; a refused batch opens none', async () => {
  const batch = { interactions: [message('nina@example.com', 'ticket-1-a', { properties: { subject: 'Refund' } })] };
  const first = await http('POST', `${server.url}/api/interactions`, { token: server.token, body: batch });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.results[0].caseOutcome, 'opened');
  const caseId = first.body.results[0].caseId;
  const opened = await http('GET', `${server.url}/api/cases/${caseId}`, { token: server.token });
  assert.equal(opened.body.status, 'new');
  assert.equal(opened.body.subject, 'Refund');
  assert.ok(opened.body.sla.firstResponseDueAt, 'a live case: its clock runs');

  const retried = await http('POST', `${server.url}/api/interactions`, { token: server.token, body: batch });
  assert.equal(retried.status, 200);
  assert.equal(retried.body.results[0].caseOutcome, 'duplicate');
  assert.equal(retried.body.results[0].caseId, caseId);
  const listed = await http('GET', `${server.url}/api/cases?customerId=${first.body.results[0].customerId}`, {
    token: server.token,
  });
  assert.equal(listed.body.items.length, 1, 'one case, however often the batch is sent');

  // Her follow-up names the message it answers: it joins the same case.
  const followUp = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        message('nina@example.com', 'ticket-1-b', {
          text: 'Any news?',
          properties: { inReplyTo: 'ticket-1-a', subject: 'Re: Refund' },
        }),
      ],
    },
  });
  assert.equal(followUp.body.results[0].caseOutcome, 'joined');
  assert.equal(followUp.body.results[0].caseId, caseId);

  // The second event names a customer id nobody has: the whole batch is refused, the first opens nothing.
  const refused = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        message('omar@example.com', 'ticket-2'),
        { customer: { id: 'cus_nobody' }, channel: 'email', text: 'hi' },
      ],
    },
  });
  assert.ok(refused.status >= 400 && refused.status < 500, JSON.stringify(refused.body));
  const omar = await http('GET', `${server.url}/api/customers/lookup?email=omar@example.com`, { token: server.token });
  assert.equal(omar.status, 404, 'nothing of the refused batch landed');

  // Not every inbound interaction is a contact to answer: an order is not.
  const order = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: 'nina@example.com' },
          channel: 'order',
          type: 'purchase',
          event: 'Order Completed',
          sourceId: 'order-9',
        },
      ],
    },
  });
  assert.equal(order.body.results[0].caseId, undefined);
});

test('historical messages land on the timeline and in the numbers, never in a queue; so do old ones', async () => {
  const marked = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [message('hugo@example.com', 'old-ticket-1', { historical: true })] },
  });
  assert.equal(marked.status, 200, JSON.stringify(marked.body));
  const markedCase = await http('GET', `${server.url}/api/cases/${marked.body.results[0].caseId}`, {
    token: server.token,
  });
  assert.equal(markedCase.body.status, 'closed');
  assert.equal(markedCase.body.assigneeId, null);
  assert.equal(markedCase.body.sla.nextDueAt, null);
  assert.equal(markedCase.body.firstContactResolution, true, 'counted in the numbers');
  assert.equal(markedCase.body.messages[0].properties.historical, true, 'the timeline says it is history');

  const oldAt = new Date(Date.now() - 200 * DAY).toISOString();
  const old = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [message('iris@example.com', 'old-ticket-2', { occurredAt: oldAt })] },
  });
  const oldCase = await http('GET', `${server.url}/api/cases/${old.body.results[0].caseId}`, { token: server.token });
  assert.equal(oldCase.body.status, 'closed', 'already 200 days old when it arrived: history');
  assert.equal(oldCase.body.openedAt, oldAt, 'with its own time');
  assert.equal(await sweepBreaches(server.running.db), 0);
  const active = await http(
    'GET',
    `${server.url}/api/cases?status=new,open,pending&customerId=${old.body.results[0].customerId}`,
    { token: server.token },
  );
  assert.deepEqual(active.body.items, []);
});

test("the card's last contact and last seen are what she did, not a colleague's note", async () => {
  const wroteAt = new Date(Date.now() - 3 * DAY).toISOString();
  const wrote = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [message('june@example.com', 'june-1', { occurredAt: wroteAt, text: 'My parcel is late' })] },
  });
  const customerId = wrote.body.results[0].customerId;
  const note = await http('POST', `${server.url}/api/customers/${customerId}/notes`, {
    token: server.token,
    body: { text: 'Called the courier for her', channel: 'in_store' },
  });
  assert.equal(note.status, 201, JSON.stringify(note.body));
  const card = await http('GET', `${server.url}/api/customers/${customerId}`, { token: server.token });
  assert.equal(card.body.lastSeenAt, wroteAt, 'last seen when she wrote, not when we noted');
  assert.deepEqual(
    card.body.lastContacts.map((contact: { occurredAt: string }) => contact.occurredAt),
    [wroteAt],
  );
  assert.match(card.body.summary, /Last contacted Support 3 days ago by email about “My parcel is late”/);
  assert.ok(
    card.body.recentInteractions.some((interaction: { type: string }) => interaction.type === 'note'),
    'the note is still on her timeline',
  );
});

test('an import opens or joins cases as the native API does; re-running it opens none; --historical rows open none live', async () => {
  const file = join(dir, 'tickets.csv');
  writeFileSync(
    file,
    [
      'customer.email,channel,text,sourceId,properties.subject',
      'kim@example.com,email,My order never came,kim-1,Order 77',
      'lou@example.com,chat,Cannot log in,lou-1,',
    ].join('\n'),
  );
  const options = {
    file: await inspectImportFile(file),
    mapping: parseMapping({}),
    defaultCountry: 'US' as const,
    source: 'zendesk',
    errorReportPath: join(dir, 'tickets.errors.csv'),
    // Through the server's event log, as `rapport import` beside a running server goes.
    intake: loggedImportIntake(server.running.eventLog, server.running.projector),
  };
  const first = await importFile(server.running.db, options);
  assert.equal(first.stored, 2);
  const kim = await http('GET', `${server.url}/api/customers/lookup?email=kim@example.com`, { token: server.token });
  assert.deepEqual(
    kim.body.openCases.map((c: { subject: string; status: string }) => [c.subject, c.status]),
    [['Order 77', 'new']],
  );
  await importFile(server.running.db, { ...options, restart: true });
  const cases = await http('GET', `${server.url}/api/cases?customerId=${kim.body.id}`, { token: server.token });
  assert.equal(cases.body.items.length, 1, 'the second run stores nothing twice and opens nothing twice');

  const history = join(dir, 'history.csv');
  writeFileSync(
    history,
    ['customer.email,channel,text,sourceId', 'max@example.com,email,Refund please,max-1'].join('\n'),
  );
  await importFile(server.running.db, {
    ...options,
    file: await inspectImportFile(history),
    historical: true,
    errorReportPath: join(dir, 'history.errors.csv'),
  });
  const max = await http('GET', `${server.url}/api/customers/lookup?email=max@example.com`, { token: server.token });
  assert.deepEqual(max.body.openCases, []);
  const maxCases = await http('GET', `${server.url}/api/cases?customerId=${max.body.id}`, { token: server.token });
  assert.deepEqual(
    maxCases.body.items.map((c: { status: string }) => c.status),
    ['closed'],
    'on the record, closed',
  );
});
