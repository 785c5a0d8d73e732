// The drill-down as CSV (the dashboard's "Download CSV" under every list): the same cases, answers or gestures as
// the JSON, with what each counts, teams and staff by name, all of them rather than the first 500. Over the
// hand-made dataset of test/helpers/metrics-dataset.ts; every line below is read off its table.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { drillInto } from '../src/metrics/drill.ts';
import { dateToDay } from '../src/metrics/model.ts';
import { SYSTEM_ACTOR } from '../src/shared/actor.ts';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { PERIOD, type SeededMetrics, seedMetricsDataset } from './helpers/metrics-dataset.ts';

let server: TestServer;
let manager: string;
let agentToken: string;
let seeded: SeededMetrics;

const range = `from=${PERIOD.from}&to=${PERIOD.to}`;

async function csv(
  path: string,
  token = manager,
): Promise<{ status: number; type: string; name: string; text: string }> {
  const answer = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: answer.status,
    type: answer.headers.get('content-type') ?? '',
    name: answer.headers.get('content-disposition') ?? '',
    text: await answer.text(),
  };
}

before(async () => {
  server = await startTestServer();
  manager = await server.staffToken('manager'); // "manager 1": X
  agentToken = await server.staffToken('agent'); // "agent 2": Y
  const staff = await server.running.db.all<{ id: string; role: string }>(
    `SELECT id, role FROM staff WHERE role IN ('manager', 'agent')`,
  );
  seeded = await seedMetricsDataset(server, manager, {
    X: staff.find((s) => s.role === 'manager')!.id,
    Y: staff.find((s) => s.role === 'agent')!.id,
  });
});

after(() => server?.close());

test('first-contact resolution: the resolved cases, newest first, each with yes or no', async () => {
  const answer = await csv(`/api/metrics/drill?name=fcr&format=csv&${range}`);
  assert.equal(answer.status, 200, answer.text);
  assert.match(answer.type, /^text\/csv/);
  assert.equal(answer.name, 'attachment; filename="fcr-2026-11-02-2026-11-16.csv"');
  // Resolved in the period: K1, K2, K3 and K6 (opened before it); K2 took two contacts.
  assert.equal(
    answer.text,
    [
      'number,subject,status,channel,team,agent,reason,opened_at,resolved_on_first_contact',
      '9003,Case K3,resolved,chat,Billing,agent 2,refund,2026-11-04T08:00:00.000Z,yes',
      '9002,Case K2,resolved,email,Support,manager 1,delivery,2026-11-03T10:00:00.000Z,no',
      '9001,Case K1,resolved,email,Support,manager 1,refund,2026-11-02T09:00:00.000Z,yes',
      '9006,Case K6,resolved,email,Support,manager 1,refund,2026-10-30T10:00:00.000Z,yes',
      '',
    ].join('\n'),
  );
  const json = await http('GET', `${server.url}/api/metrics/drill?name=fcr&${range}`, { token: manager });
  assert.deepEqual(
    json.body.cases.map((c: { number: number }) => c.number),
    [9003, 9002, 9001, 9006],
    'the JSON lists the same cases in the same order',
  );
});

test('durations in seconds, longest first; a filter narrows the lines; cases with nothing of their own', async () => {
  const ttfr = await csv(`/api/metrics/drill?name=ttfr&team=${seeded.teams.B}&format=csv&${range}`);
  // Billing's cases opened in the period and answered: K3 (300 s), K4 (1200 s).
  assert.deepEqual(ttfr.text.trim().split('\n'), [
    'number,subject,status,channel,team,agent,reason,opened_at,first_response_seconds',
    '9004,Case K4,open,chat,Billing,agent 2,billing,2026-11-10T14:00:00.000Z,1200',
    '9003,Case K3,resolved,chat,Billing,agent 2,refund,2026-11-04T08:00:00.000Z,300',
  ]);
  const backlog = await csv(`/api/metrics/drill?name=backlog&format=csv&${range}`);
  // Open at the end: K5 (no agent, no reason) and K4; a case in the backlog counts nothing more than being there.
  assert.deepEqual(backlog.text.trim().split('\n'), [
    'number,subject,status,channel,team,agent,reason,opened_at',
    '9005,Case K5,new,social,Support,,,2026-11-11T09:00:00.000Z',
    '9004,Case K4,open,chat,Billing,agent 2,billing,2026-11-10T14:00:00.000Z',
  ]);
});

test('gestures in the currency’s units, by who gave them; the pending one is not there', async () => {
  const spend = await csv(`/api/metrics/drill?name=gesture_spend&format=csv&${range}`);
  assert.equal(
    spend.text,
    [
      'issued_at,kind,amount,currency,issued_by,case_id,customer_id',
      `2026-11-04T09:00:00.000Z,refund,10,EUR,agent 2,K3,${seeded.customers.ada}`,
      `2026-11-02T12:00:00.000Z,credit,25,USD,manager 1,K1,${seeded.customers.ada}`,
      '',
    ].join('\n'),
  );
});

test('the JSON lists the first 500 (here: a limit of 1) while the total counts all; the CSV is for managers', async () => {
  const limited = await drillInto(
    server.running.db,
    { name: 'fcr', fromDay: dateToDay(PERIOD.from), toDay: dateToDay(PERIOD.to), filter: null, limit: 1 },
    SYSTEM_ACTOR,
  );
  assert.equal(limited.total, 4);
  assert.equal(limited.source === 'case' && limited.cases.length, 1);
  assert.equal((await csv(`/api/metrics/drill?name=fcr&format=csv&${range}`, agentToken)).status, 403);
  const wrong = await http('GET', `${server.url}/api/metrics/drill?name=fcr&format=xml&${range}`, { token: manager });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.errors[0].field, 'format');
});
