// The agent's inbox in headless Chromium against the real server: queues with live SLA timers, a case
// beside the customer's card, a templated reply that is delivered, gestures within and above the
// agent's limit, resolving; then a manager approving and a viewer reading without controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';
import { sweepBreaches } from '../../src/cases/service.ts';
import { openBrowser, signIn, type BrowserSession } from './harness.ts';
import { seedInbox, type SeededInbox } from './seed-cases.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let seeded: SeededInbox;

before(async () => {
  server = await startTestServer();
  seeded = await seedInbox(server);
  // The server sweeps for missed clocks every 30 s; run the same sweep now rather than wait for it.
  await sweepBreaches(server.running.db);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
const caseRow = (number: number) => page.locator(`[data-testid="case-row"][data-number="${number}"]`);
const messages = (kind: string) => page.locator(`[data-testid="case-message"][data-kind="${kind}"]`);
const gestures = (status: string) => page.locator(`[data-testid="gesture"][data-status="${status}"]`);

async function switchTo(email: string, password: string): Promise<void> {
  if (await page.getByTestId('signout').count()) {
    await page.getByTestId('signout').click();
    await page.waitForURL(/\/signin$/);
  }
  await signIn(page, server.url, email, password);
}

async function openCase(number: number): Promise<void> {
  await page.goto(`${server.url}/cases/${number}`);
  await page.getByTestId('case-header').waitFor();
  await page.getByTestId('context-card').waitFor();
}

test('the Inbox comes first in the navigation and opens on Mine, with a running SLA timer', async () => {
  await switchTo(seeded.agent.email, seeded.agent.password);
  const links = await nav().getByRole('link').allInnerTexts();
  assert.deepEqual(links.slice(1, 3), ['Inbox', 'Customers'], links.join(' | '));
  await nav().getByRole('link', { name: 'Inbox' }).click();
  await page.waitForURL(`${server.url}/inbox`);
  assert.equal(await page.getByRole('tab', { name: 'Mine' }).getAttribute('aria-selected'), 'true');

  const maria = caseRow(seeded.mariaCase.number);
  await maria.waitFor();
  const row = await maria.innerText();
  for (const expected of [
    `#${seeded.mariaCase.number}`,
    'My order B-77 arrived broken',
    'Maria Garcia',
    'New',
    'Normal',
    'Alex Agent',
  ]) {
    assert.ok(row.includes(expected), `${expected} in ${row}`);
  }
  assert.equal(await maria.locator('svg[data-channel="social"]').count(), 1);

  const timer = maria.getByTestId('sla-timer');
  assert.equal(await timer.getAttribute('data-state'), 'running');
  const first = await timer.innerText();
  assert.match(first, /^due in \d+m \d{2}s$/);
  // The timer counts down by itself: wait for its text to change, whenever that happens.
  await page.waitForFunction(([selector, before]) => document.querySelector(selector)?.textContent !== before, [
    `[data-testid="case-row"][data-number="${seeded.mariaCase.number}"] [data-testid="sla-timer"] time`,
    first,
  ] as const);
  assert.equal(await maria.getByTestId('breach-marker').count(), 0);
});

test('"Load more" pages through Mine by cursor and then disappears', async () => {
  const rows = page.getByTestId('case-row');
  assert.equal(await rows.count(), 25);
  await page.getByTestId('load-more').click();
  await rows.nth(seeded.mineCount - 1).waitFor();
  await page.getByTestId('load-more').waitFor({ state: 'detached' });
  assert.equal(await rows.count(), seeded.mineCount);
});

test('the oldest case, on the second page, is overdue in red with a breach marker', async () => {
  const late = caseRow(seeded.lateCase.number);
  await late.waitFor();
  const timer = late.getByTestId('sla-timer');
  assert.equal(await timer.getAttribute('data-state'), 'overdue');
  assert.match(await timer.innerText(), /overdue (1 h 59 min|2 h \d+ min)/);
  const colour = await timer.locator('time').evaluate((element) => getComputedStyle(element).color);
  assert.equal(colour, 'rgb(201, 42, 42)', 'overdue time is in the danger red');
  await late.getByTestId('breach-marker').waitFor();
});

test('the other queues: Team, Unassigned, Breaching soon and All', async () => {
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.waitForURL(`${server.url}/inbox?queue=team`);
  await caseRow(seeded.mariaCase.number).waitFor();

  await page.getByRole('tab', { name: 'Unassigned' }).click();
  await page.getByText('Every open case has someone on it.').waitFor();
  assert.equal(await page.getByTestId('case-row').count(), 0);

  await page.getByRole('tab', { name: 'Breaching soon' }).click();
  // Soonest first: the case already past its clock leads.
  await caseRow(seeded.lateCase.number).waitFor();
  assert.equal(await page.getByTestId('case-row').first().getAttribute('data-number'), String(seeded.lateCase.number));
  assert.equal(await page.getByTestId('load-more').count(), 0);

  await page.getByRole('tab', { name: 'All' }).click();
  await caseRow(seeded.mariaCase.number).waitFor();
  await page.getByRole('tab', { name: 'Mine' }).click();
  await page.waitForURL(`${server.url}/inbox`);
});

test('selecting a case opens it: the conversation beside the context card', async () => {
  await caseRow(seeded.mariaCase.number)
    .getByRole('link', { name: /My order B-77/ })
    .click();
  await page.waitForURL(`${server.url}/cases/${seeded.mariaCase.number}`);
  const header = page.getByTestId('case-header');
  assert.match(
    await header.getByRole('heading', { level: 1 }).innerText(),
    new RegExp(`#${seeded.mariaCase.number}\\s+My order B-77 arrived broken`),
  );
  // The team's name arrives with the teams list, after the case itself.
  await header.getByText('Support', { exact: true }).waitFor();
  const facts = await header.innerText();
  for (const expected of ['Maria Garcia', 'Social', 'Alex Agent', 'Support', 'Damaged item', 'First response']) {
    assert.ok(facts.includes(expected), `${expected} in ${facts}`);
  }
  await messages('inbound').filter({ hasText: 'My order B-77 arrived broken, can you help?' }).waitFor();

  const card = page.getByTestId('context-card');
  await card.waitFor();
  assert.match(await card.getByRole('heading', { level: 1 }).innerText(), /Maria Garcia/);
  const conversation = await page.getByTestId('conversation').boundingBox();
  const cardBox = await card.boundingBox();
  assert.ok(conversation && cardBox);
  assert.ok(
    cardBox.x >= conversation.x + conversation.width,
    `card ${JSON.stringify(cardBox)} right of conversation ${JSON.stringify(conversation)}`,
  );
  assert.ok(
    cardBox.y < conversation.y + conversation.height && conversation.y < cardBox.y + cardBox.height,
    'side by side, not stacked',
  );
  await page.screenshot({ path: '/tmp/rapport-case.png' });
});

test('the customer page lists the open case and links back to it', async () => {
  await page.getByTestId('case-header').getByRole('link', { name: 'Maria Garcia' }).click();
  await page.waitForURL(`${server.url}/customers/${seeded.mariaCase.customerId}`);
  const open = page.getByTestId('open-case');
  await open.first().waitFor();
  assert.equal(await open.count(), 1);
  await open.getByRole('link', { name: new RegExp(`#${seeded.mariaCase.number}`) }).click();
  await page.waitForURL(`${server.url}/cases/${seeded.mariaCase.number}`);
  await page.getByTestId('case-header').waitFor();
});

test('a template fills the reply with the customer’s first name, and the sent reply shows as sent', async () => {
  await page.getByLabel('Template').selectOption({ label: 'Apology' });
  const box = page.getByLabel('Message', { exact: true });
  await page.waitForFunction(() =>
    (document.querySelector<HTMLTextAreaElement>('#reply-text')?.value ?? '').startsWith('Hi Maria,'),
  );
  await box.fill(`${await box.inputValue()} A replacement is on its way.`);
  await page.getByRole('button', { name: 'Send reply' }).click();

  const reply = messages('reply').filter({ hasText: 'A replacement is on its way.' });
  await reply.waitFor();
  assert.match(await reply.innerText(), /Hi Maria, sorry about the wait/);
  await reply.locator('[data-testid="delivery"][data-status="sent"]').waitFor({ timeout: 20_000 });
  assert.equal(await reply.getByTestId('delivery').innerText(), 'Sent');
  assert.equal(await box.inputValue(), '', 'the box is ready for the next message');

  // The recorded-feed adapter "posts" to X by writing the outbox file.
  const outbox = await readFile(join(server.dataDir, 'social-outbox.jsonl'), 'utf8');
  assert.match(
    outbox,
    /@mariag Hi Maria, sorry about the wait\. We are looking into it now\. A replacement is on its way\./,
  );
  // The first response stopped that clock: the header says it was met.
  await page
    .getByTestId('case-header')
    .getByText(/First response met/)
    .waitFor();
});

test('an internal note is marked as only for staff', async () => {
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await page.getByLabel('Note', { exact: true }).fill('Checked with the warehouse: box was crushed.');
  await page.getByRole('button', { name: 'Add internal note' }).click();
  const note = messages('note').filter({ hasText: 'Checked with the warehouse' });
  await note.waitFor();
  assert.match(await note.innerText(), /Only staff see this/);
  assert.equal(await note.getByTestId('delivery').count(), 0);
});

test('pending stops the resolution clock: the header says it waits on the customer; Open starts it again', async () => {
  const statusGroup = page.getByRole('group', { name: 'Change status' });
  await statusGroup.getByRole('button', { name: 'Pending' }).click();
  await page.getByTestId('resolution-paused').waitFor();
  assert.match(await page.getByTestId('resolution-paused').innerText(), /^paused .* waiting on the customer$/);
  await statusGroup.getByRole('button', { name: 'Open' }).click();
  await page.getByTestId('resolution-paused').waitFor({ state: 'detached' });
});

test('priority, tags and reason are changed together from the header', async () => {
  await page.getByText('Change priority, assignee, reason or tags').click();
  const form = page.getByRole('form', { name: 'Case details' });
  await form.getByLabel('Priority').selectOption('high');
  await form.getByLabel('Tags').fill('damaged, replacement');
  await form.getByLabel('Reason').fill('damaged_item');
  // The assignee list is the team's members with their load, the current one chosen.
  assert.match(await form.getByLabel('Assignee').locator('option:checked').innerText(), /^Alex Agent · \d+ open$/);
  await form.getByRole('button', { name: 'Save changes' }).click();
  const header = page.getByTestId('case-header');
  await header.getByTestId('case-priority').filter({ hasText: 'High' }).waitFor();
  assert.deepEqual(await header.getByTestId('case-tags').locator('.tag').allInnerTexts(), ['damaged', 'replacement']);
});

async function offerGesture(amount: string, reason: string): Promise<string> {
  await page.getByRole('button', { name: 'Offer a gesture' }).click();
  const dialog = page.getByRole('dialog', { name: 'Offer a gesture' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Currency').inputValue(), 'EUR', "the agent's limit currency is the default");
  await dialog.getByLabel('Kind').selectOption('credit');
  await dialog.getByLabel('Amount').fill(amount);
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Issue gesture' }).click();
  const result = page.getByTestId('gesture-result');
  await result.waitFor();
  const text = await result.innerText();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  return text;
}

test('a credit within the limit is issued; one above it waits for a manager', async () => {
  const within = await offerGesture('20', 'Broken on arrival');
  assert.match(within, /^Issued: Credit of €20\.00/);
  await gestures('issued').filter({ hasText: 'Credit of €20.00' }).waitFor();
  await messages('gesture').filter({ hasText: 'Broken on arrival' }).waitFor();

  const above = await offerGesture('120', 'Second breakage this year');
  assert.match(above, /Waiting for a manager’s approval: Credit of €120\.00 is above your limit of €50\.00/);
  const pending = gestures('pending').filter({ hasText: 'Credit of €120.00' });
  await pending.waitFor();
  assert.match(await pending.innerText(), /Waiting for approval/);
  assert.equal(await pending.getByRole('button', { name: /^Approve/ }).count(), 0, 'an agent cannot approve');
});

test('resolving the case offers Reopen and Close, and shows first-contact resolution', async () => {
  await page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: 'Resolve' }).click();
  const status = page.getByTestId('case-header').getByTestId('case-status');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="case-header"] [data-testid="case-status"]')?.textContent === 'Resolved',
  );
  assert.equal(await status.innerText(), 'Resolved');
  const buttons = await page.getByRole('group', { name: 'Change status' }).getByRole('button').allInnerTexts();
  assert.deepEqual(buttons, ['Reopen', 'Close']);
  assert.equal(await page.getByTestId('fcr').innerText(), 'Yes');
  assert.equal(
    await page.getByTestId('sla-timer').first().getAttribute('data-state'),
    'none',
    'no clock runs once resolved',
  );
});

test('a manager finds the gesture waiting in the inbox and approves it on the case page', async () => {
  // Another request above the agent's limit, on the late case, for the manager to turn down next.
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: seeded.agent.email, password: seeded.agent.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const asked = await fetch(`${server.url}/api/cases/${seeded.lateCase.id}/gestures`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'refund', amount: 75, currency: 'EUR', reason: 'Waited all afternoon' }),
  });
  assert.equal(asked.status, 202);

  await switchTo(seeded.manager.email, seeded.manager.password);
  await nav().getByRole('link', { name: 'Inbox' }).click();
  const waiting = page.getByTestId('pending-approval').filter({ hasText: 'Credit of €120.00' });
  await waiting.waitFor();
  assert.match(await waiting.innerText(), /Second breakage this year · asked by Alex Agent/);
  await waiting.getByRole('link', { name: 'Open case' }).click();
  await page.waitForURL(`${server.url}/cases/${seeded.mariaCase.number}`);
  await page.getByTestId('context-card').waitFor();
  const pending = gestures('pending').filter({ hasText: 'Credit of €120.00' });
  await pending.waitFor();
  await pending.getByRole('button', { name: 'Approve Credit of €120.00' }).click();
  const approved = gestures('issued').filter({ hasText: 'Credit of €120.00' });
  await approved.waitFor();
  assert.equal(await gestures('pending').count(), 0);
  await messages('gesture').filter({ hasText: 'Second breakage this year' }).waitFor();
});

test('a manager rejects a gesture with the reason, which the case then shows', async () => {
  await openCase(seeded.lateCase.number);
  const pending = gestures('pending').filter({ hasText: 'Refund of €75.00' });
  await pending.waitFor();
  await pending.getByRole('button', { name: 'Reject Refund of €75.00…' }).click();
  await pending.getByLabel('Why not?').fill('A credit is enough here');
  await pending.getByRole('button', { name: 'Reject gesture' }).click();
  const rejected = gestures('rejected').filter({ hasText: 'Refund of €75.00' });
  await rejected.waitFor();
  assert.match(await rejected.innerText(), /Rejected[\s\S]*“A credit is enough here”/);
});

test('a viewer reads the case without controls, and may only add a note', async () => {
  await switchTo(seeded.viewer.email, seeded.viewer.password);
  await nav().getByRole('link', { name: 'Inbox' }).waitFor();
  await openCase(seeded.mariaCase.number);
  await messages('reply').first().waitFor();
  await messages('note').first().waitFor();
  assert.equal(await page.getByRole('group', { name: 'Change status' }).count(), 0);
  for (const name of ['Send reply', 'Offer a gesture', 'Reopen', 'Close', 'Resolve', 'Save changes']) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, name);
  }
  assert.equal(await page.getByText('Change priority, assignee, reason or tags').count(), 0);
  assert.equal(await page.getByRole('radio', { name: 'Reply to customer' }).count(), 0);
  assert.equal(await page.getByLabel('Template').count(), 0);

  await page.getByLabel('Note', { exact: true }).fill('Customer called the store about this too.');
  await page.getByRole('button', { name: 'Add internal note' }).click();
  await messages('note').filter({ hasText: 'Customer called the store' }).waitFor();
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
