// Feedback health by source and team (issue 14: the black-hole rate "on a feedback dashboard, by team"), on a small
// hand-made set seeded through the real API: two ideas asked for by three customers (one answered), and two survey
// comments followed up with cases of the Returns team (one answered). The figures now, and as they will read once
// 7 days have passed, are worked out by hand below; what still waits links to its idea or case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { type SmtpRelay, startSmtpRelay } from './helpers/smtp-relay.ts';
import { feedbackHealth } from '../src/feedback/feedback-health.ts';

let server: TestServer;
let relay: SmtpRelay;
let manager: string;
let agent: string;
const DAY = 86_400_000;

before(async () => {
  relay = await startSmtpRelay();
  server = await startTestServer({ env: { RAPPORT_SMTP_URL: relay.url } });
  manager = await server.staffToken('manager');
  agent = await server.staffToken('agent');
});

after(async () => {
  await server.close();
  await relay.close();
});

const api = (method: string, path: string, token: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token, body });

let sources = 0;
async function customerWrites(email: string, text: string) {
  const posted = await api('POST', '/api/interactions', server.token, {
    interactions: [
      { customer: { email, name: email.split('@')[0] }, channel: 'email', text, sourceId: `m-${++sources}` },
    ],
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0] as { customerId: string; interactionId: string; caseId: string };
}

/** She answers the survey with a low score and a comment: a follow-up case opens. Returns that case's id. */
async function lowScoreWithComment(surveyId: string, customerId: string, comment: string): Promise<string> {
  const sent = await api('POST', `/api/surveys/${surveyId}/send`, agent, { customerId });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const form = await (await fetch(sent.body.url)).text();
  const submission = /name="submission" value="([^"]+)"/.exec(form)![1]!;
  const answered = await fetch(sent.body.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ submission, score: '2', why: comment }).toString(),
  });
  assert.equal(answered.status, 200);
  await server.settled();
  const responses = await api('GET', `/api/survey-responses?customerId=${customerId}`, agent);
  const followUpCaseId = responses.body.items[0].followUpCaseId as string;
  assert.ok(followUpCaseId, 'a low score with a comment opens a follow-up case');
  return followUpCaseId;
}

let gift: { id: string; number: number };
let dark: { id: string; number: number };
let eveCase: string;
let returnsId: string;

test('seeded: two ideas (one of three requests answered), two followed-up comments of Returns (one answered)', async () => {
  const team = await api('POST', '/api/teams', manager, { name: 'Returns' });
  assert.equal(team.status, 201, JSON.stringify(team.body));
  returnsId = team.body.id;

  const ann = await customerWrites('ann@example.com', 'Please add gift wrapping');
  const bo = await customerWrites('bo@example.com', 'Gift wrap, please');
  const cy = await customerWrites('cy@example.com', 'A dark mode for the shop?');
  const giftIdea = await api('POST', '/api/ideas', agent, {
    title: 'Gift wrapping',
    requester: { customerId: ann.customerId, interactionId: ann.interactionId },
  });
  assert.equal(giftIdea.status, 201, JSON.stringify(giftIdea.body));
  gift = giftIdea.body;
  await api('POST', `/api/ideas/${gift.id}/requesters`, agent, {
    customerId: bo.customerId,
    interactionId: bo.interactionId,
  });
  const darkIdea = await api('POST', '/api/ideas', agent, {
    title: 'Dark mode',
    requester: { customerId: cy.customerId, interactionId: cy.interactionId },
  });
  dark = darkIdea.body;
  const toAnn = await api('POST', `/api/ideas/${gift.id}/replies`, agent, {
    customerId: ann.customerId,
    text: 'Gift wrapping is planned, thank you!',
  });
  assert.equal(toAnn.status, 201, JSON.stringify(toAnn.body));

  const nps = await api('POST', '/api/surveys', manager, { name: 'NPS', kind: 'nps' });
  const dee = await customerWrites('dee@example.com', 'Hello');
  const eve = await customerWrites('eve@example.com', 'Hello');
  const deeCase = await lowScoreWithComment(nps.body.id, dee.customerId, 'Delivery took three weeks');
  eveCase = await lowScoreWithComment(nps.body.id, eve.customerId, 'The refund never came');
  for (const caseId of [deeCase, eveCase]) {
    const moved = await api('PATCH', `/api/cases/${caseId}`, manager, { teamId: returnsId });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  }
  const reply = await api('POST', `/api/cases/${deeCase}/replies`, agent, { text: 'Dee, I am sorry: here is why.' });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  // A reply counts once it is handed to the channel.
  await server.running.flushOutbox();
});

test('now: nothing is 7 days old, so no rate yet; answered and waiting by source and by team', async () => {
  const health = await api('GET', '/api/metrics/feedback?days=7', agent);
  assert.equal(health.status, 200, JSON.stringify(health.body));
  const counts = (figures: { judged: number; rate: number | null; waiting: number; answered: number }) => [
    figures.judged,
    figures.rate,
    figures.waiting,
    figures.answered,
  ];
  // Asks: Ann (answered), Bo, Cy (ideas); Dee (answered), Eve (comments). All younger than 7 days: none judged.
  assert.deepEqual(counts(health.body.overall), [0, null, 3, 2]);
  assert.deepEqual(counts(health.body.ideas), [0, null, 2, 1]);
  assert.deepEqual(counts(health.body.surveyComments), [0, null, 1, 1]);
  assert.ok(health.body.overall.medianReplyHours < 1, 'both answered within the hour');
  assert.deepEqual(
    health.body.byTeam.map((team: { teamName: string | null; waiting: number; answered: number }) => [
      team.teamName,
      team.waiting,
      team.answered,
    ]),
    [
      [null, 2, 1],
      ['Returns', 1, 1],
    ],
    'ideas belong to no team; the comments to the team of their follow-up case',
  );
  // Still waiting, oldest first: the gift idea (Bo), the dark mode idea (Cy), Eve's follow-up case.
  assert.deepEqual(
    health.body.stillWaiting.map(
      (item: {
        source: string;
        asks: number;
        overdue: boolean;
        idea: { number: number } | null;
        case: { id: string } | null;
      }) => [item.source, item.asks, item.overdue, item.idea?.number ?? item.case?.id],
    ),
    [
      ['idea', 1, false, gift.number],
      ['idea', 1, false, dark.number],
      ['survey_comment', 1, false, eveCase],
    ],
  );
  assert.equal(health.body.stillWaitingTotal, 3);
  assert.equal(health.body.stillWaiting[2].teamId, returnsId);
});

test('8 days on: every ask is judged; the unanswered three are black holes, 3 of 5', async () => {
  const now = Date.now();
  const later = await feedbackHealth(server.running.db, { days: 7, from: now - 90 * DAY, to: now + 1 }, now + 8 * DAY);
  // Judged 5 (all asked 8 days before); unanswered within 7 days: Bo, Cy, Eve → 3 / 5 = 0.6.
  assert.deepEqual(
    [later.overall.judged, later.overall.unanswered, later.overall.rate, later.overall.waiting],
    [5, 3, 0.6, 0],
  );
  // Ideas: Bo and Cy of Ann, Bo, Cy → 2 / 3. Comments: Eve of Dee, Eve → 1 / 2.
  assert.deepEqual([later.ideas.unanswered, later.ideas.judged], [2, 3]);
  assert.equal(later.surveyComments.rate, 0.5);
  const returns = later.byTeam.find((team) => team.teamId === returnsId)!;
  assert.deepEqual([returns.teamName, returns.judged, returns.unanswered, returns.rate], ['Returns', 2, 1, 0.5]);
  assert.deepEqual(
    later.stillWaiting.map((item) => item.overdue),
    [true, true, true],
    'still unanswered past 7 days: each counts in the rate',
  );
});
