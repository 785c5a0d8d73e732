// Settings → Listening models in headless Chromium against the real server: a manager has set reasons on cases
// (through the API, as agents would), trains a reason model in the page, reads the per-label figures the API gives,
// trains again after more reasons and restores version 1; the page passes axe.
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

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let posted = 0;

const api = (method: string, path: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token: server.token, body });

/** Opens a case per text (a post on X each) and gives each the reason, as a staff member would. */
async function casesWithReason(reason: string, texts: readonly string[]): Promise<void> {
  const authors = texts.map(() => `customer${++posted}`);
  const response = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: texts.map((text, index) => ({
        tweet_id: `t-${authors[index]}`,
        author_id: authors[index],
        inbound: true,
        created_at: new Date().toISOString(),
        text,
        in_response_to_tweet_id: null,
      })),
    },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  await server.settled();
  for (const author of authors) {
    const card = await api('GET', `/api/customers/lookup?handle=${encodeURIComponent(`x:${author}`)}`);
    const cases = await api('GET', `/api/cases?customerId=${card.body.id}&limit=10`);
    const changed = await api('PATCH', `/api/cases/${cases.body.items[0].id}`, { reason });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
  }
}

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER]);
  await casesWithReason('late_order', [
    'my parcel never arrived and the tracking page is stuck',
    'where is my package, it is a week late',
    'the courier left my parcel at the wrong address',
    'tracking says delivered but there is no package here',
    'my order is late again, still waiting for the courier',
  ]);
  await casesWithReason('return', [
    'I want my money back for the jacket I returned',
    'please refund the order I sent back last week',
    'still no refund two weeks after the return',
    'when will I be reimbursed for the returned shoes',
    'you promised a refund, where is my money',
  ]);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const reasons = () => page.getByRole('region', { name: 'Contact reasons' });
const versionTable = (version: number) => reasons().getByRole('table', { name: new RegExp(`^Version ${version}\\b`) });

/** The rows of a version's table as the page shows them: label, precision, recall, F1, support. */
async function shownRows(version: number): Promise<string[][]> {
  const rows = versionTable(version).locator('tbody tr');
  const count = await rows.count();
  const shown: string[][] = [];
  for (let index = 0; index < count; index += 1) {
    shown.push((await rows.nth(index).locator('th, td').allInnerTexts()).map((cell) => cell.trim()));
  }
  return shown;
}

test('a manager trains a reason model, reads its figures per label, trains again and restores version 1', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening models' }).click();
  await page.getByRole('heading', { name: 'Listening models', level: 1 }).waitFor();
  await reasons().getByText('In use: keywords').waitFor();
  await page.getByRole('region', { name: 'Sentiment' }).getByText('In use: offline baseline').waitFor();
  await reasons()
    .getByText(/No contact reasons model trained yet/)
    .waitFor();

  await reasons().getByRole('button', { name: 'Train on the cases’ reasons' }).click();
  await reasons()
    .getByRole('status')
    .filter({ hasText: /Version 1: macro-F1/ })
    .waitFor();
  await reasons().getByText('In use: version 1').waitFor();
  const listed = await api('GET', '/api/listening/models?kind=reason');
  const first = listed.body.items[0];
  const two = (value: number) => value.toFixed(2);
  assert.deepEqual(
    await shownRows(1),
    first.metrics.perLabel.map(
      (row: { label: string; precision: number; recall: number; f1: number; support: number }) => [
        row.label,
        two(row.precision),
        two(row.recall),
        two(row.f1),
        String(row.support),
      ],
    ),
  );
  assert.deepEqual(
    (await shownRows(1)).map((row) => [row[0], row[4]]),
    [
      ['late_order', '5'],
      ['return', '5'],
    ],
  );
  assert.match(await versionTable(1).locator('caption').innerText(), /10 examples from cases.* by Mona Manager/);

  await casesWithReason('cancel_order', [
    'cancel my subscription please',
    'I want to cancel the order before it ships',
    'how do I cancel my account membership',
    'please cancel everything, I changed my mind',
    'cancellation of my order 1234 please',
  ]);
  await reasons().getByRole('button', { name: 'Train on the cases’ reasons' }).click();
  await reasons().getByText('In use: version 2').waitFor();
  assert.deepEqual(
    (await shownRows(2)).map((row) => row[0]),
    ['cancel_order', 'late_order', 'return'],
  );

  await reasons().getByRole('button', { name: 'Activate version 1' }).click();
  await reasons().getByText('In use: version 1').waitFor();
  const after = await api('GET', '/api/listening/models?kind=reason');
  assert.deepEqual(
    after.body.items.map((item: { version: number; active: boolean }) => [item.version, item.active]),
    [
      [2, false],
      [1, true],
    ],
  );
  await reasons().getByRole('button', { name: 'Activate version 2' }).waitFor();

  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));
});
