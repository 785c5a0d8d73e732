// "Take it", bulk actions and merging duplicate cases in headless Chromium against the real server:
// an agent takes a colleague's case from the inbox, changes the priority of two selected rows at once,
// and merges Jane's call into her web-form case from the case page, then undoes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer, type TestServer } from '../helpers/server.ts';
import { addStaff, openBrowser, signIn, type BrowserSession } from './harness.ts';

let server: TestServer;
let session: BrowserSession;
let page: Page;
const agent = {
  email: 'alex@example.com',
  name: 'Alex Agent',
  role: 'agent',
  password: 'alex agent password 7',
} as const;
const manager = {
  email: 'morgan@example.com',
  name: 'Morgan Manager',
  role: 'manager',
  password: 'morgan manager password 7',
} as const;
let managerId: string;
/** Jane's case from the contact form, and her missed call about the same double charge. */
let formCase: number;
let callCase: number;
/** Omar's case, which the manager holds until the agent takes it. */
let omarCase: number;

async function call(method: string, path: string, body?: unknown, token = server.token): Promise<any> {
  const response = await http(method, `${server.url}${path}`, { token, body });
  assert.ok(response.status < 300, `${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

before(async () => {
  server = await startTestServer();
  [, managerId] = await addStaff(server.url, server.token, [agent, manager] as const);
  // Jane is known by email and phone from an order, so her form and her call are one customer's.
  await call('POST', '/api/interactions', {
    interactions: [
      {
        source: 'shop',
        sourceId: 'jane-order-1',
        customer: { email: 'jane@example.com', phone: '+14155550123', name: 'Jane Doe' },
        channel: 'order',
        direction: 'inbound',
        type: 'purchase',
        event: 'Order Completed',
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        properties: { orderId: 'A-1001', total: 40 },
      },
    ],
  });
  const form = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Jane Doe', email: 'jane@example.com', message: 'I was charged twice for order A-1001.' },
  });
  assert.equal(form.status, 201, JSON.stringify(form.body));
  formCase = form.body.caseNumber;
  const phone = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: { callId: 'jane-call-1', from: '+14155550123', startedAt: Date.now() - 30_000, outcome: 'missed' },
  });
  assert.equal(phone.status, 201, JSON.stringify(phone.body));
  callCase = phone.body.caseNumber;
  const omar = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Omar Haddad', email: 'omar@example.com', message: 'Where is my parcel?' },
  });
  omarCase = omar.body.caseNumber;
  await call('PATCH', `/api/cases/${omarCase}`, { assigneeId: managerId });

  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, agent.email, agent.password);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const row = (number: number) => page.locator(`[data-testid="case-row"][data-number="${number}"]`);

test('Take it on an inbox row: the case is mine at once', async () => {
  await page.goto(`${server.url}/inbox?queue=all`);
  const omar = row(omarCase);
  await omar.waitFor();
  assert.match(await omar.innerText(), /Morgan Manager/);
  await omar.getByRole('button', { name: `Take it: case #${omarCase}` }).click();
  await page.waitForFunction(
    (number) =>
      document.querySelector(`[data-testid="case-row"][data-number="${number}"]`)?.textContent?.includes('Alex Agent'),
    omarCase,
  );
  assert.equal(await omar.getByTestId('take-it').count(), 0, 'nothing left to take on my own case');
});

test('select two rows and change their priority in one go', async () => {
  await row(formCase)
    .getByRole('checkbox', { name: `Select case #${formCase}` })
    .check();
  await row(callCase)
    .getByRole('checkbox', { name: `Select case #${callCase}` })
    .check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await bar.getByText('2 cases selected').waitFor();
  await bar.getByLabel('Action', { exact: true }).selectOption({ label: 'Set priority' });
  await bar.getByLabel('Priority', { exact: true }).selectOption({ label: 'Urgent' });
  await bar.getByRole('button', { name: 'Apply' }).click();
  await bar.getByTestId('bulk-report').getByText('2 cases changed').waitFor();
  for (const number of [formCase, callCase]) {
    await page.waitForFunction(
      (n) => document.querySelector(`[data-testid="case-row"][data-number="${n}"]`)?.textContent?.includes('Urgent'),
      number,
    );
  }
  assert.doesNotMatch(await row(omarCase).innerText(), /Urgent/, 'an unselected row is left alone');

  // "Select all on this page" selects every row shown; clearing closes the bar.
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await bar.getByText(`${await page.getByTestId('case-row').count()} cases selected`).waitFor();
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await bar.waitFor({ state: 'detached' });
});

test('merge her call into her form case from the case page, see it on the survivor, and undo it', async () => {
  await page.goto(`${server.url}/cases/${callCase}`);
  await page.getByTestId('case-header').waitFor();
  await page.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: `Merge #${callCase} into…` });
  await dialog.getByRole('radio', { name: new RegExp(`#${formCase}`) }).check();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByTestId('merge-confirm').waitFor();
  await dialog.getByRole('button', { name: `Merge into #${formCase}` }).click();
  await dialog.waitFor({ state: 'detached' });

  const banner = page.getByTestId('merged-banner');
  await banner.getByText(`#${formCase}`).waitFor();
  assert.match(await banner.innerText(), /Merged into/);
  await page.getByTestId('case-header').getByTestId('case-status').getByText('Closed').waitFor();

  // The survivor shows the call, saying where it came from.
  await banner.getByRole('link', { name: `#${formCase}` }).click();
  await page.waitForURL(`${server.url}/cases/${formCase}`);
  await page.getByTestId('message-origin').getByText(`from #${callCase}`).waitFor();
  assert.equal(await page.getByTestId('case-message').count(), 2);
  await page
    .getByTestId('case-header')
    .getByRole('link', { name: `#${callCase}` })
    .click();
  await page.waitForURL(`${server.url}/cases/${callCase}`);

  // The agent who merged may undo it: the call is back on its own case, open again for work.
  await page.getByTestId('merged-banner').getByRole('button', { name: 'Undo merge' }).click();
  await page.getByTestId('merged-banner').waitFor({ state: 'detached' });
  await page.getByTestId('case-message').first().waitFor();
  assert.equal(await page.getByTestId('case-message').count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Merge into…' }).count(), 1);
  assert.deepEqual(session.pageErrors, []);
});
