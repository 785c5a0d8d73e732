// Archiving teams and SLA policies in headless Chromium against the real server: a manager archives an
// unused team (its member moves to the default team) and restores it, sees the server's reasons when a
// rule or a team still depends on what they archive, and archives and restores an unused policy.
// Data not under test is set up through the API; what the UI did is read back from the API each time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { addStaff, openBrowser, switchUser, type BrowserSession, type TestStaff } from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

const PASSWORD = 'a long enough password';
const MANAGER: TestStaff = { email: 'mona@example.com', name: 'Mona Manager', role: 'manager', password: PASSWORD };
const AGENT: TestStaff = { email: 'hana@example.com', name: 'Hana Holiday', role: 'agent', password: PASSWORD };
let agentId = '';

before(async () => {
  server = await startTestServer();
  [, agentId] = await addStaff(server.url, server.token, [MANAGER, AGENT]);
  session = await openBrowser();
  page = session.page;
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

/** The API as the admin's token sees it: what the server holds, whatever the screen shows. */
async function api(method: string, path: string, body?: unknown) {
  return http(method, `${server.url}${path}`, { token: server.token, body });
}

async function created(path: string, body: unknown): Promise<{ id: string }> {
  const response = await api('POST', path, body);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

interface Named {
  id: string;
  name: string;
  archivedAt: string | null;
}

async function named<T extends Named>(
  collection: '/api/teams' | '/api/sla-policies',
  name: string,
): Promise<T | undefined> {
  const listed = await api('GET', `${collection}?include=archived`);
  return listed.body.items.find((item: T) => item.name === name);
}

async function activeNames(collection: '/api/teams' | '/api/sla-policies'): Promise<string[]> {
  return (await api('GET', collection)).body.items.map((item: Named) => item.name);
}

async function openSettings(link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: link, level: 1 }).waitFor();
}

const teamRow = (name: string) => page.getByTestId('team-row').filter({ has: page.getByText(name, { exact: true }) });
const policyRow = (name: string) =>
  page.getByTestId('sla-policy-row').filter({ has: page.getByText(name, { exact: true }) });

/** Archive, then confirm in the step that asks (its question starts with the same words). */
async function archive(name: string): Promise<string> {
  await page.getByRole('button', { name: `Archive ${name}`, exact: true }).click();
  const asking = page.getByRole('group', { name: new RegExp(`^Archive ${name}\\?`) });
  const question = await asking.innerText();
  await asking.getByRole('button', { name: 'Archive', exact: true }).click();
  return question;
}

test('a manager archives an unused team: it leaves the list and its member moves to the default team', async () => {
  const holidayDesk = await created('/api/teams', { name: 'Holiday desk' });
  const moved = await api('PATCH', `/api/staff/${agentId}`, { teamId: holidayDesk.id });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));

  await openSettings('Teams');
  await teamRow('Holiday desk').filter({ hasText: AGENT.name }).waitFor();
  assert.equal(
    await teamRow('Support').getByRole('button', { name: 'Archive Support' }).count(),
    0,
    'the default team cannot be archived',
  );

  const question = await archive('Holiday desk');
  assert.match(question, /Its member moves to Support/);
  await page.getByRole('status').filter({ hasText: 'Holiday desk archived; 1 member moved to Support.' }).waitFor();
  await teamRow('Holiday desk').waitFor({ state: 'detached' });
  await teamRow('Support').filter({ hasText: AGENT.name }).waitFor();

  const archived = await named<Named>('/api/teams', 'Holiday desk');
  assert.ok(archived?.archivedAt && !Number.isNaN(Date.parse(archived.archivedAt)), JSON.stringify(archived));
  assert.ok(!(await activeNames('/api/teams')).includes('Holiday desk'));
  const support = await named<Named & { members: { id: string }[] }>('/api/teams', 'Support');
  const agent = (await api('GET', '/api/staff')).body.items.find((member: { id: string }) => member.id === agentId);
  assert.equal(agent.teamId, support!.id);
  assert.ok(support!.members.some((member) => member.id === agentId));
});

test('archiving a team an assignment rule sends cases to shows the rule and changes nothing', async () => {
  const returnsDesk = await created('/api/teams', { name: 'Returns desk' });
  const rule = await created('/api/assignment-rules', {
    name: 'Returns to the desk',
    conditions: { reasons: ['return'] },
    teamId: returnsDesk.id,
  });
  await page.reload();
  await teamRow('Returns desk').waitFor();

  await archive('Returns desk');
  const refusal = page.getByRole('alert').filter({ hasText: 'Returns desk is still in use' });
  await refusal.waitFor();
  assert.match(
    await refusal.getByRole('listitem').first().innerText(),
    /Rule "Returns to the desk" sends cases to this team/,
  );
  assert.equal(await page.getByRole('status').filter({ hasText: 'archived' }).count(), 0);
  await teamRow('Returns desk').getByRole('button', { name: 'Edit Returns desk' }).waitFor();

  assert.equal((await named<Named>('/api/teams', 'Returns desk'))?.archivedAt, null);
  const rules = (await api('GET', '/api/assignment-rules')).body.items;
  assert.deepEqual(
    rules.map((listed: { id: string; teamId: string }) => [listed.id, listed.teamId]),
    [[rule.id, returnsDesk.id]],
  );
});

test('"Show archived teams" lists the archived team, marked, with Restore instead of Edit; Restore brings it back', async () => {
  await page.getByLabel('Show archived teams').check();
  const row = teamRow('Holiday desk');
  await row.waitFor();
  assert.match(await row.innerText(), /Archived/);
  assert.match(await row.innerText(), /No members/);
  assert.equal(await row.getByRole('button', { name: 'Edit Holiday desk' }).count(), 0);
  assert.equal(await row.getByRole('button', { name: 'Archive Holiday desk' }).count(), 0);

  await row.getByRole('button', { name: 'Restore Holiday desk' }).click();
  await page.getByRole('status').filter({ hasText: 'Holiday desk restored' }).waitFor();
  await row.getByRole('button', { name: 'Edit Holiday desk' }).waitFor();
  assert.doesNotMatch(await row.innerText(), /Archived/);
  assert.equal((await named<Named>('/api/teams', 'Holiday desk'))?.archivedAt, null);
  assert.ok((await activeNames('/api/teams')).includes('Holiday desk'));

  await page.getByLabel('Show archived teams').uncheck();
  await row.waitFor();
});

test('archiving an SLA policy a team runs on names the team and changes nothing', async () => {
  const gold = await created('/api/sla-policies', { name: 'Gold', targets: { urgent: { firstResponse: 15 } } });
  await created('/api/teams', { name: 'VIP desk', slaPolicyId: gold.id });
  await openSettings('SLA policies');
  await policyRow('Gold').filter({ hasText: 'used by VIP desk' }).waitFor();

  await archive('Gold');
  const refusal = page.getByRole('alert').filter({ hasText: 'Gold is still in use' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /Team VIP desk runs on this policy/);
  await policyRow('Gold').getByRole('button', { name: 'Edit Gold' }).waitFor();
  assert.equal((await named<Named>('/api/sla-policies', 'Gold'))?.archivedAt, null);
});

test('an unused SLA policy archives (and is no longer offered to a new team), then is restored', async () => {
  await created('/api/sla-policies', { name: 'Bronze', targets: { normal: { resolution: 2880 } } });
  await page.reload();
  await policyRow('Bronze').waitFor();

  await archive('Bronze');
  await page.getByRole('status').filter({ hasText: 'Bronze archived.' }).waitFor();
  await policyRow('Bronze').waitFor({ state: 'detached' });
  assert.ok((await named<Named>('/api/sla-policies', 'Bronze'))?.archivedAt);
  assert.ok(!(await activeNames('/api/sla-policies')).includes('Bronze'));

  await openSettings('Teams');
  await page.getByRole('button', { name: 'New team' }).click();
  const offered = await page.getByLabel('SLA policy').locator('option').allInnerTexts();
  assert.ok(offered.includes('Gold') && !offered.some((label) => label.includes('Bronze')), offered.join(' | '));
  await page.getByRole('button', { name: 'Cancel' }).click();

  await openSettings('SLA policies');
  await page.getByLabel('Show archived policies').check();
  const row = policyRow('Bronze');
  assert.match(await row.innerText(), /Archived/);
  assert.equal(await row.getByRole('button', { name: 'Edit Bronze' }).count(), 0);
  await row.getByRole('button', { name: 'Restore Bronze' }).click();
  await page.getByRole('status').filter({ hasText: 'Bronze restored.' }).waitFor();
  await row.getByRole('button', { name: 'Archive Bronze' }).waitFor();
  assert.equal((await named<Named>('/api/sla-policies', 'Bronze'))?.archivedAt, null);
});

test('an archived team on an archived policy shows the policy by name, and cannot be restored until the policy is', async () => {
  const night = await created('/api/sla-policies', { name: 'Night', targets: { high: { firstResponse: 60 } } });
  const nightDesk = await created('/api/teams', { name: 'Night desk', slaPolicyId: night.id });
  assert.equal((await api('POST', `/api/teams/${nightDesk.id}/archive`)).status, 200);
  assert.equal((await api('POST', `/api/sla-policies/${night.id}/archive`)).status, 200);

  await openSettings('Teams');
  await page.getByLabel('Show archived teams').check();
  const row = teamRow('Night desk');
  assert.match(await row.innerText(), /Night \(archived\)/);
  await row.getByRole('button', { name: 'Restore Night desk' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Its SLA policy Night is archived' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /Restore the policy first/);
  assert.ok((await named<Named>('/api/teams', 'Night desk'))?.archivedAt);
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
