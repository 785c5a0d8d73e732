// What the inbox tells an agent as things happen, in headless Chromium against the real server: who a
// customer is when we know no name (masked for a viewer), which case and customer a gesture waiting
// for approval is for, where colleagues mentioned you, and queues that refresh themselves in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { openBrowser, sessionCookie, switchUser, signIn, type BrowserSession } from './harness.ts';
import {
  postOnX,
  seedInbox,
  seedUnnamedCallers,
  type SeededInbox,
  type SeededStaff,
  type SeededUnnamed,
} from './seed-cases.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let seeded: SeededInbox;
let callers: SeededUnnamed;

before(async () => {
  server = await startTestServer();
  seeded = await seedInbox(server);
  callers = await seedUnnamedCallers(server);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
const caseRow = (number: number) => page.locator(`[data-testid="case-row"][data-number="${number}"]`);
const customerOf = (number: number) => caseRow(number).getByTestId('case-customer');
const notes = () => page.locator('[data-testid="case-message"][data-kind="note"]');

async function asStaff(staff: SeededStaff, method: string, path: string, body?: unknown) {
  const cookie = await sessionCookie(server.url, staff.email, staff.password);
  return http(method, `${server.url}${path}`, { headers: { cookie }, body });
}

async function openCase(number: number): Promise<void> {
  await page.goto(`${server.url}/cases/${number}`);
  await page.getByTestId('case-header').waitFor();
  await page.getByTestId('context-card').waitFor();
}

async function openQueue(target: Page, queue: string): Promise<void> {
  await target.goto(`${server.url}/inbox?queue=${queue}`);
  await target.getByTestId('case-row').first().waitFor();
}

test('a customer without a name is called by email, @handle or phone in the queue and on the case', async () => {
  await signIn(page, server.url, seeded.agent.email, seeded.agent.password);
  await openQueue(page, 'all');
  assert.equal(await customerOf(callers.phoneCase.number).innerText(), callers.phoneCase.phone);
  assert.equal(await customerOf(callers.emailCase.number).innerText(), callers.emailCase.email, 'email before phone');
  const shown = await page.getByTestId('case-customer').allInnerTexts();
  assert.ok(shown.includes('@fan26'), `a customer known by her X handle: ${shown.join(' | ')}`);
  assert.ok(shown.includes('Maria Garcia'), 'a name comes first');
  assert.ok(!shown.includes('Unnamed customer'), shown.join(' | '));

  await openCase(callers.phoneCase.number);
  assert.equal(await page.getByTestId('case-header').getByTestId('case-customer').innerText(), callers.phoneCase.phone);
  assert.match(await page.getByTestId('context-card').getByRole('heading', { level: 1 }).innerText(), /^\+14155550123/);
});

test('a viewer, who may not see personal data, gets the email and the phone masked', async () => {
  await switchUser(page, server.url, seeded.viewer.email, seeded.viewer.password);
  await openQueue(page, 'all');
  assert.equal(await customerOf(callers.phoneCase.number).innerText(), callers.phoneCase.maskedPhone);
  assert.equal(await customerOf(callers.emailCase.number).innerText(), callers.emailCase.maskedEmail);
  const shown = (await page.getByTestId('case-customer').allInnerTexts()).join(' | ');
  assert.ok(shown.includes('@fan26'), 'handles are public and stay as they are');
  assert.ok(!shown.includes(callers.phoneCase.phone) && !shown.includes(callers.emailCase.email), shown);

  // The API itself masks the label: the UI never receives what the role may not see.
  const listed = await asStaff(seeded.viewer, 'GET', '/api/cases?limit=100');
  const labels = listed.body.items.map((item: { customerLabel: string | null }) => item.customerLabel);
  assert.ok(
    labels.includes(callers.phoneCase.maskedPhone) && labels.includes(callers.emailCase.maskedEmail),
    labels.join(' | '),
  );
  assert.ok(!JSON.stringify(labels).includes(callers.emailCase.email), 'no unmasked email in any label');

  await openCase(callers.emailCase.number);
  assert.equal(
    await page.getByTestId('case-header').getByTestId('case-customer').innerText(),
    callers.emailCase.maskedEmail,
  );
  assert.match(
    await page.getByTestId('context-card').getByRole('heading', { level: 1 }).innerText(),
    /^s\*\*\*@example\.com/,
  );
});

test('a gesture waiting for approval names its case and customer, and links to the case', async () => {
  for (const [caseId, amount, reason] of [
    [seeded.mariaCase.id, 75, 'Broken twice'],
    [`${callers.phoneCase.number}`, 60, 'Nobody called back'],
  ] as const) {
    const asked = await asStaff(seeded.agent, 'POST', `/api/cases/${caseId}/gestures`, {
      kind: 'refund',
      amount,
      currency: 'EUR',
      reason,
    });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
  }

  await switchUser(page, server.url, seeded.manager.email, seeded.manager.password);
  await nav().getByRole('link', { name: 'Inbox' }).click();
  const maria = page.getByTestId('pending-approval').filter({ hasText: 'Refund of €75.00' });
  await maria.waitFor();
  assert.equal(
    await maria.getByTestId('approval-case').innerText(),
    `#${seeded.mariaCase.number} My order B-77 arrived broken, can you help?`,
  );
  assert.equal(await maria.getByTestId('approval-customer').innerText(), 'Maria Garcia');
  const caller = page.getByTestId('pending-approval').filter({ hasText: 'Refund of €60.00' });
  assert.match(await caller.getByTestId('approval-case').innerText(), new RegExp(`^#${callers.phoneCase.number} `));
  assert.equal(
    await caller.getByTestId('approval-customer').innerText(),
    callers.phoneCase.phone,
    'managers see personal data',
  );

  await maria.getByTestId('approval-case').click();
  await page.waitForURL(`${server.url}/cases/${seeded.mariaCase.number}`);
  await page.getByTestId('case-header').waitFor();
});

test('a note that @mentions the agent reaches their Mentions tab and stands out on the case', async () => {
  // The manager, on Maria's case, asks the agent in.
  await page.getByTestId('context-card').waitFor();
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await page.getByLabel('Note', { exact: true }).fill('@alex could you call Maria back? She prefers mornings.');
  await page.getByRole('button', { name: 'Add internal note' }).click();
  await notes().filter({ hasText: 'She prefers mornings' }).waitFor();

  await switchUser(page, server.url, seeded.agent.email, seeded.agent.password);
  await nav().getByRole('link', { name: 'Inbox' }).click();
  const tab = page.getByRole('tab', { name: /^Mentions/ });
  await tab.getByTestId('unread-mentions').filter({ hasText: '1' }).waitFor();
  await tab.click();
  await page.waitForURL(`${server.url}/inbox?queue=mentions`);
  const mention = page.getByTestId('mention').first();
  await mention.waitFor();
  assert.equal(await mention.getAttribute('data-read'), 'false');
  const text = await mention.innerText();
  for (const expected of [`Case #${seeded.mariaCase.number}`, 'Morgan Manager mentioned you', 'She prefers mornings']) {
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  }
  assert.equal(await mention.getByTestId('mention-of-me').innerText(), '@alex');

  await mention.getByRole('link', { name: `Case #${seeded.mariaCase.number}` }).click();
  await page.waitForURL(`${server.url}/cases/${seeded.mariaCase.number}`);
  const marked = page.locator('[data-testid="case-message"][data-mentions-me="true"]');
  await marked.waitFor();
  assert.equal(await marked.count(), 1, 'only the note that mentions the agent');
  assert.match(await marked.innerText(), /Mentions you[\s\S]*@alex could you call Maria back/);
  assert.equal(await marked.getByTestId('mention-of-me').innerText(), '@alex');

  // The agent's answer mentions the manager: a colleague's name, not one that stands out for the agent.
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await page.getByLabel('Note', { exact: true }).fill('@morgan called her, all sorted.');
  await page.getByRole('button', { name: 'Add internal note' }).click();
  const answer = notes().filter({ hasText: 'all sorted' });
  await answer.waitFor();
  assert.equal(await answer.getAttribute('data-mentions-me'), null);
  assert.equal(await answer.locator('mark.mention-colleague').innerText(), '@morgan');

  // Opened once, the mention is read: no longer counted as new.
  await page.goto(`${server.url}/inbox?queue=mentions`);
  await page.locator('[data-testid="mention"][data-read="true"]').first().waitFor();
  assert.equal(await page.getByTestId('unread-mentions').count(), 0);
});

test('a queue refreshes itself when the window gets focus, in place: same queue, same scroll, no flicker', async () => {
  // Live updates off (test/browser/live.test.ts has them): only the focus can bring the new case.
  await page.route(/\/api\/live/, (route) => route.abort());
  await openQueue(page, 'all');
  await page.getByTestId('freshness').filter({ hasText: 'Updated just now' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 300));
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 0, 'the queue is long enough to scroll');
  // Watch for the table being torn down or a loading message while the refresh runs.
  await page.evaluate(() => {
    const panel = document.getElementById('queue-panel')!;
    (window as unknown as { flickered: boolean }).flickered = false;
    new MutationObserver((changes) => {
      for (const change of changes) {
        const removedTable = [...change.removedNodes].some(
          (node) => node instanceof Element && (node.matches('table') || node.querySelector('table')),
        );
        const addedLoading = [...change.addedNodes].some(
          (node) => node instanceof Element && (node.matches('.loading') || node.querySelector('.loading')),
        );
        if (removedTable || addedLoading) (window as unknown as { flickered: boolean }).flickered = true;
      }
    }).observe(panel, { childList: true, subtree: true });
  });

  await postOnX(server, '3000', 'newcomer', 'Does the tote come in green?');
  assert.equal(
    await page.getByTestId('case-customer').filter({ hasText: '@newcomer' }).count(),
    0,
    'not there before the refresh',
  );
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.getByTestId('case-customer').filter({ hasText: '@newcomer' }).waitFor();

  assert.equal(page.url(), `${server.url}/inbox?queue=all`);
  assert.equal(await page.getByRole('tab', { name: 'All' }).getAttribute('aria-selected'), 'true');
  assert.ok((await page.evaluate(() => window.scrollY)) >= scrolled, 'the scroll position is kept');
  assert.equal(await page.evaluate(() => (window as unknown as { flickered: boolean }).flickered), false, 'no flicker');
  assert.equal(await page.getByTestId('freshness').innerText(), 'Updated just now');
  await page.unroute(/\/api\/live/);
});

test('without live updates (a proxy that buffers them), a queue polls every 30 s while the tab is visible, and not while it is hidden', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(/\/api\/live/, (route) => route.abort());
  await context.clock.install();
  const polled = await context.newPage();
  polled.setDefaultTimeout(10_000);
  polled.on('pageerror', (error) => session.pageErrors.push(error.message));
  try {
    await signIn(polled, server.url, seeded.agent.email, seeded.agent.password);
    await openQueue(polled, 'all');
    const handle = (author: string) => polled.getByTestId('case-customer').filter({ hasText: `@${author}` });
    // As a string: the test runner's transform would name the getter with a helper the page lacks.
    const setVisibility = (state: 'hidden' | 'visible') =>
      polled.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, value: '${state}' });
        document.dispatchEvent(new Event('visibilitychange'));`);

    await setVisibility('hidden');
    await postOnX(server, '3001', 'nightowl', 'Are you open on Sunday?');
    await polled.clock.fastForward('00:31');
    await polled.waitForTimeout(1000);
    assert.equal(await handle('nightowl').count(), 0, 'a hidden tab does not poll');
    await setVisibility('visible');
    await handle('nightowl').waitFor();

    await postOnX(server, '3002', 'earlybird', 'Is the sale still on?');
    await polled.waitForTimeout(1000);
    assert.equal(await handle('earlybird').count(), 0, 'nothing new until the next poll');
    await polled.clock.fastForward('00:31');
    await handle('earlybird').waitFor();
  } finally {
    await context.close();
  }
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
