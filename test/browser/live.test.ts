// Live updates, the collision warning and keyboard shortcuts in headless Chromium against the real
// server: changes made elsewhere (the API, a colleague in another browser) appear without a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { openBrowser, sessionCookie, signIn, type BrowserSession } from './harness.ts';
import { postOnX, seedInbox, type SeededInbox, type SeededStaff } from './seed-cases.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let seeded: SeededInbox;

before(async () => {
  server = await startTestServer();
  seeded = await seedInbox(server);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

async function asStaff(staff: SeededStaff, method: string, path: string, body?: unknown) {
  const cookie = await sessionCookie(server.url, staff.email, staff.password);
  const response = await http(method, `${server.url}${path}`, { headers: { cookie, origin: server.url }, body });
  assert.ok(response.status < 300, `${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A mark in the page's memory: gone if the page reloads. */
async function markPage(target: Page): Promise<void> {
  await target.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
}
async function stillSamePage(target: Page): Promise<boolean> {
  return target.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
}

async function openCase(target: Page, number: number): Promise<void> {
  await target.goto(`${server.url}/cases/${number}`);
  await target.getByTestId('case-header').waitFor();
}

test('a case page shows a colleague’s note, a customer’s message and a status change without a reload', async () => {
  await signIn(page, server.url, seeded.agent.email, seeded.agent.password);
  await openCase(page, seeded.mariaCase.number);
  await markPage(page);

  await asStaff(seeded.manager, 'POST', `/api/cases/${seeded.mariaCase.id}/notes`, {
    text: 'Refund approved on my side',
  });
  await page.getByTestId('case-message').filter({ hasText: 'Refund approved on my side' }).waitFor();

  // Maria writes again on X, in reply to her own post: the message joins her case.
  await postOnX(server, '2001', 'mariag', 'Any news about my broken order B-77?');
  await page.getByTestId('case-message').filter({ hasText: 'Any news about my broken order' }).waitFor();

  await asStaff(seeded.manager, 'PATCH', `/api/cases/${seeded.mariaCase.id}`, { status: 'pending' });
  await page
    .getByTestId('case-header')
    .getByTestId('case-status')
    .filter({ hasText: /pending/i })
    .waitFor();
  assert.ok(await stillSamePage(page), 'the page was not reloaded');
});

test('the inbox gains a new case by itself', async () => {
  await page.goto(`${server.url}/inbox?queue=all`);
  await page.getByTestId('case-row').first().waitFor();
  await markPage(page);
  await postOnX(server, '3100', 'livewire', 'Do you ship to Norway?');
  await page.getByTestId('case-customer').filter({ hasText: '@livewire' }).waitFor();
  assert.ok(await stillSamePage(page), 'the queue was not reloaded');
});

test('two agents on one case see each other: viewing, then replying', async () => {
  const other = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const colleague = await other.newPage();
  colleague.setDefaultTimeout(10_000);
  colleague.on('pageerror', (error) => session.pageErrors.push(error.message));
  try {
    await signIn(colleague, server.url, seeded.manager.email, seeded.manager.password);
    await openCase(page, seeded.lateCase.number);
    await openCase(colleague, seeded.lateCase.number);

    await page
      .getByTestId('presence')
      .filter({ hasText: `${seeded.manager.name} is viewing` })
      .waitFor();
    await colleague
      .getByTestId('presence')
      .filter({ hasText: `${seeded.agent.name} is viewing` })
      .waitFor();

    await colleague.getByLabel('Message').fill('Hi, we are on it');
    await page
      .getByTestId('presence')
      .filter({ hasText: `${seeded.manager.name} is replying` })
      .waitFor();
    assert.equal(await page.getByTestId('presence').getByText('Check before you send a reply too').count(), 1);

    // The colleague leaves the case: the warning goes.
    await colleague.goto(`${server.url}/inbox`);
    await page.getByTestId('presence').getByText(seeded.manager.name).waitFor({ state: 'detached' });
  } finally {
    await other.close();
  }
});

test('keyboard shortcuts: j/k through a queue and its cases, r, n, t, e, /, g i and the ? overlay', async () => {
  await page.getByTestId('signout').click();
  await page.waitForURL(/\/signin$/);
  await signIn(page, server.url, seeded.manager.email, seeded.manager.password);
  await page.goto(`${server.url}/inbox?queue=all`);
  await page.getByTestId('case-row').nth(2).waitFor();
  const numbers = await page
    .getByTestId('case-row')
    .evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.number)));

  // In the list: j selects the first row, j again the second; Enter opens it.
  await page.locator('body').press('j');
  await page.locator('body').press('j');
  assert.equal(
    await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-number')),
    String(numbers[1]),
  );
  await page.keyboard.press('k');
  assert.equal(
    await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-number')),
    String(numbers[0]),
  );
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/cases/${numbers[1]}`);
  await page.getByTestId('case-header').waitFor();

  // On the case: j and k go to the next and previous case of that queue.
  await page.keyboard.press('j');
  await page.waitForURL(`${server.url}/cases/${numbers[2]}`);
  await page
    .getByTestId('case-header')
    .filter({ hasText: `#${numbers[2]}` })
    .waitFor();
  await page.keyboard.press('k');
  await page.waitForURL(`${server.url}/cases/${numbers[1]}`);
  await page
    .getByTestId('case-header')
    .filter({ hasText: `#${numbers[1]}` })
    .waitFor();

  // ? shows the list of shortcuts in a dialog; Escape closes it.
  await page.keyboard.press('Shift+?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await overlay.waitFor();
  assert.ok((await overlay.getByTestId('shortcut').count()) >= 9);
  assert.match(await overlay.innerText(), /Resolve the case/);
  await page.keyboard.press('j');
  assert.equal(page.url(), `${server.url}/cases/${numbers[1]}`, 'no shortcut runs behind the dialog');
  await page.keyboard.press('Escape');
  await overlay.waitFor({ state: 'hidden' });

  // n: an internal note, with the cursor in it; typed letters are text, not shortcuts.
  await page.keyboard.press('n');
  const text = page.locator('form.reply-box textarea');
  await page.waitForFunction(() => document.activeElement?.matches('form.reply-box textarea'));
  assert.equal(await page.getByRole('radio', { name: 'Internal note' }).isChecked(), true);
  await page.keyboard.type('just kidding');
  assert.equal(await text.inputValue(), 'just kidding');
  assert.equal(page.url(), `${server.url}/cases/${numbers[1]}`, 'j and k in the text did not move');
  await text.fill('');
  await text.blur();

  // r: a reply to the customer.
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.activeElement?.matches('form.reply-box textarea'));
  assert.equal(await page.getByRole('radio', { name: 'Reply to customer' }).isChecked(), true);
  await text.blur();

  // t: take it (the manager becomes the assignee); e: resolve.
  await page.keyboard.press('t');
  await page.getByTestId('case-header').locator('.case-facts dd').filter({ hasText: seeded.manager.name }).waitFor();
  await page.keyboard.press('e');
  await page
    .getByTestId('case-header')
    .getByTestId('case-status')
    .filter({ hasText: /resolved/i })
    .waitFor();
  const detail = await asStaff(seeded.manager, 'GET', `/api/cases/${numbers[1]}`);
  assert.equal(detail.assigneeId, seeded.manager.id);
  assert.equal(detail.status, 'resolved');

  // /: search. A case page has no search field: it goes to the inbox's case search, cursor in the field.
  await page.keyboard.press('/');
  await page.waitForURL(/\/inbox/);
  const caseSearch = page.getByRole('searchbox', { name: 'Search cases' });
  await page.waitForFunction(() => document.activeElement?.matches('input[type="search"]'));
  assert.equal(await caseSearch.inputValue(), '', 'the / was not typed into the field');

  // g then i: the inbox, from anywhere (here the customers page); there / uses the page's own search field.
  await page.goto(`${server.url}/`);
  await page.getByTestId('search-input').waitFor();
  // Customer search puts the cursor in its field: there g and i are letters. Out of it, a shortcut.
  await page.getByTestId('search-input').blur();
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await page.waitForURL(`${server.url}/inbox`);
  await page.getByRole('tablist', { name: 'Queues' }).waitFor();
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.matches('input[type="search"]'));
  assert.equal(page.url(), `${server.url}/inbox`);
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
