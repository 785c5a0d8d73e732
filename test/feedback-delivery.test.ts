// The survey that ships switched on (CSAT after a resolved case), against a real SMTP relay: a resolved case's
// customer gets one invitation by email with one-click score links; her low score opens a follow-up case; the quiet
// period, history and customers without an address are left alone; a refusing mail server delays, never loses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { type SmtpRelay, startSmtpRelay } from './helpers/smtp-relay.ts';
import { deliverSurveyInvitations, inviteAfterEvents, inviteOnSchedule } from '../src/feedback/index.ts';

let server: TestServer;
let relay: SmtpRelay;
let relayed: SmtpRelay['relayed'];

before(async () => {
  relay = await startSmtpRelay();
  relayed = relay.relayed;
  server = await startTestServer({
    env: {
      RAPPORT_SMTP_URL: relay.url,
      RAPPORT_COMPANY_NAME: 'Tote & Co',
      RAPPORT_PUBLIC_URL: 'https://cx.tote.example',
    },
  });
  // The first look marks where the survey starts: nothing resolved before is news.
  await server.running.sendSurveys();
});

after(async () => {
  await server.close();
  await relay.close();
});

const api = (method: string, path: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token: server.token, body });

let messages = 0;
/** A customer's email through the native API; returns its case. */
async function write(customer: Record<string, unknown>, text: string, extra: Record<string, unknown> = {}) {
  const posted = await api('POST', '/api/interactions', {
    interactions: [{ customer, channel: 'email', text, sourceId: `mail-${++messages}`, ...extra }],
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0] as { caseId: string; customerId: string };
}

async function resolve(caseId: string) {
  const changed = await api('PATCH', `/api/cases/${caseId}`, { status: 'resolved' });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
}

test('a resolved case’s customer is asked once, by email, and her low score opens a follow-up case', async () => {
  const { caseId, customerId } = await write(
    { email: 'jane@example.com', name: 'Jane Doe' },
    'My tote strap tore on day one',
    { properties: { subject: 'Torn strap' } },
  );
  await resolve(caseId);
  await server.running.sendSurveys();
  await server.running.sendSurveys();
  assert.equal(relayed.length, 1, 'one invitation, however often the sweep looks');
  const [mail] = relayed;
  assert.match(mail!.to, /jane@example\.com/);
  assert.match(mail!.subject, /^How did we do with “Torn strap”\? \[#\d+\]$/);
  assert.match(mail!.text, /^Hello Jane,/);
  assert.match(mail!.text, /How satisfied are you with the help you got\?/);
  const link = /Or open the questions here: (\S+)/.exec(mail!.text)![1]!;
  assert.match(link, /^https:\/\/cx\.tote\.example\/s\/sv_[\w-]{32}$/);
  assert.match(mail!.text, new RegExp(`1 \\(Very unsatisfied\\): ${link.replace(/[.?]/g, '\\$&')}\\?score=1`));

  // She answers through this server (the public address stands for it).
  const local = link.replace('https://cx.tote.example', server.url);
  const form = await (await fetch(`${local}?score=1`)).text();
  const submission = /name="submission" value="([^"]+)"/.exec(form)![1]!;
  const answered = await fetch(local, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ submission, score: '1', why: 'The replacement never came' }).toString(),
  });
  assert.match(await answered.text(), /Someone from Tote &amp; Co will get in touch/);
  await server.settled();
  const surveys = await api('GET', '/api/surveys');
  const csat = surveys.body.items.find((survey: { trigger: { on: string } }) => survey.trigger.on === 'case_resolved');
  const responses = await api('GET', `/api/surveys/${csat.id}/responses`);
  const [response] = responses.body.items;
  assert.deepEqual([response.customerId, response.caseId, response.score], [customerId, caseId, 1]);
  assert.ok(response.followUpCaseId && response.followUpCaseId !== caseId, 'a new case, so that someone reaches out');
  assert.equal(responses.body.summary.score, 0, 'CSAT: none of one answer was 4 or 5');
  const aboutCase = await api('GET', `/api/survey-responses?caseId=${caseId}`);
  assert.deepEqual(
    aboutCase.body.items.map((answer: { score: number; band: string; comment: string }) => [
      answer.score,
      answer.band,
      answer.comment,
    ]),
    [[1, 'unsatisfied', 'The replacement never came']],
    'the case shows what she answered about it',
  );
  const ofHer = await api('GET', `/api/survey-responses?customerId=${customerId}`);
  assert.equal(ofHer.body.items[0].survey.name, 'Satisfaction after a resolved case');
  assert.equal((await api('GET', '/api/survey-responses')).status, 400);

  // Within her quiet period a second resolved case asks nothing.
  const second = await write({ email: 'jane@example.com' }, 'Also, can I change my delivery address?', {
    properties: { subject: 'Address change' },
  });
  await resolve(second.caseId);
  await server.running.sendSurveys();
  assert.equal(relayed.length, 1);
});

test('history, customers without an address, and a refusing mail server', async () => {
  const before = relayed.length;
  // An old thread imported as history: closed when it arrived, long resolved; not news to survey about.
  await write({ email: 'old@example.com' }, 'Where is my order from 2019?', {
    occurredAt: '2019-03-01T10:00:00Z',
    properties: { historical: true },
  });
  // A customer known by a social handle only.
  const social = await api('POST', '/api/interactions', {
    interactions: [
      { customer: { handles: { x: 'nomail' } }, channel: 'social', text: 'Help please', sourceId: 'post-1' },
    ],
  });
  await resolve(social.body.results[0].caseId);
  await server.running.sendSurveys();
  assert.equal(relayed.length, before, 'nobody to ask');

  relay.refusing = true;
  const { caseId } = await write({ email: 'kim@example.com', name: 'Kim' }, 'Wrong size sent', {
    properties: { subject: 'Wrong size' },
  });
  await resolve(caseId);
  await server.running.sendSurveys();
  assert.equal(relayed.length, before, 'the server refused it');
  relay.refusing = false;
  await server.running.sendSurveys();
  assert.equal(relayed.length, before, 'tried again only after a wait');
  const report = await deliverSurveyInvitations(
    server.running.db,
    server.running.channels.mailer(),
    { company: 'Tote & Co', publicUrl: 'https://cx.tote.example' },
    Date.now() + 61_000,
  );
  assert.deepEqual(report, { sent: 1, retrying: 0, failed: 0 });
  assert.match(relayed.at(-1)!.subject, /Wrong size/);
});

test('N days after an event: each order that reached its days is asked about once; orders from before the survey are not', async () => {
  const created = await api('POST', '/api/surveys', {
    name: 'How are the boots?',
    kind: 'csat',
    trigger: { on: 'event', event: 'Order Completed', afterDays: 3 },
    quietDays: 0,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const order = (email: string, sourceId: string, occurredAt?: string) => ({
    customer: { email, name: 'Lee Park' },
    channel: 'order',
    type: 'track',
    event: 'Order Completed',
    properties: { total: 90 },
    sourceId,
    ...(occurredAt ? { occurredAt } : {}),
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const posted = await api('POST', '/api/interactions', {
    interactions: [order('lee@example.com', 'o-new'), order('old@example.com', 'o-2019', '2019-05-01T10:00:00Z')],
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  await server.settled();
  const db = server.running.db;
  assert.equal(await inviteAfterEvents(db, Date.now() + 2 * 86_400_000), 0, 'two days after: not yet');
  const fourDaysOn = Date.now() + 4 * 86_400_000;
  assert.equal(await inviteAfterEvents(db, fourDaysOn), 1, 'the new order only');
  assert.equal(await inviteAfterEvents(db, fourDaysOn + 60_000), 0, 'once');
  const before = relayed.length;
  await deliverSurveyInvitations(
    db,
    server.running.channels.mailer(),
    { company: 'Tote & Co', publicUrl: 'https://cx.tote.example' },
    fourDaysOn,
  );
  assert.equal(relayed.length, before + 1);
  assert.deepEqual(
    [relayed.at(-1)!.subject, /lee@example\.com/.test(relayed.at(-1)!.to)],
    ['Tote & Co: a quick question', true],
  );
  assert.match(relayed.at(-1)!.text, /^Hello Lee,/);
});

test('every 90 days to a segment: the VIPs are invited once a round, and again the next round', async () => {
  const created = await api('POST', '/api/surveys', {
    name: 'VIP relationship NPS',
    kind: 'nps',
    trigger: { on: 'periodic', everyDays: 90, flag: 'vip' },
    quietDays: 0,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const bigOrder = (email: string, total: number) => ({
    customer: { email },
    channel: 'order',
    type: 'track',
    event: 'Order Completed',
    properties: { total },
    sourceId: `periodic-${email}`,
  });
  // The VIP rule flags 1,000 USD of orders and more.
  await api('POST', '/api/interactions', {
    interactions: [bigOrder('vip@example.com', 2500), bigOrder('small@example.com', 20)],
  });
  await server.settled();
  const db = server.running.db;
  const now = Date.now();
  assert.equal(await inviteOnSchedule(db, now), 1, 'the one VIP');
  assert.equal(await inviteOnSchedule(db, now + 60_000), 0, 'once a round');
  assert.equal(await inviteOnSchedule(db, now + 91 * 86_400_000), 1, 'the next round');
});
