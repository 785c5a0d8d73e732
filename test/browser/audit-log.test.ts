// The audit log in headless Chromium against the real server: an agent has no way in; a manager reads what she
// and the admin did through the API, newest first, filters by action and by staff member (the filters kept in the
// address), opens an entry's input with the admin's password redacted, is told beside the box when an action is
// malformed, and pages back with a small page size. What the page lists is checked against the API each time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import {
  addStaff,
  openBrowser,
  sendWithWriteKey,
  sessionCookie,
  switchUser,
  type BrowserSession,
  type TestStaff,
} from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

const PASSWORD = 'a long enough password';
const MANAGER: TestStaff = { email: 'mona@example.com', name: 'Mona Manager', role: 'manager', password: PASSWORD };
const AGENT: TestStaff = { email: 'alex@example.com', name: 'Alex Agent', role: 'agent', password: PASSWORD };
let managerId = '';
let customerId = '';
let teamId = '';

before(async () => {
  server = await startTestServer();
  [managerId] = await addStaff(server.url, server.token, [MANAGER, AGENT]);
  const identified = await sendWithWriteKey(server.url, server.writeKey, '/v1/identify', {
    userId: 'lp-42',
    traits: { name: 'Lena Landing', email: 'lena@example.com' },
  });
  assert.equal(identified.status, 200);
  const found = await asAdmin('GET', `/api/customers?q=${encodeURIComponent('lena@example.com')}`);
  customerId = found.body.items[0].id;

  // The manager's own changes and reads, made through the API while signed in as her.
  const cookie = await sessionCookie(server.url, MANAGER.email, MANAGER.password);
  const asManager = (method: string, path: string, body?: unknown) =>
    http(method, `${server.url}${path}`, { headers: { cookie }, body });
  const team = await asManager('POST', '/api/teams', { name: 'Night shift', timezone: 'Europe/Paris' });
  assert.equal(team.status, 201, JSON.stringify(team.body));
  teamId = team.body.id;
  assert.equal((await asManager('POST', `/api/teams/${teamId}/archive`)).status, 200);
  assert.equal((await asManager('GET', `/api/customers/${customerId}`)).status, 200);

  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

/** The API as the admin's token sees it: what the server holds, whatever the screen shows. */
async function asAdmin(method: string, path: string, body?: unknown) {
  return http(method, `${server.url}${path}`, { token: server.token, body });
}

async function auditActions(query = ''): Promise<string[]> {
  const listed = await asAdmin('GET', `/api/audit${query}`);
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  return listed.body.items.map((entry: { action: string }) => entry.action);
}

const nav = () => page.getByRole('navigation', { name: 'Main' });
const table = () => page.getByRole('table', { name: 'Audit entries' });
const rows = () => page.getByTestId('audit-entry');
/** The raw action under each entry's words, top to bottom. */
const shownActions = () => rows().locator('code').allInnerTexts();

async function waitForRows(count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-testid="audit-entry"]').length === expected,
    count,
  );
}

async function applyAction(action: string): Promise<void> {
  await page.getByLabel('Action', { exact: true }).fill(action);
  await page.getByLabel('Action', { exact: true }).press('Enter');
}

test('an agent has no Audit log link, and the address tells them it is not for their role', async () => {
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await nav().getByRole('link', { name: 'Inbox' }).waitFor();
  assert.equal(await nav().getByRole('link', { name: 'Audit log' }).count(), 0);
  await page.goto(`${server.url}/settings/audit`);
  await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  await page.getByText('Only managers and admins read who saw and changed what.', { exact: false }).waitFor();
  assert.equal(await table().count(), 0);
  assert.equal(await page.getByLabel('Action', { exact: true }).count(), 0);
});

test('a manager opens the Audit log from Settings and sees every entry, newest first, in words', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await nav().getByRole('list', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/settings/audit');
  await table().waitFor();

  const expected = await auditActions();
  assert.deepEqual(expected.slice(0, 3), ['customer.viewed', 'team.archived', 'team.created']);
  assert.deepEqual(await shownActions(), expected, 'the same entries as the API, in its order');

  const viewed = rows().first();
  assert.match(await viewed.innerText(), /Viewed customer/);
  assert.match(await viewed.innerText(), /Mona Manager/, 'the manager knows her own name');
  const customerLink = viewed.getByRole('link', { name: customerId });
  assert.equal(await customerLink.getAttribute('href'), `/customers/${customerId}`);
  const when = viewed.locator('time');
  const iso = await when.getAttribute('title');
  assert.match(iso ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(await when.getAttribute('datetime'), iso);

  const archived = rows().filter({ hasText: 'Archived team' });
  assert.match(await archived.innerText(), new RegExp(teamId), 'an administrative entry names what it changed');
  assert.equal(
    await rows().filter({ hasText: 'Added staff member' }).count(),
    3,
    'the first admin, by the install, and the two the admin added',
  );
});

test('filtering by action shows only those entries, and the filter is in the address to share', async () => {
  await applyAction('team.archived');
  await page.waitForURL(`${server.url}/settings/audit?action=team.archived`);
  await waitForRows(1);
  assert.deepEqual(await shownActions(), ['team.archived']);

  await page.reload();
  await waitForRows(1);
  assert.equal(
    await page.getByLabel('Action', { exact: true }).inputValue(),
    'team.archived',
    'a shared link fills the box',
  );
  const row = rows().first();
  await row.getByRole('button', { name: /^Details of entry/ }).click();
  const details = page.getByTestId('audit-details');
  assert.match(await details.innerText(), /Input\s+None/, 'archiving is sent without a body');
  assert.match(await details.innerText(), /IP address\s+127\.0\.0\.1/);
  assert.equal(await row.getByRole('button', { name: /^Details of entry/ }).getAttribute('aria-expanded'), 'true');

  await page.getByLabel('Staff member id').fill(managerId);
  await applyAction('');
  await page.waitForURL(`${server.url}/settings/audit?actorId=${managerId}`);
  await waitForRows(3);
  assert.deepEqual(await shownActions(), await auditActions(`?actorId=${managerId}`));
  assert.deepEqual(await shownActions(), ['customer.viewed', 'team.archived', 'team.created']);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL(`${server.url}/settings/audit`);
  assert.equal(await page.getByLabel('Staff member id').inputValue(), '');
});

test('an entry opens to its input, with the password the admin gave a new staff member redacted', async () => {
  await applyAction('staff.created');
  await waitForRows(3);
  const managerCreated = rows().filter({ hasText: managerId });
  await managerCreated.getByRole('button', { name: /^Details of entry/ }).click();
  const input = page.getByTestId('audit-details').locator('pre');
  const shown = await input.innerText();
  assert.match(shown, /"email": "mona@example\.com"/);
  assert.match(shown, /"role": "manager"/);
  assert.match(shown, /"password": "\[redacted\]"/);
  assert.ok(!shown.includes(PASSWORD), 'the password itself never reaches the page');
  assert.match(await page.getByTestId('audit-details').innerText(), /Request id\s+\S+/);
});

test('a malformed action is refused beside the Action box, with the server’s reason', async () => {
  await applyAction('Team Archived');
  const error = page.locator('#audit-action-error');
  await error.waitFor();
  assert.match(await error.innerText(), /an action such as team\.archived/);
  assert.equal(await page.getByLabel('Action', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await table().count(), 0);
  assert.equal(await page.getByRole('alert').count(), 0, 'the field carries the refusal; no general alert');

  await applyAction('team.created');
  await waitForRows(1);
  assert.equal(await error.count(), 0);
});

test('with a small page size, Older entries appends the next page until there are no more', async () => {
  const all = await auditActions();
  assert.ok(all.length >= 5, all.join(', '));
  await page.goto(`${server.url}/settings/audit?limit=2`);
  await waitForRows(2);
  const older = page.getByRole('button', { name: 'Older entries' });
  for (let shown = 2; shown < all.length; shown += 2) {
    await older.click();
    await waitForRows(Math.min(shown + 2, all.length));
  }
  // A last full page leaves the button until an empty answer proves there is nothing older.
  if (await older.count()) await older.click();
  await older.waitFor({ state: 'detached' });
  assert.deepEqual(await shownActions(), all);
  const ids = (await rows().evaluateAll((found) =>
    found.map((row) => Number(row.getAttribute('data-entry-id'))),
  )) as number[];
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => b - a),
    'newest first, across pages',
  );
  assert.equal(new Set(ids).size, ids.length, 'no entry twice');
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
