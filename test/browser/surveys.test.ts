// Surveys in headless Chromium against the real server: a manager builds an NPS survey (the preview follows what
// she types and the kind, a threshold off the scale is refused beside its field), an agent sends it from a
// customer's page and again from her case (the quiet period is met and overridden) and reads the link, the
// customer answers on the public page in the same browser, and the manager reads the results: NPS −100, one
// response at 3, its comment and the follow-up case; then edits and switches it off. axe on the list, the
// builder, the results and the public page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import {
  addStaff,
  openBrowser,
  openCustomer,
  seriousAxeViolations,
  switchUser,
  type BrowserSession,
  type TestStaff,
} from './harness.ts';

const PASSWORD = 'a long enough password';
const MANAGER: TestStaff = { email: 'mona@example.com', name: 'Mona Manager', role: 'manager', password: PASSWORD };
const AGENT: TestStaff = { email: 'arno@example.com', name: 'Arno Agent', role: 'agent', password: PASSWORD };
const COMMENT = 'The tent leaked on the first night.';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let surveyId: string;
let customerId: string;
let link: string;
/** The case her post opened, which the second survey is about. */
let aboutCase: { id: string; number: number };

const api = (method: string, path: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token: server.token, body });

async function assertNoSeriousAxeViolations(where: string): Promise<void> {
  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], `${where}:\n${serious.join('\n')}`);
}

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER, AGENT]);
  // A customer who complained on X (which opened a case) and whom the shop knows by name and address.
  const post = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: [
        {
          tweet_id: 't-bea-1',
          author_id: 'beabuyer',
          inbound: true,
          created_at: new Date().toISOString(),
          text: 'My new tent arrived with a torn seam, what can you do?',
          in_response_to_tweet_id: null,
        },
      ],
    },
  });
  assert.equal(post.status, 201, JSON.stringify(post.body));
  await server.settled();
  customerId = (await api('GET', '/api/customers/lookup?handle=x%3Abeabuyer')).body.id;
  const order = await api('POST', '/api/interactions', {
    interactions: [
      {
        customer: { handles: { x: 'beabuyer' }, email: 'bea.buyer@example.com', name: 'Bea Buyer' },
        channel: 'order',
        type: 'track',
        event: 'Order Completed',
        sourceId: 'order-1',
      },
    ],
  });
  assert.equal(order.status, 200, JSON.stringify(order.body));
  assert.equal(order.body.results[0].customerId, customerId, 'the shop’s customer is the one who posted');
  await server.settled();
  const cases = await api('GET', `/api/cases?customerId=${customerId}&limit=10`);
  aboutCase = { id: cases.body.items[0].id, number: cases.body.items[0].number };
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const question = (name: RegExp) => page.getByRole('group', { name });
const preview = () => page.getByTestId('survey-preview');

test('a manager builds an NPS survey beside its preview; a threshold off the scale is refused beside its field', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('heading', { name: 'Surveys', level: 1 }).waitFor();
  const shipped = page.getByTestId('survey-row').filter({ hasText: 'Satisfaction after a resolved case' });
  assert.match(await shipped.innerText(), /CSAT\s+After a case is resolved\s+On/);
  await assertNoSeriousAxeViolations('the surveys list');

  await page.getByRole('link', { name: 'New survey' }).click();
  await page.getByRole('heading', { name: 'New survey', level: 1 }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Relationship NPS');
  assert.equal(await page.getByRole('radio', { name: 'NPS', exact: true }).isChecked(), true);
  assert.equal(await preview().getByRole('listitem').filter({ hasText: /^10$/ }).count(), 1, 'the 0–10 scale');
  const threshold = page.getByLabel('Opens a case for a score at or below');
  await page.getByRole('radio', { name: 'CSAT', exact: true }).check();
  await preview().getByText('How satisfied are you with the help you got?').waitFor();
  assert.equal(await preview().getByRole('listitem').filter({ hasText: /^10$/ }).count(), 0, 'the 1–5 scale');
  assert.equal(await threshold.inputValue(), '2');
  await page.getByRole('radio', { name: 'Custom', exact: true }).check();
  assert.equal(await question(/Score question/).count(), 0, 'a custom survey has no score');
  await page.getByText(/A custom survey has no score/).waitFor();
  await page.getByRole('radio', { name: 'NPS', exact: true }).check();
  await question(/^1\. Score question/).waitFor();
  assert.equal(await threshold.inputValue(), '6');

  await question(/Follow-up “why” question/)
    .getByLabel('Question', { exact: true })
    .fill('What should we do better?');
  await preview().getByText('What should we do better?').waitFor();

  await page.getByRole('button', { name: 'Add a choice question' }).click();
  const choice = question(/^3\. Choice question/);
  await choice.getByLabel('Question', { exact: true }).fill('Which product did you buy?');
  assert.equal(
    await choice.getByLabel('Id', { exact: true }).inputValue(),
    'which_product_did_you_buy',
    'the id follows the prompt',
  );
  await choice.getByLabel('Options, one per line').fill('Tent\nBackpack\nStove');
  await preview().getByText('Which product did you buy?').waitFor();
  await preview().getByText('Backpack').waitFor();

  await threshold.fill('10');
  await page.getByLabel('At priority').selectOption('urgent');
  await assertNoSeriousAxeViolations('the survey builder');
  await page.getByRole('button', { name: 'Create survey' }).click();
  await page.getByText('On a NPS scale the threshold lies from 0 to 9').waitFor();
  assert.equal(await threshold.getAttribute('aria-invalid'), 'true');

  await threshold.fill('5');
  await page.getByRole('button', { name: 'Create survey' }).click();
  await page.getByRole('heading', { name: 'Relationship NPS', level: 1 }).waitFor();
  await page.getByTestId('notice').filter({ hasText: 'Relationship NPS saved.' }).waitFor();
  await page.getByText('No responses in the last 30 days').waitFor();
  surveyId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);

  const saved = await api('GET', `/api/surveys/${surveyId}`);
  assert.deepEqual(
    saved.body.questions.map((asked: { id: string; prompt: string }) => [asked.id, asked.prompt]),
    [
      ['score', 'How likely are you to recommend us to a friend or colleague?'],
      ['why', 'What should we do better?'],
      ['which_product_did_you_buy', 'Which product did you buy?'],
    ],
  );
  assert.deepEqual(saved.body.questions[2].options, ['Tent', 'Backpack', 'Stove']);
  assert.deepEqual(saved.body.followUp, { enabled: true, scoreAtMost: 5, priority: 'urgent' });
  assert.deepEqual(saved.body.trigger, { on: 'manual' });
});

test('an agent sends it from the customer page, then from her case within the quiet period, anyway', async () => {
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await openCustomer(page, 'bea.buyer@example.com');
  await page.getByRole('button', { name: 'Send a survey' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a survey to Bea Buyer' });
  await dialog.getByLabel('Survey').selectOption({ label: 'Relationship NPS (NPS)' });
  await dialog.getByRole('button', { name: 'Get the link' }).click();
  const first = (await dialog.getByTestId('survey-link-url').innerText()).trim();
  assert.match(first, new RegExp(`^${server.url}/s/sv_[A-Za-z0-9_-]{32}$`));
  await dialog.getByText(/It works once, until/).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });

  // From her case: the survey is about it, and she was asked a moment ago.
  await page.goto(`${server.url}/cases/${aboutCase.number}`);
  await page.getByRole('button', { name: 'Send a survey' }).click();
  await dialog.getByLabel('Survey').selectOption({ label: 'Relationship NPS (NPS)' });
  await dialog.getByText(/her answer is tied to this case/).waitFor();
  await dialog.getByRole('button', { name: 'Get the link' }).click();
  await dialog.getByText(/was invited to a survey on \d{4}-\d{2}-\d{2}/).waitFor();
  await dialog.getByLabel('Send anyway, ignoring the quiet period').check();
  await dialog.getByRole('button', { name: 'Get the link' }).click();
  link = (await dialog.getByTestId('survey-link-url').innerText()).trim();
  assert.notEqual(link, first, 'each invitation has its own link');
  await dialog.getByRole('button', { name: 'Done' }).click();
});

test('the customer answers on the public page in the same browser and is thanked', async () => {
  await page.goto(link);
  await page.getByRole('heading', { name: /A few questions from/ }).waitFor();
  await assertNoSeriousAxeViolations('the public survey page');
  await page.getByRole('radio', { name: '3', exact: true }).check();
  await page.getByRole('radio', { name: 'Tent' }).check();
  await page.getByLabel('What should we do better?').fill(COMMENT);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you.' }).waitFor();
  await page.getByText(/will get in touch with you about it/).waitFor();
});

test('the manager reads the results: NPS −100, one response at 3, its comment and its follow-up case', async () => {
  // Back in the app, still signed in as the agent.
  await page.goto(server.url);
  await page.getByTestId('signout').waitFor();
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('link', { name: 'Relationship NPS' }).click();
  await page.getByRole('heading', { name: 'Relationship NPS', level: 1 }).waitFor();
  assert.equal(await page.getByTestId('survey-score').innerText(), '−100');
  const figures = page.getByRole('definition');
  assert.deepEqual(await figures.allInnerTexts(), ['−100', '50%', '2', '1', '1']);

  await page.getByText('Show the figures as a table').click();
  const rows = page.getByTestId('score-distribution-table').locator('tbody tr');
  const counted: string[][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const cells = (await rows.nth(index).locator('th, td').allInnerTexts()).map((cell) => cell.trim());
    if (cells[2] !== '0') counted.push(cells);
  }
  assert.deepEqual(counted, [['3', 'Detractors', '1']]);
  assert.equal(await rows.count(), 11, 'every score of 0–10 has its row');
  assert.match(
    (await page.getByRole('img', { name: /NPS scores/ }).getAttribute('aria-label')) ?? '',
    /\. 3: 1 response\. The figures are in the table/,
  );

  const response = page.getByTestId('survey-response');
  assert.equal(await response.count(), 1);
  assert.match(await response.innerText(), /3\s+Detractor/);
  await response.getByText(COMMENT).waitFor();
  assert.equal(
    await response.getByRole('link', { name: 'Bea Buyer', exact: true }).getAttribute('href'),
    `/customers/${encodeURIComponent(customerId)}`,
  );
  const followUp = response.getByRole('link', { name: /Follow-up case/ });
  const { body } = await api('GET', `/api/surveys/${surveyId}/responses`);
  const caseId = body.items[0].followUpCaseId as string;
  assert.ok(caseId, 'a detractor’s score opened a follow-up case');
  assert.equal(body.items[0].caseId, aboutCase.id, 'sent from her case, the answer is about it');
  assert.equal(await followUp.getAttribute('href'), `/cases/${encodeURIComponent(caseId)}`);
  await assertNoSeriousAxeViolations('the survey results');

  await page.getByRole('radio', { name: 'Last 7 days' }).check();
  await page.waitForURL(/\?days=7$/);
  assert.equal(await page.getByTestId('survey-score').innerText(), '−100');

  await followUp.click();
  await page.waitForURL(/\/cases\/\d+$/);
  await page.getByText(COMMENT).first().waitFor();
});

test('the manager edits it: its kind stays, saved ids stay, and switched off it is no longer offered', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.goto(`${server.url}/surveys/${encodeURIComponent(surveyId)}`);
  await page.getByRole('link', { name: 'Edit survey' }).click();
  await page.getByRole('heading', { name: 'Edit Relationship NPS', level: 1 }).waitFor();
  await page.getByText('(fixed once created').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'CSAT', exact: true }).count(), 0);
  const why = question(/Follow-up “why” question/);
  await why.getByLabel('Question', { exact: true }).fill('What is the one thing we should fix?');
  assert.equal(await why.getByLabel('Id', { exact: true }).inputValue(), 'why', 'answers are kept under it');
  await page.getByRole('radio', { name: 'Every so many days to a segment' }).check();
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'Customers flagged VIP' });
  await page.getByLabel('Active').uncheck();
  await page.getByRole('button', { name: 'Save survey' }).click();
  await page.getByText(/Relationship NPS saved\./).waitFor();
  await page.getByText(/Switched off/).waitFor();
  const saved = await api('GET', `/api/surveys/${surveyId}`);
  assert.equal(saved.body.active, false);
  assert.equal(saved.body.questions[1].prompt, 'What is the one thing we should fix?');
  assert.equal(saved.body.kind, 'nps');
  assert.deepEqual(saved.body.trigger, { on: 'periodic', everyDays: 90, flag: 'vip' });
});

test('an agent reads surveys but is not offered the builder, nor let into it, nor a survey switched off', async () => {
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('link', { name: 'Relationship NPS' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'New survey' }).count(), 0);
  assert.match(
    await page.getByTestId('survey-row').filter({ hasText: 'Relationship NPS' }).innerText(),
    /NPS\s+Every 90 days to customers flagged “vip”\s+Off/,
  );
  await openCustomer(page, 'bea.buyer@example.com');
  await page.getByRole('button', { name: 'Send a survey' }).click();
  const offered = await page.getByRole('dialog').getByLabel('Survey').locator('option').allInnerTexts();
  assert.deepEqual(offered, ['Satisfaction after a resolved case (CSAT)'], 'a survey switched off is not offered');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`${server.url}/surveys/new`);
  await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});
