// The staff page and My account in headless Chromium against the real server: an admin changes a role,
// resets a password, disables and enables an account and revokes a token; anyone changes their own
// password and revokes their own tokens; and sign-in lands each role where it works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { addStaff, openBrowser, sessionCookie, switchUser, type BrowserSession, type TestStaff } from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

const PASSWORD = 'a long enough password';
const MANAGER: TestStaff = { email: 'mona@example.com', name: 'Mona Manager', role: 'manager', password: PASSWORD };
const AGENT: TestStaff = { email: 'alex@example.com', name: 'Alex Agent', role: 'agent', password: PASSWORD };
const VIEWER: TestStaff = { email: 'vic@example.com', name: 'Vic Viewer', role: 'viewer', password: PASSWORD };
const SAM: TestStaff = { email: 'sam@example.com', name: 'Sam Support', role: 'agent', password: PASSWORD };
let samId = '';

before(async () => {
  server = await startTestServer();
  [, , , samId] = await addStaff(server.url, server.token, [MANAGER, AGENT, VIEWER, SAM]);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const path = () => new URL(page.url()).pathname;

async function bearerFor(cookie: string, name: string): Promise<{ id: string; token: string }> {
  const res = await http('POST', `${server.url}/api/tokens`, { headers: { cookie }, body: { name } });
  assert.equal(res.status, 201);
  return res.body;
}

async function openSamsAccount() {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff', exact: true }).click();
  const row = page.getByTestId('staff-member').filter({ hasText: SAM.email });
  await row.waitFor();
  const toggle = row.getByRole('button', { name: `Account of ${SAM.name}` });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = page.getByTestId('staff-account');
  await panel.getByRole('heading', { name: `Account of ${SAM.name}` }).waitFor();
  return { row, panel };
}

test('sign-in lands agents on their inbox, managers and admins on the dashboard, a viewer on customers', async () => {
  for (const [member, landing] of [
    [AGENT, '/inbox'],
    [MANAGER, '/dashboard'],
    [VIEWER, '/'],
    [{ email: server.adminEmail, password: server.adminPassword }, '/dashboard'],
  ] as const) {
    await switchUser(page, server.url, member.email, member.password);
    assert.equal(path(), landing, member.email);
  }
  // A page asked for before sign-in still wins over the landing page.
  await page.getByTestId('signout').click();
  await page.waitForURL(/\/signin$/);
  await page.goto(`${server.url}/settings/staff`);
  await page.waitForURL(/\/signin\?next=/);
  await page.getByLabel('Email').fill(server.adminEmail);
  await page.getByLabel('Password').fill(server.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
  assert.equal(path(), '/settings/staff');
});

test('an admin changes a staff member’s role', async () => {
  const { row, panel } = await openSamsAccount();
  await panel.getByLabel('Role', { exact: true }).selectOption({ label: 'Manager' });
  await panel.getByRole('button', { name: 'Change role' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${SAM.name} is now manager.` })
    .waitFor();
  await row.filter({ hasText: 'Manager' }).waitFor();
  const staff = (await http('GET', `${server.url}/api/staff`, { token: server.token })).body.items;
  assert.equal(staff.find((member: { id: string }) => member.id === samId).role, 'manager');
});

test('an admin resets a password: a common one is refused with the reason, then the old one and Sam’s sessions and tokens stop working', async () => {
  const samCookie = await sessionCookie(server.url, SAM.email, SAM.password);
  const { token } = await bearerFor(samCookie, 'before reset');
  const { panel } = await openSamsAccount();
  await panel.getByLabel('New password').fill('password1234');
  await panel.getByRole('button', { name: 'Reset password' }).click();
  const error = panel.locator(`#staff-account-password-${samId}-error`);
  await error.waitFor();
  assert.match(await error.innerText(), /too easy to guess/);

  await panel.getByLabel('New password').fill('violet tractor spoon lagoon');
  await panel.getByRole('button', { name: 'Reset password' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${SAM.name}’s password was reset` })
    .waitFor();
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie: samCookie } })).status, 401);
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).status, 401);
  const old = await http('POST', `${server.url}/api/auth/login`, {
    body: { email: SAM.email, password: SAM.password },
  });
  assert.equal(old.status, 401);
  SAM.password = 'violet tractor spoon lagoon';
  await panel.getByTestId('api-token').filter({ hasText: 'before reset' }).filter({ hasText: 'Revoked' }).waitFor();
});

test('an admin sees a staff member’s tokens with their last use and revokes one', async () => {
  const samCookie = await sessionCookie(server.url, SAM.email, SAM.password);
  const used = await bearerFor(samCookie, 'nightly export');
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token: used.token })).status, 200);
  await page.reload();
  const { panel } = await openSamsAccount();
  const row = panel.getByTestId('api-token').filter({ hasText: 'nightly export' });
  await row.waitFor();
  assert.match(await row.innerText(), /Active/);
  assert.doesNotMatch(await row.innerText(), /Never/, 'its last use is shown');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.filter({ hasText: 'Revoked' }).waitFor();
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token: used.token })).status, 401);
});

test('an admin disables an account, which signs Sam out everywhere, and enables it again', async () => {
  const samCookie = await sessionCookie(server.url, SAM.email, SAM.password);
  const { token } = await bearerFor(samCookie, 'disabled later');
  const { row, panel } = await openSamsAccount();
  await panel.getByRole('button', { name: 'Disable account' }).click();
  await panel.getByRole('button', { name: 'Disable', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${SAM.name} is disabled` })
    .waitFor();
  await row.filter({ hasText: 'Disabled' }).waitFor();
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { headers: { cookie: samCookie } })).status, 401);
  assert.equal(
    (await http('POST', `${server.url}/api/auth/login`, { body: { email: SAM.email, password: SAM.password } })).status,
    401,
  );

  await panel.getByRole('button', { name: 'Enable account' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${SAM.name} can sign in again` })
    .waitFor();
  await row.filter({ hasNotText: 'Disabled' }).waitFor();
  assert.equal(
    (await http('POST', `${server.url}/api/auth/login`, { body: { email: SAM.email, password: SAM.password } })).status,
    200,
  );
  assert.equal(
    (await http('GET', `${server.url}/api/auth/me`, { token })).status,
    401,
    'enabling brings no token back',
  );
  await panel.getByTestId('api-token').filter({ hasText: 'disabled later' }).filter({ hasText: 'Revoked' }).waitFor();
});

test('anyone revokes their own token and changes their own password under My account', async () => {
  const agentCookie = await sessionCookie(server.url, AGENT.email, AGENT.password);
  const { token } = await bearerFor(agentCookie, 'my script');
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await page.getByRole('link', { name: 'My account' }).click();
  await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
  const row = page.getByTestId('api-token').filter({ hasText: 'my script' });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.filter({ hasText: 'Revoked' }).waitFor();
  assert.equal((await http('GET', `${server.url}/api/auth/me`, { token })).status, 401);

  await page.getByLabel('Current password').fill(AGENT.password);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.locator('#new-password-error').filter({ hasText: 'at least 12 characters' }).waitFor();
  await page.getByLabel('New password').fill('marble orchard kettle drum');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
  assert.equal(
    (await http('GET', `${server.url}/api/auth/me`, { headers: { cookie: agentCookie } })).status,
    401,
    'the other session ended',
  );
  await page.reload();
  await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
  assert.equal(path(), '/account', 'this browser stays signed in');
});

/** Serious and critical axe-core findings on the page as it stands (as in accessibility.test.ts). */
async function seriousFindings(): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`));
}

test('an open account and My account have no serious accessibility finding', async () => {
  await page.goto(`${server.url}/account`);
  await page.getByTestId('api-token').first().waitFor();
  const findings = (await seriousFindings()).map((finding) => `/account: ${finding}`);
  await switchUser(page, server.url, server.adminEmail, server.adminPassword);
  await openSamsAccount();
  await page.getByTestId('staff-account').getByTestId('api-token').first().waitFor();
  findings.push(...(await seriousFindings()).map((finding) => `/settings/staff: ${finding}`));
  assert.deepEqual(findings, []);
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
