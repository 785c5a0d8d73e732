// Staff open the public ideas board and choose what it shows, in headless Chromium: a manager opens the board from
// the Ideas page, marks an idea public on its page, and a customer's browser then finds it on /board; axe passes.
import { after, before, test } from 'node:test';
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

const MANAGER: TestStaff = {
  email: 'mo@example.com',
  name: 'Mo Manager',
  role: 'manager',
  password: 'a long enough password',
};

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER]);
  const created = await http('POST', `${server.url}/api/ideas`, {
    token: server.token,
    body: { title: 'Gift wrapping at checkout', body: 'Wrap presents before they ship.' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

test('a manager opens the board and puts an idea on it; a customer sees it there', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.goto(`${server.url}/ideas`);
  const board = page.getByTestId('public-board-switch');
  await board.getByText('closed').waitFor();
  assert.equal((await page.request.get(`${server.url}/board`)).status(), 404, 'closed: nothing to see');
  await board.getByRole('button', { name: 'Open the board' }).click();
  await board.getByText('open', { exact: true }).waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);

  await page.getByRole('link', { name: 'Gift wrapping at checkout' }).click();
  const shown = page.getByLabel('Shown on the public ideas board');
  assert.equal(await shown.isChecked(), false);
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('/visibility') && response.ok()),
    shown.check(),
  ]);
  const stored = await http('GET', `${server.url}/api/ideas/1`, { token: server.token });
  assert.equal(stored.body.public, true);

  const customer = await session.browser.newPage();
  await customer.goto(`${server.url}/board`);
  await customer.getByRole('link', { name: 'Gift wrapping at checkout' }).waitFor();
  await customer.close();
});
