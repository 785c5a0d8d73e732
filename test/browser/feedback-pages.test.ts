// Advisory boards, the feedback feed and the digest in headless Chromium against the real server: a manager forms a
// board of the VIPs in the page, adds a customer by search, records a session and her input linked to an idea (she is
// then its requester in her words), and the board's input linked later; the feed shows it all newest first; she
// subscribes to a weekly digest. An agent records but does not form boards or choose members. The pages pass axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import {
  addStaff,
  openBrowser,
  seriousAxeViolations,
  switchUser,
  type BrowserSession,
  type TestStaff,
} from './harness.ts';

const PASSWORD = 'a long enough password';
const MANAGER: TestStaff = { email: 'mona@example.com', name: 'Mona Manager', role: 'manager', password: PASSWORD };
const AGENT: TestStaff = { email: 'alex@example.com', name: 'Alex Agent', role: 'agent', password: PASSWORD };
const NORA_SAID = 'I would pay to have my boots resoled';
const OWEN_SAID = 'Please repair boots instead of selling new ones';
const TOGETHER_SAID = 'All agreed: repairs before new colours';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let nora: string;
let owen: string;
let idea: { id: string; number: number; title: string };
let boardPath: string;

const api = (method: string, path: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token: server.token, body });

async function customer(email: string, name: string): Promise<string> {
  const posted = await api('POST', '/api/interactions', {
    interactions: [{ customer: { email, name }, channel: 'web', type: 'page_view', sourceId: `seen-${email}` }],
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0].customerId;
}

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER, AGENT]);
  nora = await customer('nora@example.com', 'Nora Quill');
  owen = await customer('owen@example.com', 'Owen Pike');
  const created = await api('POST', '/api/ideas', {
    title: 'Repair service for worn boots',
    requester: { customerId: owen, text: OWEN_SAID },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  idea = created.body;
  await server.settled();
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
const inputItem = (text: string) => page.getByTestId('board-input').filter({ hasText: text });

async function noSeriousViolations(where: string): Promise<void> {
  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], `${where}:\n${serious.join('\n')}`);
}

test('a manager forms a board, adds a member by search, records a session and her input linked to an idea', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await nav().getByRole('link', { name: 'Advisory boards' }).click();
  await page.getByRole('heading', { name: 'Advisory boards', level: 1 }).waitFor();
  await page.getByText(/No advisory boards yet/).waitFor();

  await page.getByRole('button', { name: 'New board' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Customer council 2027');
  await page.getByLabel('What it is for (optional)').fill('Our most loyal customers, twice a year');
  await page.getByLabel('Also every customer flagged').selectOption({ label: 'VIP' });
  await page.getByRole('button', { name: 'Form the board' }).click();
  await page.getByRole('heading', { name: 'Customer council 2027', level: 1 }).waitFor();
  await page.getByText('Every customer flagged VIP is a member while she holds the flag.').waitFor();
  boardPath = new URL(page.url()).pathname;
  assert.match(boardPath, /^\/advisory-boards\/board_/);

  await page.getByLabel('Add a member').fill('Nora');
  await page.getByRole('button', { name: 'Add Nora Quill' }).click();
  await page.getByRole('status').filter({ hasText: 'Nora Quill added to the board.' }).waitFor();
  const member = page.getByTestId('board-member').filter({ hasText: 'Nora Quill' });
  await member.getByText('by hand').waitFor();
  assert.equal(
    await member.getByRole('link', { name: 'Nora Quill' }).getAttribute('href'),
    `/customers/${encodeURIComponent(nora)}`,
  );

  // The day is the server's to check: without one, it says so beside the field.
  await page.getByLabel('Title', { exact: true }).fill('Spring session');
  await page.getByLabel('Held on').fill('');
  await page.getByRole('button', { name: 'Record the session' }).click();
  await page.locator('#session-held-error').waitFor();
  await page.getByLabel('Held on').fill('2026-11-20');
  await page.getByLabel('Notes (optional)').fill('Held in the Leeds store');
  await page.getByRole('button', { name: 'Record the session' }).click();
  const sessionRow = page.getByTestId('board-session').filter({ hasText: 'Spring session' });
  await sessionRow.getByText('Nov 20, 2026').waitFor();

  await page.getByLabel('Who said it').selectOption({ label: 'Nora Quill' });
  assert.equal(
    await page.getByLabel('Session', { exact: true }).inputValue(),
    (await boardOf()).sessions[0]?.id,
    'the new session',
  );
  await page.getByLabel('What was said').fill(NORA_SAID);
  await page.getByLabel('Idea it asks for (optional)').selectOption({ label: `#${idea.number} ${idea.title}` });
  await page.getByRole('button', { name: 'Record the input' }).click();
  await page.getByRole('status').filter({ hasText: 'Input recorded and linked to the idea.' }).waitFor();
  const given = inputItem(NORA_SAID);
  await given.getByText('at Spring session').waitFor();
  assert.equal(
    await given.getByRole('link', { name: `#${idea.number} ${idea.title}` }).getAttribute('href'),
    `/ideas/${idea.number}`,
  );

  const requesters = (await api('GET', `/api/ideas/${idea.id}`)).body.requesters as Array<{
    customerId: string;
    text: string;
  }>;
  assert.deepEqual(
    requesters.map((requester) => [requester.customerId, requester.text]).sort(),
    [
      [nora, NORA_SAID],
      [owen, OWEN_SAID],
    ].sort(),
    'the member is a requester of the idea in her words',
  );

  // Input of the board together, linked to the idea afterwards.
  await page.getByLabel('What was said').fill(TOGETHER_SAID);
  await page.getByRole('button', { name: 'Record the input' }).click();
  const together = inputItem(TOGETHER_SAID);
  await together.getByText('The board together').waitFor();
  await together.getByRole('button', { name: 'Link to an idea…' }).click();
  await together.getByRole('button', { name: 'Link', exact: true }).click();
  await together.getByText('Choose the idea it asks for.').waitFor();
  await together.getByLabel('Idea', { exact: true }).selectOption({ label: `#${idea.number} ${idea.title}` });
  await together.getByRole('button', { name: 'Link', exact: true }).click();
  await together.getByRole('link', { name: `#${idea.number} ${idea.title}` }).waitFor();
  assert.equal((await boardOf()).inputs.find((input) => input.text === TOGETHER_SAID)?.ideaId, idea.id);
  await noSeriousViolations('a board');

  await page.getByRole('link', { name: '← Advisory boards' }).click();
  const row = page.getByTestId('board-row').filter({ hasText: 'Customer council 2027' });
  await row.getByText('1 by hand').waitFor();
  assert.match(await row.innerText(), /everyone flagged VIP/);
  assert.match(await row.innerText(), /\b2\b/);
  await noSeriousViolations('the boards list');
});

async function boardOf(): Promise<{
  sessions: Array<{ id: string }>;
  inputs: Array<{ text: string; ideaId: string | null }>;
}> {
  return (await api('GET', `/api/advisory-boards/${boardPath.split('/').at(-1)}`)).body;
}

test('the feed shows the input and the idea requests newest first; she subscribes to a weekly digest', async () => {
  await nav().getByRole('link', { name: 'Feedback' }).click();
  await page.getByRole('heading', { name: 'Feedback', level: 1 }).waitFor();
  const items = page.getByTestId('feed-item');
  await items.first().waitFor();
  const shown = await items.allInnerTexts();
  const indexOf = (kind: string, words: string) =>
    shown.findIndex((text) => text.includes(kind) && text.includes(words));
  assert.equal(shown.length, 4, shown.join('\n---\n'));
  assert.equal(indexOf('Advisory board', TOGETHER_SAID), 0, 'the latest first');
  assert.deepEqual(
    [indexOf('Advisory board', NORA_SAID), indexOf('Idea request', NORA_SAID)].sort(),
    [1, 2],
    'her input, and the request it made, next (recorded in the same moment)',
  );
  assert.equal(indexOf('Idea request', OWEN_SAID), 3, 'the idea’s first request, before the board, last');
  const owenItem = items.nth(3);
  assert.equal(
    await owenItem.getByRole('link', { name: 'Owen Pike' }).getAttribute('href'),
    `/customers/${encodeURIComponent(owen)}`,
  );
  assert.equal(
    await owenItem.getByRole('link', { name: `#${idea.number} ${idea.title}` }).getAttribute('href'),
    `/ideas/${idea.number}`,
  );
  assert.equal(
    await items.first().getByRole('link', { name: 'Customer council 2027' }).getAttribute('href'),
    boardPath,
  );
  assert.match((await items.first().locator('[title]').getAttribute('title')) ?? '', /\d{4}/, 'the exact time');

  assert.equal(await page.getByRole('radio', { name: 'Never' }).isChecked(), true);
  await page.getByRole('radio', { name: 'Weekly' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `a weekly digest of new feedback goes to ${MANAGER.email}` })
    .waitFor();
  // Her own subscription, read as she is signed in.
  const digest = await page.evaluate(() => fetch('/api/feedback/digest').then((response) => response.json()));
  assert.deepEqual(digest, { frequency: 'weekly' });
  await noSeriousViolations('the feed');
});

test('an agent records input but neither forms boards nor chooses members', async () => {
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await nav().getByRole('link', { name: 'Advisory boards' }).click();
  await page.getByTestId('board-row').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'New board' }).count(), 0);
  await page.getByRole('link', { name: 'Customer council 2027' }).click();
  await page.getByTestId('board-member').first().waitFor();
  assert.equal(await page.getByLabel('Add a member').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Remove' }).count(), 0);
  await page.getByRole('heading', { name: 'Record input' }).waitFor();
  await page.getByRole('heading', { name: 'Record a session' }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});
