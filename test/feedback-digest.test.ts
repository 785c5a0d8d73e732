// The feedback digest and feed (issue 14): a manager subscribes weekly; a week of feedback (a detractor's survey
// answer, an idea request, a board input) reaches her in one mail with the counts, the detractor's words and the top
// idea; not again until the next week; not at all once she stops it. The feed shows the same, newest first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { sendDueDigests } from '../src/feedback/index.ts';
import type { PlainMail } from '../src/shared/mail.ts';

let server: TestServer;
let manager: string;
before(async () => {
  server = await startTestServer();
  manager = await server.staffToken('manager');
});
after(async () => server.close());

const api = (method: string, path: string, body?: unknown, token = manager) =>
  http(method, `${server.url}${path}`, { token, body });

const sent: PlainMail[] = [];
const mailer = {
  sendMail: async (mail: PlainMail) => {
    sent.push(mail);
    return { externalId: `m${sent.length}` };
  },
};
const WEEK = 7 * 86_400_000;
const options = { company: 'Tote & Co', appUrl: 'https://cx.tote.example' };

test('a weekly digest with the week’s counts, a detractor’s words and the top idea; the feed', async () => {
  assert.deepEqual((await api('PUT', '/api/feedback/digest', { frequency: 'weekly' })).body, { frequency: 'weekly' });
  assert.deepEqual((await api('GET', '/api/feedback/digest')).body, { frequency: 'weekly' });

  const posted = await api(
    'POST',
    '/api/interactions',
    {
      interactions: [
        { customer: { email: 'ria@example.com', name: 'Ria Sen' }, channel: 'web', type: 'page_view', sourceId: 'd1' },
      ],
    },
    server.token,
  );
  const customerId = posted.body.results[0].customerId;
  const survey = await api('POST', '/api/surveys', { name: 'Relationship NPS', kind: 'nps' });
  const link = await api('POST', `/api/surveys/${survey.body.id}/send`, { customerId });
  const form = await (await fetch(link.body.url)).text();
  await fetch(link.body.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      submission: /name="submission" value="([^"]+)"/.exec(form)![1]!,
      score: '2',
      why: 'Checkout failed three times',
    }).toString(),
  });
  await api('POST', '/api/ideas', {
    title: 'Pay by bank transfer',
    requester: { customerId, text: 'Let me pay by transfer' },
  });
  const board = await api('POST', '/api/advisory-boards', { name: 'Council' });
  await api('POST', `/api/advisory-boards/${board.body.id}/inputs`, { customerId, text: 'More colours please' });
  await server.settled();

  const db = server.running.db;
  assert.equal(await sendDueDigests(db, mailer, options, Date.now() + 3 * 86_400_000), 0, 'the week has not run');
  const weekOn = Date.now() + WEEK + 60_000;
  assert.equal(await sendDueDigests(db, mailer, options, weekOn), 1);
  const [mail] = sent;
  assert.match(mail!.to.address, /^manager\d+@example\.com$/);
  assert.equal(mail!.subject, 'Feedback this week: 3 new');
  assert.match(mail!.text, /1 survey answers, 1 idea requests, 1 advisory board inputs\./);
  assert.match(mail!.text, /2 on “Relationship NPS”, Ria Sen: “Checkout failed three times”/);
  assert.match(mail!.text, /#1 Pay by bank transfer: 1 customers/);
  assert.equal(await sendDueDigests(db, mailer, options, weekOn + 60_000), 0, 'once a week');

  await api('PUT', '/api/feedback/digest', { frequency: null });
  assert.equal(await sendDueDigests(db, mailer, options, weekOn + 2 * WEEK), 0, 'stopped');

  const feed = await api('GET', '/api/feedback/feed?limit=10');
  assert.equal(feed.status, 200, JSON.stringify(feed.body));
  assert.deepEqual(
    feed.body.items.map((item: { kind: string; text: string }) => [item.kind, item.text]),
    [
      ['board_input', 'More colours please'],
      ['idea_request', 'Let me pay by transfer'],
      ['survey_answer', 'Checkout failed three times'],
    ],
  );
  assert.equal(feed.body.nextBefore, null);
});

test('paging the feed skips nothing when the items at a page’s end share their moment', async () => {
  const board = await api('POST', '/api/advisory-boards', { name: 'Tied council' });
  const ids: string[] = [];
  for (const text of ['Tied first', 'Tied second', 'Tied third']) {
    ids.push((await api('POST', `/api/advisory-boards/${board.body.id}/inputs`, { text })).body.id);
  }
  // An input recorded with its idea and the request it makes often share a millisecond; here two do, long ago.
  const db = server.running.db;
  const [first, second, third] = ids as [string, string, string];
  await db.run('UPDATE advisory_inputs SET at = ? WHERE id = ?', [2_000, first]);
  await db.run('UPDATE advisory_inputs SET at = ? WHERE id IN (?, ?)', [1_000, second, third]);

  const seen: string[] = [];
  let before: string | null = new Date(3_000).toISOString();
  for (let pages = 0; before !== null && pages < 5; pages++) {
    const page = await api('GET', `/api/feedback/feed?limit=2&before=${before}`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    seen.push(...page.body.items.map((item: { text: string }) => item.text));
    before = page.body.nextBefore;
  }
  assert.deepEqual(seen.slice(0, 1), ['Tied first']);
  assert.deepEqual(seen.slice(1).sort(), ['Tied second', 'Tied third']);
});
