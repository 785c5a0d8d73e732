// The feedback health page in headless Chromium: N chosen from 7, 14 or 30 days (kept in the address), the figures
// overall, by source and by team read exactly as GET /api/metrics/feedback answers for that N, and what still waits
// linked to its idea or case. Seeded: an idea asked for 10 days ago and never answered, one answered today, and a
// survey comment followed up by the Returns team, not answered yet.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { createIdea } from '../../src/feedback/idea-service.ts';
import { SYSTEM_ACTOR } from '../../src/shared/actor.ts';
import { type BrowserSession, openBrowser, seriousAxeViolations, signIn } from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let agent: string;
let oldIdeaNumber: number;
const DAY = 86_400_000;

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

before(async () => {
  server = await startTestServer();
  agent = await server.staffToken('agent'); // agent1@example.com
  const manager = await server.staffToken('manager');
  const team = await api('POST', '/api/teams', manager, { name: 'Returns' });
  assert.equal(team.status, 201, JSON.stringify(team.body));

  // Asked 10 days ago, never answered: past 7 days a black hole, within 14 still waiting.
  const ann = await customerWrites('ann@example.com', 'Please add gift wrapping');
  const old = await createIdea(
    server.running.db,
    { title: 'Gift wrapping', requester: { customerId: ann.customerId, interactionId: ann.interactionId } },
    SYSTEM_ACTOR,
    Date.now() - 10 * DAY,
  );
  oldIdeaNumber = old.number;
  // Asked and answered today.
  const bo = await customerWrites('bo@example.com', 'A dark mode, please');
  const dark = await api('POST', '/api/ideas', agent, {
    title: 'Dark mode',
    requester: { customerId: bo.customerId, interactionId: bo.interactionId },
  });
  assert.equal(dark.status, 201, JSON.stringify(dark.body));
  const replied = await api('POST', `/api/ideas/${dark.body.id}/replies`, agent, {
    customerId: bo.customerId,
    text: 'It is planned, thank you!',
  });
  assert.equal(replied.status, 201, JSON.stringify(replied.body));
  // A low score with a comment today: a follow-up case, moved to Returns, not answered yet.
  const nps = await api('POST', '/api/surveys', manager, { name: 'NPS', kind: 'nps' });
  const eve = await customerWrites('eve@example.com', 'Hello');
  const sent = await api('POST', `/api/surveys/${nps.body.id}/send`, agent, { customerId: eve.customerId });
  const form = await (await fetch(sent.body.url)).text();
  const submission = /name="submission" value="([^"]+)"/.exec(form)![1]!;
  await fetch(sent.body.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ submission, score: '2', why: 'The refund never came' }).toString(),
  });
  await server.settled();
  const answers = await api('GET', `/api/survey-responses?customerId=${eve.customerId}`, agent);
  const followUp = answers.body.items[0].followUpCaseId;
  assert.ok(followUp, 'a follow-up case');
  assert.equal((await api('PATCH', `/api/cases/${followUp}`, manager, { teamId: team.body.id })).status, 200);

  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, 'agent1@example.com', 'a long enough password');
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

interface Figures {
  judged: number;
  unanswered: number;
  rate: number | null;
  waiting: number;
  answered: number;
  medianReplyHours: number | null;
}

/** The cells of a table row: name, rate, answered, waiting, median. */
async function rowCells(testId: string, key: string): Promise<string[]> {
  const row = page.getByTestId(testId).locator(`tr[data-key="${key}"]`);
  return [await row.locator('th').innerText(), ...(await row.locator('td').allInnerTexts())];
}

/** A row says what the API says: `unanswered of judged` (a dash while none is judged), answered, waiting. */
function assertRowIs(cells: string[], figures: Figures, what: string) {
  const [, rate, answered, waiting, median] = cells;
  if (figures.rate === null) assert.equal(rate, '—', what);
  else assert.match(rate!, new RegExp(`\\(${figures.unanswered} of ${figures.judged}\\)$`), what);
  assert.equal(answered, String(figures.answered), what);
  assert.equal(waiting, String(figures.waiting), what);
  assert.equal(median === '—', figures.medianReplyHours === null, what);
}

async function assertPageIsApi(days: number) {
  const metrics = (await api('GET', `/api/metrics/feedback?days=${days}`, agent)).body;
  await page.getByTestId('overall-waiting').getByText(String(metrics.overall.waiting), { exact: true }).waitFor();
  assert.equal(await page.getByTestId('overall-answered').innerText(), String(metrics.overall.answered));
  assertRowIs(await rowCells('health-by-source', 'ideas'), metrics.ideas, 'ideas');
  assertRowIs(await rowCells('health-by-source', 'survey-comments'), metrics.surveyComments, 'survey comments');
  assertRowIs(await rowCells('health-by-source', 'all'), metrics.overall, 'all');
  for (const team of metrics.byTeam as Array<Figures & { teamId: string | null; teamName: string | null }>) {
    const cells = await rowCells('health-by-team', team.teamId ?? 'none');
    assert.equal(cells[0], team.teamName ?? 'No team');
    assertRowIs(cells, team, `team ${team.teamName}`);
  }
  assert.equal(
    await page.getByTestId('health-by-team').locator('tbody tr').count(),
    metrics.byTeam.length,
    'one row per team the API names',
  );
  assert.equal(await page.getByTestId('waiting-item').count(), metrics.stillWaiting.length);
  return metrics;
}

test('7 days: the old unanswered idea is a black hole, 1 of 1; the tables and the waiting list are the API’s', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback' }).click();
  const toHealth = page.getByRole('link', { name: 'Feedback health by source and team' });
  await toHealth.waitFor();
  assert.deepEqual(await seriousAxeViolations(page), [], 'the feed with its link to the health page');
  await toHealth.click();
  await page.getByRole('heading', { name: 'Feedback health', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/feedback/health');
  const metrics = await assertPageIsApi(7);
  // Asked: Ann 10 days ago (no reply), Bo today (answered), Eve today (waiting). Judged at 7 days: Ann → 1 of 1.
  assert.deepEqual([metrics.overall.judged, metrics.overall.unanswered], [1, 1]);
  assert.equal(await page.getByTestId('overall-rate').innerText(), '100% (1 of 1)');
  assert.deepEqual(await rowCells('health-by-team', 'none'), ['No team', '100% (1 of 1)', '1', '0', '1 min']);

  const waiting = page.getByTestId('waiting-item');
  assert.match(await waiting.nth(0).innerText(), /^Idea #\d+ Gift wrapping · 1 ask waiting since .+Over 7 days$/);
  assert.match(await waiting.nth(1).innerText(), /^Case #\d+ .* · 1 ask waiting since .+ · Returns$/);
  assert.deepEqual(await seriousAxeViolations(page), []);

  await waiting.nth(0).getByRole('link').click();
  await page.waitForURL(new RegExp(`/ideas/${oldIdeaNumber}$`));
  await page.goBack();
  await page.getByRole('heading', { name: 'Feedback health', level: 1 }).waitFor();
});

test('14 days: nothing is old enough to judge, and the old idea is waiting, not lost', async () => {
  await page.getByRole('radio', { name: '14 days' }).check();
  await page.waitForURL(/\/feedback\/health\?days=14$/);
  await page.getByTestId('overall-rate').getByText('Nothing is 14 days old yet').waitFor();
  const metrics = await assertPageIsApi(14);
  assert.deepEqual([metrics.overall.judged, metrics.overall.waiting], [0, 2]);
  assert.doesNotMatch(await page.getByTestId('still-waiting').innerText(), /Over/);
  assert.deepEqual(await seriousAxeViolations(page), []);

  await page.reload();
  assert.equal(await page.getByRole('radio', { name: '14 days' }).isChecked(), true, 'N is kept in the address');
  assert.deepEqual(session.pageErrors, []);
});
