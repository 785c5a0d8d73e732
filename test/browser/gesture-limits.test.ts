// The staff form sets the sums an agent's gestures may reach (issue 10, item 5): per case and per day
// beside the single-gesture limit; left empty, the defaults apply and the form says which.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestServer, http, type TestServer } from '../helpers/server.ts';
import { createApiToken } from '../../src/staff/service.ts';
import { addStaff, openBrowser, signIn, type BrowserSession } from './harness.ts';

const AGENT = {
  email: 'gil@example.com',
  name: 'Gil Agent',
  role: 'agent',
  password: 'a long enough password',
} as const;

let server: TestServer;
let session: BrowserSession;
let page: Page;
let agentId: string;

before(async () => {
  server = await startTestServer();
  [agentId] = await addStaff(server.url, server.token, [AGENT]);
  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, server.adminEmail, server.adminPassword);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const limits = async () =>
  (await http('GET', `${server.url}/api/staff/${agentId}/gesture-limits`, { token: server.token })).body.items;

async function openForm() {
  await page.goto(`${server.url}/settings/staff`);
  const row = page.getByTestId('staff-member').filter({ hasText: AGENT.email });
  await row.getByRole('button', { name: 'Edit' }).click();
  return page.getByRole('form', { name: `How ${AGENT.name} takes cases` });
}

test('an admin sets per-case and per-day totals beside the gesture limit; empty means the defaults', async () => {
  let form = await openForm();
  await form.getByLabel('Gesture limit').fill('50');
  await form.getByLabel('Currency').fill('USD');
  assert.equal(await form.getByLabel('Per case').inputValue(), '', 'nothing set yet: the default');
  await form.getByLabel('Per case').fill('80');
  await form.getByLabel('Per day').fill('200');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${AGENT.name} saved.` })
    .waitFor();
  assert.deepEqual(await limits(), [
    { currency: 'USD', perGesture: 50, perCase: 80, perDay: 200, perCaseIsDefault: false, perDayIsDefault: false },
  ]);

  // Opened again, the form shows what is set; emptied, the day falls back to its default.
  form = await openForm();
  await form.getByLabel('Per case').and(page.locator('[value="80"]')).waitFor();
  assert.equal(await form.getByLabel('Per day').inputValue(), '200');
  await form.getByLabel('Per day').fill('');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${AGENT.name} saved.` })
    .waitFor();
  assert.deepEqual(await limits(), [
    { currency: 'USD', perGesture: 50, perCase: 80, perDay: 250, perCaseIsDefault: false, perDayIsDefault: true },
  ]);
});

test('an agent whose gesture would take the case over its total is told so, not that it is above the gesture limit', async () => {
  const sent = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Ivo Customer', email: 'ivo@example.com', message: 'My parcel arrived crushed' },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const caseNumber = sent.body.caseNumber;
  const agentToken = (await createApiToken(server.running.db, AGENT.email, 'tests')).token;
  const first = await http('POST', `${server.url}/api/cases/${caseNumber}/gestures`, {
    token: agentToken,
    body: { kind: 'credit', amount: 50, currency: 'USD', reason: 'Sorry' },
  });
  assert.equal(first.body.status, 'issued', JSON.stringify(first.body));

  await page.getByTestId('signout').click();
  await page.waitForURL(/\/signin$/);
  await signIn(page, server.url, AGENT.email, AGENT.password);
  await page.goto(`${server.url}/cases/${caseNumber}`);
  await page.getByRole('button', { name: 'Offer a gesture' }).click();
  const dialog = page.getByRole('dialog', { name: 'Offer a gesture' });
  await dialog.getByLabel('Kind').selectOption('credit');
  await dialog.getByLabel('Amount').fill('40');
  await dialog.getByLabel('Currency').fill('USD');
  await dialog.getByLabel('Reason').fill('Shipping refund');
  await dialog.getByRole('button', { name: 'Issue gesture' }).click();
  const result = page.getByTestId('gesture-result');
  await result.waitFor();
  // 40 is within the 50 per gesture, but 50 + 40 is above the 80 per case.
  assert.match(
    await result.innerText(),
    /Credit of \$40\.00 would take this case’s gestures above your limit per case\./,
  );
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('signout').click();
  await page.waitForURL(/\/signin$/);
  await signIn(page, server.url, server.adminEmail, server.adminPassword);
});

test('a total below the gesture limit is refused beside its field', async () => {
  const form = await openForm();
  await form.getByLabel('Per case').and(page.locator('[value="80"]')).waitFor();
  await form.getByLabel('Per case').fill('20');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await form.getByText('At least the per-gesture limit').waitFor();
  assert.equal(await form.getByLabel('Per case').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(session.pageErrors, []);
});
