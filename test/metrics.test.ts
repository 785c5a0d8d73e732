// CX metrics over a real server (issue 15): eight cases written by hand with every time that matters, two weeks of
// November 2026 (UTC), answers given on the public survey page and two gestures. Each number below is worked out by
// hand from the table; the case engine's own tests show how these fields come to be set, here only the metrics'
// definitions (domain.md) are checked. Then a case changes and the numbers follow, without a rebuild.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { configureMetricsCatchUp, rebuildMetrics } from '../src/metrics/index.ts';

let server: TestServer;
let manager: string;
let agentToken: string;
const ids: Record<string, string> = {};

const at = (iso: string) => Date.parse(iso);
const api = (path: string, token = manager) => http('GET', `${server.url}${path}`, { token });

async function customer(name: string): Promise<string> {
  const posted = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: `${name}@example.com`, name },
          channel: 'order',
          type: 'track',
          event: 'Order Completed',
          sourceId: `order-${name}`,
        },
      ],
    },
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0].customerId;
}

interface HandCase {
  id: string;
  who: string;
  channel: string;
  team: 'A' | 'B';
  agent: 'X' | 'Y' | null;
  reason: string | null;
  opened: string;
  firstResponse?: string;
  resolved?: string;
  status: 'new' | 'open' | 'resolved';
  frDue?: string;
  resDue?: string;
  reopens?: number;
  contacts: number;
  repeatOf?: string;
  fcr?: 0 | 1;
}

//  case  channel team agent reason    opened       1st response     resolved        SLA (first response, resolution)
//  K1    email   A    X     refund    11-02 09:00  09:30 (1800 s)   11-02 11:00 (7200 s)    met, met          fcr 1, 1 contact
//  K2    email   A    X     delivery  11-03 10:00  12:00 (7200 s)   11-05 10:00 (172800 s)  late, late        fcr 0, 2 contacts, reopened
//  K3    chat    B    Y     refund    11-04 08:00  08:05 (300 s)    11-04 08:30 (1800 s)    met, met          fcr 1, repeat of K1
//  K4    chat    B    Y     billing   11-10 14:00  14:20 (1200 s)   open                    met, running
//  K5    social  A    —     —         11-11 09:00  none             new                     breach recorded
//  K6    email   A    X     refund    10-30 10:00  10:10            11-03 10:00 (345600 s)  —                 fcr 1 (opened before)
//  K7    email   A    X     refund    10-20 10:00  10:30            10-25 10:00             outside the period
//  K8    email   A    X     refund    11-05 10:00  absorbed by a merge into K2: counts nowhere
const CASES: HandCase[] = [
  {
    id: 'K1',
    who: 'ada',
    channel: 'email',
    team: 'A',
    agent: 'X',
    reason: 'refund',
    opened: '2026-11-02T09:00:00Z',
    firstResponse: '2026-11-02T09:30:00Z',
    resolved: '2026-11-02T11:00:00Z',
    status: 'resolved',
    frDue: '2026-11-02T10:00:00Z',
    resDue: '2026-11-03T09:00:00Z',
    contacts: 1,
    fcr: 1,
  },
  {
    id: 'K2',
    who: 'ben',
    channel: 'email',
    team: 'A',
    agent: 'X',
    reason: 'delivery',
    opened: '2026-11-03T10:00:00Z',
    firstResponse: '2026-11-03T12:00:00Z',
    resolved: '2026-11-05T10:00:00Z',
    status: 'resolved',
    frDue: '2026-11-03T11:00:00Z',
    resDue: '2026-11-04T10:00:00Z',
    reopens: 1,
    contacts: 2,
    fcr: 0,
  },
  {
    id: 'K3',
    who: 'ada',
    channel: 'chat',
    team: 'B',
    agent: 'Y',
    reason: 'refund',
    opened: '2026-11-04T08:00:00Z',
    firstResponse: '2026-11-04T08:05:00Z',
    resolved: '2026-11-04T08:30:00Z',
    status: 'resolved',
    frDue: '2026-11-04T08:15:00Z',
    resDue: '2026-11-04T12:00:00Z',
    contacts: 1,
    repeatOf: 'K1',
    fcr: 1,
  },
  {
    id: 'K4',
    who: 'cleo',
    channel: 'chat',
    team: 'B',
    agent: 'Y',
    reason: 'billing',
    opened: '2026-11-10T14:00:00Z',
    firstResponse: '2026-11-10T14:20:00Z',
    status: 'open',
    frDue: '2026-11-10T15:00:00Z',
    resDue: '2026-11-11T14:00:00Z',
    contacts: 1,
  },
  {
    id: 'K5',
    who: 'dora',
    channel: 'social',
    team: 'A',
    agent: null,
    reason: null,
    opened: '2026-11-11T09:00:00Z',
    status: 'new',
    frDue: '2026-11-11T10:00:00Z',
    contacts: 1,
  },
  {
    id: 'K6',
    who: 'emil',
    channel: 'email',
    team: 'A',
    agent: 'X',
    reason: 'refund',
    opened: '2026-10-30T10:00:00Z',
    firstResponse: '2026-10-30T10:10:00Z',
    resolved: '2026-11-03T10:00:00Z',
    status: 'resolved',
    contacts: 1,
    fcr: 1,
  },
  {
    id: 'K7',
    who: 'emil',
    channel: 'email',
    team: 'A',
    agent: 'X',
    reason: 'refund',
    opened: '2026-10-20T10:00:00Z',
    firstResponse: '2026-10-20T10:30:00Z',
    resolved: '2026-10-25T10:00:00Z',
    status: 'resolved',
    contacts: 1,
    fcr: 1,
  },
  {
    id: 'K8',
    who: 'ben',
    channel: 'email',
    team: 'A',
    agent: 'X',
    reason: 'refund',
    opened: '2026-11-05T10:00:00Z',
    status: 'open',
    contacts: 1,
  },
];

const PERIOD = 'from=2026-11-02&to=2026-11-16';

before(async () => {
  server = await startTestServer();
  manager = await server.staffToken('manager');
  agentToken = await server.staffToken('agent');
  const db = server.running.db;
  const staff = await db.all<{ id: string; role: string }>(
    `SELECT id, role FROM staff WHERE role IN ('manager', 'agent')`,
  );
  const team = await db.get<{ id: string }>('SELECT id FROM teams WHERE is_default = 1');
  const created = await http('POST', `${server.url}/api/teams`, { token: manager, body: { name: 'Billing' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const teams = { A: team!.id, B: created.body.id as string };
  const agents = { X: staff.find((s) => s.role === 'manager')!.id, Y: staff.find((s) => s.role === 'agent')!.id };
  ids.teamA = teams.A;
  ids.agentX = agents.X;
  for (const who of ['ada', 'ben', 'cleo', 'dora', 'emil']) ids[who] = await customer(who);
  let number = 9000;
  for (const c of CASES) {
    await db.run(
      `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, reason, assignee_id, team_id,
         opened_at, first_response_at, resolved_at, first_response_due_at, resolution_due_at, reopen_count,
         contact_count, repeat_of, first_contact_resolution, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.id,
        ++number,
        ids[c.who]!,
        `Case ${c.id}`,
        c.channel,
        c.status,
        c.reason,
        c.agent ? agents[c.agent] : null,
        teams[c.team],
        at(c.opened),
        c.firstResponse ? at(c.firstResponse) : null,
        c.resolved ? at(c.resolved) : null,
        c.frDue ? at(c.frDue) : null,
        c.resDue ? at(c.resDue) : null,
        c.reopens ?? 0,
        c.contacts,
        c.repeatOf ?? null,
        c.fcr ?? null,
        at(c.opened),
      ],
    );
  }
  await db.run(
    `INSERT INTO sla_breaches (case_id, metric, due_at, recorded_at) VALUES ('K5', 'first_response', ?, ?)`,
    [at('2026-11-11T10:00:00Z'), at('2026-11-11T10:01:00Z')],
  );
  await db.run(
    `INSERT INTO case_merges (id, survivor_id, absorbed_id, absorbed_cases, absorbed_before, added_contacts, last_message_id, merged_at)
     VALUES ('m1', 'K2', 'K8', '["K8"]', '{}', 1, 0, ?)`,
    [at('2026-11-05T11:00:00Z')],
  );
});

after(() => server?.close());

test('the metrics of two weeks, worked out by hand from the table', async () => {
  const names =
    'cases,repeat_rate,ttfr,ttfr_p90,ttr,ttr_p90,resolved,fcr,reopen_rate,contacts_per_case,sla_attainment,backlog';
  const answer = await api(`/api/metrics?names=${names}&${PERIOD}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.total.values, {
    cases: 5, // K1–K5 opened in the period (K6 and K7 before it, K8 merged away)
    repeat_rate: 0.2, // K3 of 5
    ttfr: 1200, // 300, 1200, 1800, 7200: the 2nd of 4 (nearest rank)
    ttfr_p90: 7200, // the 4th of 4
    ttr: 7200, // resolved in the period: K3 1800, K1 7200, K2 172800, K6 345600: the 2nd
    ttr_p90: 345600,
    resolved: 4,
    fcr: 0.75, // K1, K3, K6 of K1, K2, K3, K6
    reopen_rate: 0.25, // K2 of 4
    contacts_per_case: 1.25, // (1 + 2 + 1 + 1) / 4
    sla_attainment: 0.625, // met: K1 2, K3 2, K4 1 (its resolution still running) = 5 of 8 decided (K2 2, K5 1 missed)
    backlog: 2, // K4 and K5 open at the end; K6 was open at the start (1) + 5 opened − 4 resolved
  });
  assert.equal(answer.body.total.counts.ttfr, 4);

  // In business hours: Support (team A) is open Mon–Fri 09:00–17:00 UTC, Billing (B) always. K2 (Tue 10:00 → Thu
  // 10:00) is open 7 + 8 + 1 = 16 h; K6 (Fri 10:00 → Tue 10:00) 7 + 8 + 1 = 16 h; K1 and K3 lie in open hours.
  const business = await api(`/api/metrics?names=ttr,ttr_p90&hours=business&${PERIOD}`);
  assert.deepEqual(business.body.total.values, { ttr: 7200, ttr_p90: 57600 }); // 1800, 7200, 57600, 57600
  const drilled = await api(`/api/metrics/drill?name=ttr&hours=business&${PERIOD}`);
  assert.deepEqual(
    drilled.body.cases.map((c: { subject: string; value: number }) => [c.subject, c.value]),
    [
      ['Case K2', 57600], // equal waits: the newer case first
      ['Case K6', 57600],
      ['Case K1', 7200],
      ['Case K3', 1800],
    ],
  );
  assert.deepEqual([answer.body.from, answer.body.to, answer.body.timeZone], ['2026-11-02', '2026-11-16', 'UTC']);
});

test('by channel, team, agent, week and segment, and only one value of a dimension', async () => {
  const byChannel = await api(`/api/metrics?names=cases,fcr,ttfr&by=channel&${PERIOD}`);
  assert.deepEqual(
    byChannel.body.rows.map((row: { dimensions: { channel: string }; values: object }) => [
      row.dimensions.channel,
      row.values,
    ]),
    [
      ['chat', { cases: 2, fcr: 1, ttfr: 300 }], // K3, K4; K3 resolved on first contact; 300, 1200 → 1st of 2
      ['email', { cases: 2, fcr: 0.6667, ttfr: 1800 }], // K1, K2; fcr K1, K6 of K1, K2, K6; 1800, 7200
      ['social', { cases: 1, fcr: null, ttfr: null }], // K5: nothing resolved, no reply
    ],
  );
  assert.equal(byChannel.body.total.values.cases, 5, 'the total is the whole, not a sum of rows');

  const byTeam = await api(`/api/metrics?names=cases,backlog&by=team&${PERIOD}`);
  const teamRows = Object.fromEntries(
    byTeam.body.rows.map((row: { dimensions: { team: string }; values: object }) => [
      byTeam.body.labels.team[row.dimensions.team],
      row.values,
    ]),
  );
  // Team A: K1, K2, K5 opened; K6 open at the start; K1, K2, K6 resolved → backlog 1 + 3 − 3 = 1 (K5).
  assert.deepEqual(teamRows, { Support: { cases: 3, backlog: 1 }, Billing: { cases: 2, backlog: 1 } });

  const byAgent = await api(`/api/metrics?names=cases&by=agent&${PERIOD}`);
  assert.deepEqual(
    byAgent.body.rows
      .map((row: { dimensions: { agent: string }; values: { cases: number } }) => [
        row.dimensions.agent === '' ? '(unassigned)' : byAgent.body.labels.agent[row.dimensions.agent],
        row.values.cases,
      ])
      .sort(),
    [
      ['(unassigned)', 1], // K5
      ['agent 2', 2], // K3, K4
      ['manager 1', 2], // K1, K2
    ],
  );

  const byWeek = await api(`/api/metrics?names=cases,backlog,fcr&by=week&${PERIOD}`);
  assert.deepEqual(
    byWeek.body.rows.map((row: { dimensions: { week: string }; values: object }) => [row.dimensions.week, row.values]),
    [
      // Week of Monday 2 November: K1, K2, K3 opened; K1, K6, K3, K2 resolved → backlog 1 + 3 − 4 = 0.
      ['2026-11-02', { cases: 3, backlog: 0, fcr: 0.75 }],
      ['2026-11-09', { cases: 2, backlog: 2, fcr: null }],
    ],
  );

  const oneTeam = await api(`/api/metrics?names=cases&by=week&team=${ids.teamA}&${PERIOD}`);
  assert.deepEqual(
    oneTeam.body.rows.map((row: { values: { cases: number } }) => row.values.cases),
    [2, 1],
  );
  const noReason = await api(`/api/metrics?names=cases&reason=&${PERIOD}`);
  assert.equal(noReason.body.total.values.cases, 1, 'K5 has no reason');

  // Ada (K1, K3) is a VIP: the segment is her flag, set now, and her cases move into it.
  const flagged = await http('PUT', `${server.url}/api/customers/${ids.ada}/flags/vip`, {
    token: manager,
    body: { reason: 'Top buyer' },
  });
  assert.equal(flagged.status, 200, JSON.stringify(flagged.body));
  const bySegment = await api(`/api/metrics?names=cases,fcr&by=segment&${PERIOD}`);
  assert.deepEqual(bySegment.body.rows, [
    { dimensions: { segment: 'vip' }, values: { cases: 2, fcr: 1 }, counts: { cases: 2, fcr: 2 } },
  ]);
});

test('the drill-down lists exactly the cases behind a number, with what each counts', async () => {
  const fcr = await api(`/api/metrics/drill?name=fcr&channel=email&${PERIOD}`);
  assert.equal(fcr.status, 200, JSON.stringify(fcr.body));
  assert.equal(fcr.body.source, 'case');
  assert.deepEqual(fcr.body.cases.map((c: { subject: string; value: boolean }) => [c.subject, c.value]).sort(), [
    ['Case K1', true],
    ['Case K2', false],
    ['Case K6', true],
  ]);
  const ttfr = await api(`/api/metrics/drill?name=ttfr&${PERIOD}`);
  assert.deepEqual(
    ttfr.body.cases.map((c: { subject: string; value: number }) => [c.subject, c.value]),
    [
      ['Case K2', 7200],
      ['Case K1', 1800],
      ['Case K4', 1200],
      ['Case K3', 300],
    ],
    'longest wait first',
  );
  const backlog = await api(`/api/metrics/drill?name=backlog&${PERIOD}`);
  assert.deepEqual(backlog.body.cases.map((c: { subject: string }) => c.subject).sort(), ['Case K4', 'Case K5']);
  assert.equal(backlog.body.total, 2);
});

test('a change to a case moves its numbers at once, and CSV gives the same rows', async () => {
  // K4 is resolved on first contact on 12 November.
  await server.running.db.run(
    `UPDATE cases SET status = 'resolved', resolved_at = ?, first_contact_resolution = 1, updated_at = ? WHERE id = 'K4'`,
    [at('2026-11-12T14:00:00Z'), at('2026-11-12T14:00:00Z')],
  );
  const answer = await api(`/api/metrics?names=fcr,backlog,sla_attainment,resolved&${PERIOD}`);
  // fcr 4 of 5; backlog K5 alone; SLA: K4's resolution (due 11-11 14:00) now decided, late: 5 of 9.
  assert.deepEqual(answer.body.total.values, { fcr: 0.8, backlog: 1, sla_attainment: 0.5556, resolved: 5 });

  const csv = await fetch(`${server.url}/api/metrics?names=cases,fcr&by=channel&format=csv&${PERIOD}`, {
    headers: { authorization: `Bearer ${manager}` },
  });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  assert.equal(await csv.text(), 'channel,cases,fcr\nchat,2,1\nemail,2,0.6667\nsocial,1,\n');
});

test('survey scores and gestures by the case they belong to', async () => {
  const surveys = await api('/api/surveys');
  const csat = surveys.body.items.find((s: { kind: string }) => s.kind === 'csat');
  const nps = await http('POST', `${server.url}/api/surveys`, { token: manager, body: { name: 'NPS', kind: 'nps' } });
  assert.equal(nps.status, 201);
  const give = async (surveyId: string, customerId: string, caseId: string | undefined, score: number) => {
    const sent = await http('POST', `${server.url}/api/surveys/${surveyId}/send`, {
      token: manager,
      body: { customerId, ...(caseId ? { caseId } : {}), ignoreQuietPeriod: true },
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const form = await (await fetch(sent.body.url)).text();
    const submission = /name="submission" value="([^"]+)"/.exec(form)![1]!;
    const answered = await fetch(sent.body.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ submission, score: String(score) }).toString(),
    });
    assert.equal(answered.status, 200);
  };
  await give(csat.id, ids.ada!, 'K1', 5); // email
  await give(csat.id, ids.ada!, 'K3', 2); // chat
  await give(nps.body.id, ids.ben!, undefined, 10);
  await give(nps.body.id, ids.cleo!, undefined, 6);
  await give(nps.body.id, ids.dora!, undefined, 8);
  await server.settled();
  await server.running.db.run(
    `INSERT INTO gestures (id, case_id, customer_id, kind, amount, currency, reason, status, issued_by, created_at)
     VALUES ('g1', 'K1', ?, 'credit', 2500, 'USD', 'New bag', 'issued', ?, ?),
            ('g2', 'K3', ?, 'refund', 9900, 'USD', 'Waiting for approval', 'pending', ?, ?)`,
    [ids.ada!, ids.agentX!, Date.now(), ids.ada!, ids.agentX!, Date.now()],
  );
  const today = await api('/api/metrics?names=csat,nps,responses,gestures,gesture_spend');
  assert.deepEqual(today.body.total.values, {
    csat: 50, // one 5 of two answers
    nps: 0, // promoters 1 (10) − detractors 1 (6) of 3
    responses: 5,
    gestures: 1, // the pending refund is not given yet
    gesture_spend: { USD: 25 },
  });
  const byChannel = await api('/api/metrics?names=csat&by=channel');
  assert.deepEqual(
    byChannel.body.rows.map((row: { dimensions: { channel: string }; values: { csat: number } }) => [
      row.dimensions.channel,
      row.values.csat,
    ]),
    [
      ['chat', 0], // the NPS answers, of no case, have no CSAT row

      ['email', 100],
    ],
  );
  const answers = await api('/api/metrics/drill?name=csat&channel=chat');
  assert.deepEqual(
    answers.body.responses.map((r: { score: number; caseId: string }) => [r.score, r.caseId]),
    [[2, 'K3']],
  );
});

test('managers only; a bad question is refused naming its field', async () => {
  assert.equal((await api(`/api/metrics?${PERIOD}`, agentToken)).status, 403);
  assert.equal((await api(`/api/metrics/drill?name=fcr&${PERIOD}`, agentToken)).status, 403);
  const unknown = await api('/api/metrics?names=cases,happiness');
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.errors[0].field, 'names');
  assert.match(unknown.body.errors[0].reason, /unknown metric: happiness/);
  const twoDimensions = await api('/api/metrics?by=channel,team');
  assert.equal(twoDimensions.body.errors[0].field, 'by');
  const backwards = await api('/api/metrics?from=2026-11-10&to=2026-11-01');
  assert.equal(backwards.body.errors[0].field, 'from');
  const both = await api('/api/metrics?by=channel&team=x');
  assert.equal(both.body.errors[0].field, 'team');
});

test('a new time zone counts every day again in it', async () => {
  const before = await api(`/api/metrics?names=cases,fcr,ttfr&by=day&from=2026-11-02&to=2026-11-05`);
  const changed = await http('PUT', `${server.url}/api/settings/metrics`, {
    token: manager,
    body: { timeZone: 'Pacific/Kiritimati' },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  // UTC+14: K1 (09:00 UTC on the 2nd) opens at 23:00 on the 2nd, K2 (10:00 UTC on the 3rd) at 00:00 on the 4th.
  const after = await api(`/api/metrics?names=cases&by=day&from=2026-11-02&to=2026-11-05`);
  assert.deepEqual(
    after.body.rows.map((row: { values: { cases: number } }) => row.values.cases),
    [1, 0, 2],
  );
  assert.deepEqual(
    before.body.rows.map((row: { values: { cases: number } }) => row.values.cases),
    [1, 1, 1],
  );
  const refused = await http('PUT', `${server.url}/api/settings/metrics`, {
    token: manager,
    body: { timeZone: 'Mars/Olympus' },
  });
  assert.equal(refused.status, 400);
  await http('PUT', `${server.url}/api/settings/metrics`, { token: manager, body: { timeZone: 'UTC' } });
});

test('a rebuild too big to count before answering is counted in the background; reads say how much is left', async () => {
  const db = server.running.db;
  const names = 'cases,fcr,backlog,resolved';
  const whole = await api(`/api/metrics?names=${names}&${PERIOD}`);
  assert.equal(whole.body.stillToCount, undefined, 'nothing to catch up');
  // A queue of three or more is a rebuild here (the app's line is 50,000); two subjects a round, held after each.
  let release: () => void = () => undefined;
  let rounds = 0;
  const held = new Promise<void>((resolve) => (release = resolve));
  configureMetricsCatchUp(db, {
    above: 3,
    round: 2,
    betweenRounds: async () => {
      rounds += 1;
      if (rounds === 1) await held;
    },
  });
  try {
    await rebuildMetrics(db);
    const queued = (await db.get<{ n: number }>('SELECT count(*) AS n FROM metric_dirty'))?.n ?? 0;
    assert.ok(queued > 3, `${queued} subjects queued by the rebuild`);
    // The first read starts the catch-up and answers at once from what is counted so far.
    const early = await api(`/api/metrics?names=${names}&${PERIOD}`);
    assert.equal(early.status, 200, JSON.stringify(early.body));
    assert.ok(early.body.stillToCount > 0, `still to count: ${early.body.stillToCount}`);
    const partial = await api(`/api/metrics?names=${names}&${PERIOD}`);
    assert.equal(partial.body.stillToCount, queued - 2, 'one round of two counted, then held');
    assert.ok(partial.body.total.values.cases <= whole.body.total.values.cases);

    release();
    let caughtUp = partial;
    for (let tries = 0; caughtUp.body.stillToCount !== undefined && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      caughtUp = await api(`/api/metrics?names=${names}&${PERIOD}`);
    }
    assert.equal(caughtUp.body.stillToCount, undefined, 'caught up');
    assert.deepEqual(caughtUp.body.total, whole.body.total, 'the same numbers as before the rebuild');
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM metric_dirty'))?.n, 0);
  } finally {
    release();
    configureMetricsCatchUp(db, { above: 50_000, round: 20_000, betweenRounds: undefined });
  }
});
