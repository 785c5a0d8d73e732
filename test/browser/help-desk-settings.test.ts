// The help-desk settings in headless Chromium against the real server: a manager sets up an SLA policy,
// a team with its hours and holidays, a reply template, assignment rules, a flag rule and the case
// settings through the forms, each refusal shown beside its field; an agent has no Settings; an admin
// places an agent in a team. What the UI saved is read back from the API each time.
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
const AGENT: TestStaff = { email: 'alex@example.com', name: 'Alex Agent', role: 'agent', password: PASSWORD };
let agentId = '';

before(async () => {
  server = await startTestServer();
  [, agentId] = await addStaff(server.url, server.token, [MANAGER, AGENT]);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

/** The API as the admin's token sees it: what the server holds, whatever the screen shows. */
async function api(method: string, path: string, body?: unknown) {
  return http(method, `${server.url}${path}`, { token: server.token, body });
}

const nav = () => page.getByRole('navigation', { name: 'Main' });
const HELP_DESK_LINKS = [
  'Teams',
  'SLA policies',
  'Assignment rules',
  'Escalation rules',
  'Reply templates',
  'Flag rules',
  'Case settings',
  'Listening models',
];

async function openSettings(link: string, heading = link): Promise<void> {
  await nav().getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function teamNamed(name: string) {
  const teams = await api('GET', '/api/teams');
  return teams.body.items.find((team: { name: string }) => team.name === name);
}

test('an agent has no Settings in the navigation, and a settings link tells them it is not theirs', async () => {
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await nav().getByRole('link', { name: 'Inbox' }).waitFor();
  assert.equal(await nav().getByText('Settings').count(), 0);
  for (const link of HELP_DESK_LINKS) assert.equal(await nav().getByRole('link', { name: link }).count(), 0, link);
  await page.goto(`${server.url}/settings/teams`);
  await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'New team' }).count(), 0);
});

test('a manager has the help-desk settings but not staff accounts or write keys', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await nav().getByRole('heading', { name: 'Settings' }).waitFor();
  const links = await nav().getByRole('list', { name: 'Settings' }).getByRole('link').allInnerTexts();
  assert.deepEqual(links, [...HELP_DESK_LINKS, 'Audit log']);
});

test('a manager creates an SLA policy in the target grid; a zero target is refused in its cell', async () => {
  await openSettings('SLA policies');
  assert.match(
    await page.getByTestId('sla-policy-row').filter({ hasText: 'Default SLA' }).innerText(),
    /30m \/ 1h \/ 4h/,
  );
  await page.getByRole('button', { name: 'New SLA policy' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Premium');
  await page.getByLabel(/Count only the team/).uncheck();
  const cell = (label: string) => page.getByLabel(label, { exact: true });
  await cell('Urgent first response hours').fill('0');
  await cell('Urgent first response minutes').fill('0');
  await cell('Urgent resolution hours').fill('4');
  await cell('High first response hours').fill('1');
  await cell('High first response minutes').fill('30');
  await cell('Normal next response hours').fill('8');
  await page.getByRole('button', { name: 'Create policy' }).click();
  const cellError = page.locator('#sla-urgent-firstResponse-error');
  await cellError.waitFor();
  assert.match(await cellError.innerText(), />=\s*1|too small/i);
  assert.equal(await cell('Urgent first response minutes').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('sla-policy-row').filter({ hasText: 'Premium' }).count(), 0);

  await cell('Urgent first response minutes').fill('15');
  await page.getByRole('button', { name: 'Create policy' }).click();
  const row = page.getByTestId('sla-policy-row').filter({ hasText: 'Premium' });
  await row.waitFor();
  assert.match(await row.innerText(), /Around the clock/);
  assert.match(await row.innerText(), /15m \/ — \/ 4h/);

  const policies = await api('GET', '/api/sla-policies');
  const premium = policies.body.items.find((policy: { name: string }) => policy.name === 'Premium');
  assert.deepEqual(premium, {
    id: premium.id,
    name: 'Premium',
    businessHoursOnly: false,
    targets: {
      urgent: { firstResponse: 15, resolution: 240 },
      high: { firstResponse: 90 },
      normal: { nextResponse: 480 },
    },
    archivedAt: null,
  });
});

test('a manager creates a team with split hours, a Saturday and holidays; a bad time zone and a backwards interval are refused beside them', async () => {
  await openSettings('Teams');
  await page.getByTestId('team-row').filter({ hasText: 'Support' }).waitFor();
  await page.getByRole('button', { name: 'New team' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Billing');
  await page.getByLabel('Department (optional)').fill('billing');
  assert.match(
    await page.locator('.field-hint').filter({ hasText: 'there now' }).innerText(),
    /^It is \d\d:\d\d there now\.$/,
    'a known zone shows its time',
  );
  await page.getByLabel('Time zone').fill('Mars/Olympus_Mons');
  await page.getByLabel('SLA policy').selectOption({ label: 'Premium' });

  // A new team starts on Monday to Friday, 09:00–17:00: split Monday with a lunch break, then copy it on.
  await page.getByLabel('Monday closes at', { exact: true }).fill('1230');
  await page.getByLabel('Monday closes at', { exact: true }).press('Tab');
  assert.equal(
    await page.getByLabel('Monday closes at', { exact: true }).inputValue(),
    '12:30',
    'typed times are tidied',
  );
  await page.getByLabel('Add hours on Monday').click();
  assert.equal(await page.getByLabel('Monday opens at (2)').inputValue(), '13:30');
  await page.getByLabel('Monday closes at (2)').fill('17:30');
  await page.getByRole('button', { name: /Copy Monday/ }).click();
  await page.getByLabel('Open on Saturday').check();
  await page.getByLabel('Saturday closes at', { exact: true }).fill('13:00');
  await page.getByLabel('Open on Sunday').check();
  await page.getByLabel('Sunday opens at', { exact: true }).fill('18:00');
  await page.getByLabel('Sunday closes at', { exact: true }).fill('08:00');

  for (const date of ['2026-12-25', '2026-12-24', '2027-01-01']) {
    await page.getByLabel('Holidays', { exact: true }).fill(date);
    await page.getByRole('button', { name: 'Add holiday' }).click();
  }
  const holidays = () => page.getByTestId('holiday').locator('time').allInnerTexts();
  assert.deepEqual(
    await holidays(),
    ['Thu, Dec 24, 2026', 'Fri, Dec 25, 2026', 'Fri, Jan 1, 2027'],
    'in date order, whatever order they were added in',
  );
  await page.getByRole('button', { name: /Remove holiday .*Jan 1, 2027/ }).click();
  assert.deepEqual(await holidays(), ['Thu, Dec 24, 2026', 'Fri, Dec 25, 2026']);

  await page.getByRole('button', { name: 'Create team' }).click();
  const zoneError = page.locator('#team-timezone-error');
  await zoneError.waitFor();
  assert.match(await zoneError.innerText(), /IANA time zone/);
  assert.equal(await page.getByLabel('Time zone').getAttribute('aria-invalid'), 'true');
  const sundayError = page.locator('#team-hours-sun-error');
  assert.match(await sundayError.innerText(), /opening time must be before closing time/);
  assert.equal(await page.locator('#team-hours-mon-error').count(), 0, 'only the day at fault is marked');
  assert.equal(await page.getByTestId('team-row').filter({ hasText: 'Billing' }).count(), 0);
  await page.screenshot({ path: '/tmp/rapport-team-form.png', fullPage: true });

  await page.getByLabel('Open on Sunday').uncheck();
  await page.getByLabel('Time zone').fill('Europe/Paris');
  await page.getByRole('button', { name: 'Create team' }).click();
  const row = page.getByTestId('team-row').filter({ hasText: 'Billing' });
  await row.waitFor();
  const shown = await row.innerText();
  assert.match(shown, /Mon–Fri 09:00–12:30, 13:30–17:30 · Sat 09:00–13:00/);
  assert.match(shown, /Europe\/Paris/);
  assert.match(shown, /Premium/);

  const billing = await teamNamed('Billing');
  const premium = (await api('GET', '/api/sla-policies')).body.items.find(
    (policy: { name: string }) => policy.name === 'Premium',
  );
  const split = [
    ['09:00', '12:30'],
    ['13:30', '17:30'],
  ];
  assert.deepEqual(
    { ...billing, id: undefined, openNow: undefined, members: undefined },
    {
      id: undefined,
      openNow: undefined,
      members: undefined,
      name: 'Billing',
      department: 'billing',
      timezone: 'Europe/Paris',
      businessHours: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [['09:00', '13:00']] },
      holidays: ['2026-12-24', '2026-12-25'],
      slaPolicyId: premium.id,
      autoAssign: true,
      isDefault: false,
      archivedAt: null,
    },
  );
});

test('editing a team starts from what it holds: a holiday dropped, nothing else changed', async () => {
  await page.getByRole('button', { name: 'Edit Billing' }).click();
  await page.getByRole('heading', { name: 'Edit Billing' }).waitFor();
  assert.equal(await page.getByLabel('Time zone').inputValue(), 'Europe/Paris');
  assert.equal(await page.getByLabel('Tuesday closes at (2)').inputValue(), '17:30');
  assert.equal(await page.getByLabel('Open on Sunday').isChecked(), false);
  await page.getByRole('button', { name: /Remove holiday .*Dec 24, 2026/ }).click();
  await page.getByRole('button', { name: 'Save team' }).click();
  await page.getByRole('status').filter({ hasText: 'Billing saved.' }).waitFor();
  const billing = await teamNamed('Billing');
  assert.deepEqual(billing.holidays, ['2026-12-25']);
  assert.deepEqual(billing.businessHours.sat, [['09:00', '13:00']]);
});

test('a template with an unknown variable is refused under its text; the allowed variables are listed and insert where the cursor is', async () => {
  await openSettings('Reply templates');
  await page.getByRole('button', { name: 'New template' }).click();
  const variables = await page.getByTestId('template-variable').allInnerTexts();
  assert.ok(variables.includes('{{customer.firstName}}'), variables.join(' | '));
  assert.ok(variables.includes('{{lastOrder.id}}'), variables.join(' | '));

  await page.getByLabel('Name', { exact: true }).fill('Order delay');
  await page
    .getByLabel('Text', { exact: true })
    .fill('Hi {{customer.nickname}}, order {{lastOrder.id}} is on its way.');
  await page.getByRole('button', { name: 'Create template' }).click();
  const bodyError = page.locator('#template-body-error');
  await bodyError.waitFor();
  assert.match(await bodyError.innerText(), /Unknown variable \{\{customer\.nickname\}\}/);
  assert.equal(await page.getByLabel('Text', { exact: true }).getAttribute('aria-invalid'), 'true');
  await page.locator('[data-testid="template-preview"][data-state="refused"]').waitFor();

  const text = page.getByLabel('Text', { exact: true });
  await text.fill('Hi , order {{lastOrder.id}} is on its way.');
  await text.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(3, 3));
  await page.getByTestId('template-variable').filter({ hasText: '{{customer.firstName}}' }).click();
  assert.equal(await text.inputValue(), 'Hi {{customer.firstName}}, order {{lastOrder.id}} is on its way.');
  const preview = page.locator('[data-testid="template-preview"][data-state="ready"]');
  await preview.filter({ hasText: 'Hi Jane, order A-1001 is on its way.' }).waitFor();
  await page.getByRole('button', { name: 'Create template' }).click();
  await page.getByTestId('reply-template').filter({ hasText: 'Order delay' }).waitFor();
  assert.equal(await bodyError.count(), 0);

  const templates = await api('GET', '/api/templates');
  const saved = templates.body.items.find((template: { name: string }) => template.name === 'Order delay');
  assert.equal(saved.body, 'Hi {{customer.firstName}}, order {{lastOrder.id}} is on its way.');
});

test('a manager adds an assignment rule, moves it up to be tried first, and edits another', async () => {
  const support = await teamNamed('Support');
  const seededRule = await api('POST', '/api/assignment-rules', {
    name: 'Refunds to Support',
    conditions: { reasons: ['refund'] },
    teamId: support.id,
  });
  assert.equal(seededRule.status, 201, JSON.stringify(seededRule.body));

  await openSettings('Assignment rules');
  await page.getByTestId('assignment-rule').filter({ hasText: 'Refunds to Support' }).waitFor();
  await page.getByRole('button', { name: 'New rule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Invoices to Billing');
  await page.getByLabel('Send to team').selectOption({ label: 'Billing' });
  await page.getByLabel('Needs skill (optional)').fill('billing');
  await page.getByRole('group', { name: 'Channels' }).getByRole('button', { name: 'Email' }).click();
  await page.getByRole('group', { name: 'Channels' }).getByRole('button', { name: 'Web form' }).click();
  await page.getByLabel('Message mentions any of').fill('invoice, receipt');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByTestId('assignment-rule').filter({ hasText: 'Invoices to Billing' }).waitFor();
  const order = () => page.getByTestId('assignment-rule').locator('strong').allInnerTexts();
  assert.deepEqual(await order(), ['Refunds to Support', 'Invoices to Billing'], 'a new rule goes last');
  assert.match(
    await page.getByTestId('assignment-rule').nth(1).innerText(),
    /Email or Web form · mentions “invoice” or “receipt”/,
  );

  await page.getByRole('button', { name: 'Move Invoices to Billing up' }).click();
  await page.getByTestId('assignment-rule').first().filter({ hasText: 'Invoices to Billing' }).waitFor();
  assert.deepEqual(await order(), ['Invoices to Billing', 'Refunds to Support']);
  const billing = await teamNamed('Billing');
  let rules = (await api('GET', '/api/assignment-rules')).body.items;
  assert.deepEqual(
    rules.map((rule: { name: string; conditions: unknown; teamId: string; skill: string | null }) => [
      rule.name,
      rule.conditions,
      rule.teamId,
      rule.skill,
    ]),
    [
      [
        'Invoices to Billing',
        { channels: ['email', 'web_form'], keywords: ['invoice', 'receipt'] },
        billing.id,
        'billing',
      ],
      ['Refunds to Support', { reasons: ['refund'] }, support.id, null],
    ],
  );

  await page.getByRole('button', { name: 'Edit Refunds to Support' }).click();
  assert.equal(await page.getByLabel('Contact reason is one of').inputValue(), 'refund');
  await page.getByRole('group', { name: 'Priorities' }).getByRole('button', { name: 'Urgent' }).click();
  await page.getByRole('button', { name: 'Save rule' }).click();
  await page.getByRole('status').filter({ hasText: 'Refunds to Support saved.' }).waitFor();
  await page.getByTestId('assignment-rule').nth(1).filter({ hasText: 'urgent priority · reason refund' }).waitFor();
  rules = (await api('GET', '/api/assignment-rules')).body.items;
  assert.deepEqual(
    rules.map((rule: { name: string; conditions: unknown }) => [rule.name, rule.conditions]),
    [
      ['Invoices to Billing', { channels: ['email', 'web_form'], keywords: ['invoice', 'receipt'] }],
      ['Refunds to Support', { priorities: ['urgent'], reasons: ['refund'] }],
    ],
    'the edited rule keeps its place',
  );
  assert.equal(rules[1].id, seededRule.body.id, 'and its id: edits happen in place');
});

test('a manager lowers the VIP threshold; a bad currency is refused beside its field', async () => {
  await openSettings('Flag rules');
  const vip = page.getByRole('form', { name: 'VIP' });
  assert.equal(await vip.getByLabel('Lifetime value').inputValue(), '1000');
  await vip.getByLabel('Lifetime value').fill('250');
  await vip.getByLabel('Currency').fill('E1');
  await vip.getByRole('button', { name: 'Save VIP' }).click();
  const currencyError = page.locator('#flag-vip-currency-error');
  await currencyError.waitFor();
  assert.equal(await vip.getByLabel('Currency').getAttribute('aria-invalid'), 'true');
  assert.equal(
    (await api('GET', '/api/flag-rules')).body.items.find((rule: { flag: string }) => rule.flag === 'vip').params
      .lifetimeValue,
    1000,
  );

  await vip.getByLabel('Currency').fill('usd');
  await vip.getByRole('button', { name: 'Save VIP' }).click();
  await vip.getByRole('status').waitFor();
  assert.equal(await currencyError.count(), 0);
  const rules = (await api('GET', '/api/flag-rules')).body.items;
  assert.deepEqual(
    rules.find((rule: { flag: string }) => rule.flag === 'vip'),
    { flag: 'vip', enabled: true, params: { lifetimeValue: 250, currency: 'USD' } },
  );
  assert.deepEqual(
    rules.find((rule: { flag: string }) => rule.flag === 'past_issues').params,
    { cases: 3, gestures: 1, days: 90 },
    'other rules untouched',
  );
});

test('a manager sets how long a regular may stay quiet before she counts as at risk', async () => {
  const atRisk = page.getByRole('form', { name: 'At risk' });
  assert.equal(await atRisk.getByLabel('Quiet for (days)').inputValue(), '60');
  await atRisk.getByLabel('Quiet for (days)').fill('45');
  await atRisk.getByRole('button', { name: 'Save At risk' }).click();
  await atRisk.getByRole('status').waitFor();
  const rule = (await api('GET', '/api/flag-rules')).body.items.find(
    (item: { flag: string }) => item.flag === 'at_risk',
  );
  assert.deepEqual(rule.params, { quietDays: 45, minInteractions: 3, breaches: 2, days: 30 });
});

test('a manager changes the auto-close days; more than 28 is refused beside the field', async () => {
  await openSettings('Case settings');
  const autoClose = page.getByLabel('Close resolved cases after (days)');
  assert.equal(await autoClose.inputValue(), '4');
  await autoClose.fill('30');
  await page.getByRole('button', { name: 'Save case settings' }).click();
  const error = page.locator('#case-autoCloseAfterDays-error');
  await error.waitFor();
  assert.match(await error.innerText(), /<=\s*28|too big/i);

  await autoClose.fill('7');
  await page.getByRole('button', { name: 'Save case settings' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await error.count(), 0);
  assert.deepEqual((await api('GET', '/api/settings/cases')).body, {
    repeatWindowDays: 7,
    threadWindowHours: 72,
    autoCloseAfterDays: 7,
  });
});

test("an admin sets an agent's team, skills and gesture limit from the staff list", async () => {
  await switchUser(page, server.url, server.adminEmail, server.adminPassword);
  // The admin's own links, not the manager's still on screen from before the switch.
  await nav().getByRole('link', { name: 'Staff', exact: true }).waitFor();
  const links = await nav().getByRole('list', { name: 'Settings' }).getByRole('link').allInnerTexts();
  assert.deepEqual(links, [...HELP_DESK_LINKS, 'Write keys', 'Staff', 'Audit log']);
  await openSettings('Staff');
  const row = page.getByTestId('staff-member').filter({ hasText: AGENT.email });
  // The team's name shows once the teams have loaded beside the staff list.
  await row.filter({ hasText: 'Support' }).waitFor();
  assert.match(await row.innerText(), /Support/, 'a new agent starts in the default team');
  await row.getByRole('button', { name: `Edit ${AGENT.name}` }).click();
  const form = page.getByRole('form', { name: `How ${AGENT.name} takes cases` });
  await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Billing' });
  await form.getByLabel('Skills').fill('Billing, French, billing');
  await form.getByLabel('Gesture limit').fill('75');
  await form.getByLabel('Currency').fill('EUR');
  await form.getByLabel('Takes new cases').uncheck();
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${AGENT.name} saved.` })
    .waitFor();
  assert.equal(await form.count(), 0);
  await row.filter({ hasText: 'Billing' }).waitFor();
  assert.match(await row.innerText(), /Billing\s+billing\s+french\s+75 EUR\s+Away/);

  const staff = (await api('GET', '/api/staff')).body.items;
  const agent = staff.find((member: { id: string }) => member.id === agentId);
  const billing = await teamNamed('Billing');
  assert.equal(agent.teamId, billing.id);
  assert.deepEqual(agent.skills, ['billing', 'french']);
  assert.deepEqual(agent.empowermentLimit, { amount: 75, currency: 'EUR' });
  assert.equal(agent.available, false);
  assert.deepEqual(
    billing.members.map((member: { name: string }) => member.name),
    [AGENT.name],
  );
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
