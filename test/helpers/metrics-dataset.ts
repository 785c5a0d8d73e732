// A small hand-made CX dataset for the dashboard's tests (the API's and the browser's): seven cases written by
// SQL with every time that matters, as test/metrics.test.ts does, and three gestures, across two weeks of
// November 2026 (UTC) and the two weeks before. The numbers each test expects are worked out from this table.
import assert from 'node:assert/strict';
import { http, type TestServer } from './server.ts';

//  case  channel team     agent  reason    opened       1st response     resolved                SLA (first response, resolution)
//  K1    email   Support  X      refund    11-02 09:00  09:30 (1800 s)   11-02 11:00 (7200 s)    met, met          fcr 1, 1 contact
//  K2    email   Support  X      delivery  11-03 10:00  12:00 (7200 s)   11-05 10:00 (172800 s)  late, late        fcr 0, 2 contacts, reopened
//  K3    chat    Billing  Y      refund    11-04 08:00  08:05 (300 s)    11-04 08:30 (1800 s)    met, met          fcr 1, repeat of K1
//  K4    chat    Billing  Y      billing   11-10 14:00  14:20 (1200 s)   open                    met, running
//  K5    social  Support  —      —         11-11 09:00  none             new                     breach recorded
//  K6    email   Support  X      refund    10-30 10:00  10:10 (600 s)    11-03 10:00 (345600 s)  —                 fcr 1 (opened before)
//  K7    email   Support  X      refund    10-20 10:00  10:30 (1800 s)   10-25 10:00 (432000 s)  —                 fcr 1 (the period before)
//
//  gesture  case  by  issued        amount     status
//  g1       K1    X   11-02 12:00   USD 25.00  issued
//  g2       K3    Y   11-04 09:00   EUR 10.00  issued
//  g3       K3    Y   11-04 09:30   USD 99.00  pending: not given, counts nowhere
export const PERIOD = { from: '2026-11-02', to: '2026-11-16' } as const;
/** The 14 days before PERIOD: what compare=previous reads. */
export const PREVIOUS = { from: '2026-10-19', to: '2026-11-02' } as const;

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
];

/** Case numbers, as the case pages show them: K1 is 9001 … K7 is 9007. */
export const caseNumber = (id: string) => 9000 + Number(id.slice(1));

export interface SeededMetrics {
  teams: { A: string; B: string };
  customers: Record<string, string>;
}

const at = (iso: string) => Date.parse(iso);

/**
 * Seeds the table. `token` may create teams (a manager's); X and Y are the staff ids the cases are assigned to.
 * Team A is the default team ("Support"); team B is created as "Billing".
 */
export async function seedMetricsDataset(
  server: TestServer,
  token: string,
  agents: { X: string; Y: string },
): Promise<SeededMetrics> {
  const db = server.running.db;
  const support = await db.get<{ id: string }>('SELECT id FROM teams WHERE is_default = 1');
  const created = await http('POST', `${server.url}/api/teams`, { token, body: { name: 'Billing' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const teams = { A: support!.id, B: created.body.id as string };
  const customers: Record<string, string> = {};
  for (const who of ['ada', 'ben', 'cleo', 'dora', 'emil']) {
    const posted = await http('POST', `${server.url}/api/interactions`, {
      token: server.token,
      body: {
        interactions: [
          {
            customer: { email: `${who}@example.com`, name: who },
            channel: 'order',
            type: 'track',
            event: 'Order Completed',
            sourceId: `order-${who}`,
          },
        ],
      },
    });
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
    customers[who] = posted.body.results[0].customerId;
  }
  for (const c of CASES) {
    await db.run(
      `INSERT INTO cases (id, number, customer_id, subject, channel, status, priority, reason, assignee_id, team_id,
         opened_at, first_response_at, resolved_at, first_response_due_at, resolution_due_at, reopen_count,
         contact_count, repeat_of, first_contact_resolution, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.id,
        caseNumber(c.id),
        customers[c.who]!,
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
    `INSERT INTO gestures (id, case_id, customer_id, kind, amount, currency, reason, status, issued_by, created_at)
     VALUES ('g1', 'K1', ?, 'credit', 2500, 'USD', 'New bag', 'issued', ?, ?),
            ('g2', 'K3', ?, 'refund', 1000, 'EUR', 'Late parcel', 'issued', ?, ?),
            ('g3', 'K3', ?, 'refund', 9900, 'USD', 'Waiting for approval', 'pending', ?, ?)`,
    [
      customers.ada!,
      agents.X,
      at('2026-11-02T12:00:00Z'),
      customers.ada!,
      agents.Y,
      at('2026-11-04T09:00:00Z'),
      customers.ada!,
      agents.Y,
      at('2026-11-04T09:30:00Z'),
    ],
  );
  return { teams, customers };
}
