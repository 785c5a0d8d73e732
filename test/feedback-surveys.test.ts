// Surveys end to end (issue 14): a manager defines an NPS survey, an agent sends it, the customer answers on the
// public page without signing in; the answer lands on her timeline (its comment read by listening), a detractor's
// score opens a follow-up case, and the responses give the NPS worked out by hand. Links cannot be forged, reused or
// used after expiry; partial answers are kept; a form sent twice is one answer; erasure takes the answers too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { inviteCustomer } from '../src/feedback/service.ts';

let server: TestServer;
let manager: string;
let agent: string;
before(async () => {
  server = await startTestServer({ env: { RAPPORT_COMPANY_NAME: 'Acme <Outdoor>' } });
  manager = await server.staffToken('manager');
  agent = await server.staffToken('agent');
});
after(async () => server.close());

const api = (method: string, path: string, token: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token, body });

let customers = 0;
/** A customer known by an order she placed; returns her id. */
async function customer(): Promise<string> {
  const posted = await api('POST', '/api/interactions', server.token, {
    interactions: [
      {
        customer: { email: `buyer${++customers}@example.com`, name: `Buyer ${customers}` },
        channel: 'order',
        type: 'track',
        event: 'Order Completed',
        sourceId: `order-${customers}`,
      },
    ],
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0].customerId;
}

/** The public page as a browser without script sees it: GET, then POST the form's fields url-encoded. */
async function openForm(url: string) {
  const page = await fetch(url);
  return { status: page.status, html: await page.text() };
}

function submissionOf(html: string): string {
  return /name="submission" value="([^"]+)"/.exec(html)![1]!;
}

async function answer(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text() };
}

let nps: { id: string; questions: Array<{ id: string; type: string }> };

test('a manager defines an NPS survey with the default questions; bad definitions are refused beside their field', async () => {
  const created = await api('POST', '/api/surveys', manager, { name: 'Relationship NPS <2026>', kind: 'nps' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  nps = created.body;
  assert.deepEqual(
    created.body.questions.map((question: { id: string; type: string }) => [question.id, question.type]),
    [
      ['score', 'score'],
      ['why', 'text'],
    ],
  );
  assert.deepEqual(created.body.followUp, { enabled: true, scoreAtMost: 6, priority: 'high' });
  assert.deepEqual(created.body.trigger, { on: 'manual' });

  const twoScores = await api('POST', '/api/surveys', manager, {
    name: 'Broken',
    kind: 'csat',
    questions: [
      { id: 'a', type: 'score', prompt: 'One?' },
      { id: 'b', type: 'score', prompt: 'Two?' },
    ],
  });
  assert.equal(twoScores.status, 400);
  assert.match(JSON.stringify(twoScores.body.errors), /exactly one score question/);
  const offScale = await api('POST', '/api/surveys', manager, {
    name: 'Broken',
    kind: 'csat',
    followUp: { enabled: true, scoreAtMost: 6, priority: 'high' },
  });
  assert.equal(offScale.status, 400);
  assert.equal(offScale.body.errors[0].field, 'followUp.scoreAtMost');
  assert.equal((await api('POST', '/api/surveys', agent, { name: 'Mine', kind: 'nps' })).status, 403);
  const listed = await api('GET', '/api/surveys', agent);
  assert.deepEqual(
    listed.body.items.map((survey: { name: string; trigger: { on: string } }) => [survey.name, survey.trigger.on]),
    [
      ['Satisfaction after a resolved case', 'case_resolved'],
      ['Relationship NPS <2026>', 'manual'],
    ],
    'CSAT after a resolved case ships switched on',
  );
});

test('a detractor answers on the public page: timeline, listening, a follow-up case, and the NPS', async () => {
  const customerId = await customer();
  const sent = await api('POST', `/api/surveys/${nps.id}/send`, agent, { customerId });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.match(sent.body.url, new RegExp(`^${server.url}/s/sv_[\\w-]{32}$`));

  const again = await api('POST', `/api/surveys/${nps.id}/send`, agent, { customerId });
  assert.equal(again.status, 409, 'the quiet period protects her from a second survey');
  assert.match(again.body.detail, /waits 30 days between surveys/);

  const form = await openForm(`${sent.body.url}?score=3`);
  assert.equal(form.status, 200);
  assert.match(form.html, /How likely are you to recommend Acme &lt;Outdoor&gt; to a friend or colleague\?/);
  assert.doesNotMatch(form.html, /<Outdoor>/, 'everything shown is escaped');
  assert.match(form.html, /value="3" checked/, 'the score from the email link is chosen, not yet sent');

  const answered = await answer(sent.body.url, {
    submission: submissionOf(form.html),
    score: '3',
    why: 'The tent leaked on the first night and nobody answered my two emails. Very disappointed.',
  });
  assert.equal(answered.status, 200, answered.html);
  assert.match(answered.html, /Someone from Acme &lt;Outdoor&gt; will get in touch/);
  await server.settled();

  const timeline = await api('GET', `/api/customers/${customerId}/timeline`, agent);
  const response = timeline.body.items.find((item: { type: string }) => item.type === 'survey_response');
  assert.equal(response.channel, 'survey');
  assert.deepEqual([response.properties.score, response.properties.band], [3, 'detractor']);
  assert.equal(response.insight.sentiment, 'negative', 'the comment is read by listening');

  const responses = await api('GET', `/api/surveys/${nps.id}/responses`, manager);
  assert.equal(responses.status, 200, JSON.stringify(responses.body));
  const [item] = responses.body.items;
  assert.deepEqual(
    [item.customerId, item.score, item.band, item.complete, item.comment],
    [
      customerId,
      3,
      'detractor',
      true,
      'The tent leaked on the first night and nobody answered my two emails. Very disappointed.',
    ],
  );
  const followUp = await api('GET', `/api/cases/${item.followUpCaseId}`, agent);
  assert.deepEqual(
    [followUp.body.channel, followUp.body.priority, followUp.body.customerId, followUp.body.status],
    ['survey', 'high', customerId, 'new'],
  );
  assert.match(followUp.body.subject, /Follow up: NPS 3 on “Relationship NPS <2026>”/);

  const reused = await answer(sent.body.url, { submission: 'another-form-1', score: '10' });
  assert.match(reused.html, /You have already answered/, 'a used link is used');
  const audit = await api('GET', `/api/audit?action=survey.responses_viewed&customerId=${customerId}`, server.token);
  assert.equal(audit.body.items.length, 1, 'the manager’s reading of her answer is in the trail');
});

test('NPS, distribution and response rate are worked out from the answers: 2 promoters, 1 passive, 2 detractors', async () => {
  const survey = (await api('POST', '/api/surveys', manager, { name: 'Counted NPS', kind: 'nps', quietDays: 0 })).body;
  for (const score of ['10', '9', '7', '6', '0']) {
    const sent = await api('POST', `/api/surveys/${survey.id}/send`, agent, { customerId: await customer() });
    const form = await openForm(sent.body.url);
    assert.equal((await answer(sent.body.url, { submission: submissionOf(form.html), score })).status, 200);
  }
  await api('POST', `/api/surveys/${survey.id}/send`, agent, { customerId: await customer() });
  await server.settled();
  const { summary } = (await api('GET', `/api/surveys/${survey.id}/responses`, manager)).body;
  // (2 promoters − 2 detractors) / 5 = 0; five of six invited answered.
  assert.deepEqual(summary, {
    invited: 6,
    responses: 5,
    complete: 5,
    responseRate: 5 / 6,
    score: 0,
    distribution: [
      { score: 0, count: 1 },
      { score: 6, count: 1 },
      { score: 7, count: 1 },
      { score: 9, count: 1 },
      { score: 10, count: 1 },
    ],
  });
});

test('a partial answer is kept and the open question asked alone; a form sent twice is one answer', async () => {
  const csat = (await api('POST', '/api/surveys', manager, { name: 'Store visit CSAT', kind: 'csat', quietDays: 0 }))
    .body;
  const customerId = await customer();
  const sent = await api('POST', `/api/surveys/${csat.id}/send`, agent, { customerId });
  const form = await openForm(sent.body.url);
  const submission = submissionOf(form.html);
  const partial = await answer(sent.body.url, { submission, score: '', why: 'Friendly staff at the till' });
  assert.equal(partial.status, 200);
  assert.match(partial.html, /one more thing/);
  assert.match(partial.html, /How satisfied are you/);
  assert.doesNotMatch(partial.html, /What is the main reason/, 'what she answered is not asked again');
  // The same form again (a retry): the same answer, stored once.
  await answer(sent.body.url, { submission, score: '', why: 'Friendly staff at the till' });
  await server.settled();
  let stored = (await api('GET', `/api/surveys/${csat.id}/responses`, manager)).body.items[0];
  assert.deepEqual([stored.complete, stored.score, stored.comment], [false, null, 'Friendly staff at the till']);

  const rest = await answer(sent.body.url, { submission: submissionOf(partial.html), score: '5' });
  assert.match(rest.html, /Thank you\./);
  await server.settled();
  stored = (await api('GET', `/api/surveys/${csat.id}/responses`, manager)).body.items[0];
  assert.deepEqual([stored.complete, stored.score, stored.comment], [true, 5, 'Friendly staff at the till']);
  assert.equal(stored.followUpCaseId, null, 'a satisfied customer opens no case');
  const timeline = await api('GET', `/api/customers/${customerId}/timeline`, agent);
  assert.equal(
    timeline.body.items.filter((item: { type: string }) => item.type === 'survey_response').length,
    2,
    'two submissions, the retried one once',
  );
});

test('forged, mistyped and expired links get a friendly page; bad answers are shown back', async () => {
  const forged = await openForm(`${server.url}/s/sv_${'A'.repeat(32)}`);
  assert.equal(forged.status, 404);
  assert.match(forged.html, /could not find this survey/);
  assert.equal((await openForm(`${server.url}/s/whatever`)).status, 404);

  const customerId = await customer();
  const old = await inviteCustomer(
    server.running.db,
    nps.id,
    { customerId },
    server.url,
    Date.now() - 15 * 24 * 3600_000,
  );
  const expired = await openForm(old.url);
  assert.equal(expired.status, 410);
  assert.match(expired.html, /This survey has closed/);
  assert.equal((await answer(old.url, { submission: 'late-answer-1', score: '9' })).status, 410);

  const sent = await api('POST', `/api/surveys/${nps.id}/send`, agent, { customerId, ignoreQuietPeriod: true });
  const wrong = await answer(sent.body.url, { submission: 'bad-answer-1', score: '11', why: '<b>hi</b>' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.html, /Choose a number from 0 to 10/);
  assert.match(wrong.html, /&lt;b&gt;hi&lt;\/b&gt;/, 'what she typed is shown back, escaped');
});

test('her answers are in her export and go with her erasure', async () => {
  const customerId = await customer();
  const sent = await api('POST', `/api/surveys/${nps.id}/send`, agent, { customerId });
  const form = await openForm(sent.body.url);
  await answer(sent.body.url, { submission: submissionOf(form.html), score: '9', why: 'Great boots' });
  await server.settled();
  const exported = await api('GET', `/api/customers/${customerId}/export`, server.token);
  assert.deepEqual(
    exported.body.surveyResponses.map((response: { score: number; comment: string }) => [
      response.score,
      response.comment,
    ]),
    [[9, 'Great boots']],
  );
  const erased = await api('DELETE', `/api/customers/${customerId}`, server.token);
  assert.equal(erased.status, 200, JSON.stringify(erased.body));
  const after = (await api('GET', `/api/surveys/${nps.id}/responses`, manager)).body.items;
  assert.equal(
    after.some((response: { customerId: string }) => response.customerId === customerId),
    false,
  );
  assert.equal((await openForm(sent.body.url)).status, 404, 'her link is gone with her');
});
