// Reply delivery in headless Chromium: the composer says where a reply goes only when it can go there
// and otherwise says why and offers a note; a reply that did not go out shows its reason and a retry on
// the case, and its case is listed in the inbox's "Failed to send" queue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestServer, http } from '../helpers/server.ts';
import { openBrowser, seriousAxeViolations, signIn, type BrowserSession } from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let agentToken: string;
let emailCase: number;
let socialCase: number;

async function openCase(customer: Record<string, unknown>, channel: string, sourceId: string): Promise<number> {
  const stored = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: { interactions: [{ customer, channel, text: 'Where is my parcel?', sourceId }] },
  });
  assert.equal(stored.status, 200, JSON.stringify(stored.body));
  const detail = await http('GET', `${server.url}/api/cases/${stored.body.results[0].caseId}`, { token: server.token });
  return detail.body.number;
}

before(async () => {
  // No RAPPORT_SMTP_URL: email has no way out.
  server = await startTestServer();
  agentToken = await server.staffToken('agent');
  emailCase = await openCase({ email: 'jane@example.com', name: 'Jane Roe' }, 'email', 'mail-1');
  socialCase = await openCase({ handles: { x: '@sam_x' }, name: 'Sam Poe' }, 'social', 'post-1');
  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, 'agent1@example.com', 'a long enough password');
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

async function showCase(number: number): Promise<void> {
  await page.goto(`${server.url}/cases/${number}`);
  await page.getByTestId('case-header').waitFor();
}

test('the composer names where a social reply goes', async () => {
  await showCase(socialCase);
  const reply = page.getByRole('form', { name: 'Reply to the customer' });
  await reply.getByText('Goes as a public reply to @sam_x on X.').waitFor();
  assert.equal(await page.getByTestId('reply-undeliverable').count(), 0);
});

test('with no mail server, the composer says the reply cannot be sent and offers a note', async () => {
  await showCase(emailCase);
  const notice = page.getByTestId('reply-undeliverable');
  await notice.waitFor();
  assert.match(
    await notice.innerText(),
    /This reply cannot be sent\. Replies by email cannot be sent: no outbound mail server is configured/,
  );
  await page.getByLabel('Message').fill('We are on it');
  assert.equal(
    await page.getByRole('button', { name: 'Send reply' }).isDisabled(),
    true,
    'nothing pretends to send it',
  );
  await page.getByRole('button', { name: 'Write an internal note instead' }).click();
  assert.equal(await page.getByRole('radio', { name: 'Internal note' }).isChecked(), true);
  assert.equal(await page.getByRole('button', { name: 'Add internal note' }).isEnabled(), true);
});

test('a reply that did not go out shows why, with a retry, and its case is in Failed to send', async () => {
  // Sent through the API (a script does not ask the composer first): queued, with the reason.
  const caseId = (await http('GET', `${server.url}/api/cases/${emailCase}`, { token: agentToken })).body.id;
  const sent = await http('POST', `${server.url}/api/cases/${caseId}/replies`, {
    token: agentToken,
    body: { text: 'Your parcel is on its way' },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  await showCase(emailCase);
  const delivery = page.locator('[data-testid="case-message"][data-kind="reply"] [data-testid="delivery"]');
  await delivery.waitFor();
  assert.match(
    await delivery.innerText(),
    /Not sent yet: No adapter sends on email: configure one \(for email, RAPPORT_SMTP_URL\)/,
  );
  await page.getByRole('button', { name: 'Retry sending' }).click();
  await page.getByRole('button', { name: 'Retry sending' }).waitFor();
  assert.match(await delivery.innerText(), /Not sent yet/, 'tried again: still no way out');

  await page.goto(`${server.url}/inbox?queue=failed`);
  assert.equal(await page.getByRole('tab', { name: 'Failed to send' }).getAttribute('aria-selected'), 'true');
  await page.locator(`[data-testid="case-row"][data-number="${emailCase}"]`).waitFor();
  assert.equal(
    await page.locator(`[data-testid="case-row"][data-number="${socialCase}"]`).count(),
    0,
    'a sent reply is not listed',
  );
  assert.deepEqual(session.pageErrors, []);
});

test('the notice and the failed reply with its retry pass axe (no serious or critical finding)', async () => {
  await showCase(emailCase);
  await page.getByTestId('reply-undeliverable').waitFor();
  await page.getByRole('button', { name: 'Retry sending' }).waitFor();
  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));
});
