// A viewer in the browser: reads customers with contact details masked, and is offered no changes or settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { openBrowser, openCustomer, signIn, type BrowserSession } from './harness.ts';
import { seedJane } from './seed.ts';

const VIEWER = { email: 'vera@example.com', name: 'Vera Viewer', role: 'viewer', password: 'viewer password 123' };

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

before(async () => {
  server = await startTestServer();
  await seedJane(server);
  const created = await http('POST', `${server.url}/api/staff`, { token: server.token, body: VIEWER });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, VIEWER.email, VIEWER.password);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

test('a viewer has no Settings in the navigation', async () => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Customers' }).waitFor();
  assert.equal(await nav.getByText('Settings').count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Write keys' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Staff' }).count(), 0);
});

test("a viewer sees Jane's card with email and phone masked", async () => {
  await openCustomer(page, 'Jane');
  const identities = await page.getByTestId('identity').allInnerTexts();
  assert.ok(identities.includes('j***@example.com'), identities.join(' | '));
  assert.ok(identities.includes('+1415*****23'), identities.join(' | '));
  assert.ok(!(await page.getByTestId('context-card').innerText()).includes('jane@example.com'));
});

test('a viewer is offered none of the customer actions', async () => {
  const card = page.getByTestId('context-card');
  await page.getByTestId('timeline-item').first().waitFor();
  for (const name of ['Export data', 'Erase customer']) {
    assert.equal(await page.getByRole('link', { name }).or(page.getByRole('button', { name })).count(), 0, name);
  }
  assert.equal(await card.getByText('Set a flag').count(), 0);
  assert.equal(await card.getByText('Add a stated preference').count(), 0);
  assert.equal(await card.getByRole('button', { name: /^Clear flag/ }).count(), 0);
  assert.equal(await card.getByRole('button', { name: /^Remove preference/ }).count(), 0);
  // The merge is listed, but only staff who may merge can undo it.
  await card.getByTestId('merge').waitFor();
  assert.equal(await card.getByRole('button', { name: 'Undo merge' }).count(), 0);
  assert.deepEqual(await page.getByTestId('flag').allInnerTexts(), ['VIP']);
});

test('a settings address typed by hand shows why it is refused', async () => {
  await page.goto(`${server.url}/settings/write-keys`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Your role \(viewer\) may not do this/);
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
