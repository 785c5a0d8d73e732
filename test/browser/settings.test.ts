// Settings in the browser: an admin creates a write key, a source uses it, the admin revokes it; staff accounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';
import { openBrowser, openCustomer, sendWithWriteKey, signIn, type BrowserSession } from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
/** The secret the UI showed for the key created below. */
let shownKey = '';

const LENA = { userId: 'lp-42', traits: { name: 'Lena Landing', email: 'lena@example.com' } };

before(async () => {
  server = await startTestServer();
  session = await openBrowser();
  page = session.page;
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await signIn(page, server.url, server.adminEmail, server.adminPassword);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

function settingsLink(name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
}

test('an admin sees Write keys and Staff under Settings', async () => {
  assert.equal(
    await page.getByRole('navigation', { name: 'Main' }).getByRole('heading', { name: 'Settings' }).count(),
    1,
  );
  await settingsLink('Write keys').click();
  await page.getByRole('heading', { name: 'Write keys', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/settings/write-keys');
  // The key startTestServer made is listed by its hint, never its secret.
  const shop = page.getByTestId('write-key').filter({ hasText: 'Web shop' });
  assert.match(await shop.innerText(), /Active/);
  assert.ok(!(await shop.innerText()).includes(server.writeKey));
});

test('a name the server cannot turn into a source is refused beside the Source field', async () => {
  await page.getByLabel('Name').fill('★★★');
  await page.getByRole('button', { name: 'Create key' }).click();
  const error = page.locator('#key-source-error');
  await error.waitFor();
  assert.match(await error.innerText(), /lower-case letters/);
  assert.equal(await page.getByLabel('Source (optional)').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('new-key').count(), 0);
});

test('a new key is shown once, copies to the clipboard, and comes with a working curl line', async () => {
  await page.getByLabel('Name').fill('Landing page');
  await page.getByLabel('Source (optional)').fill('landing');
  await page.getByRole('button', { name: 'Create key' }).click();
  const box = page.getByTestId('new-key');
  await box.waitFor();
  assert.match(await box.innerText(), /Copy it now: it will not be shown again/);
  assert.equal(await page.locator('#key-source-error').count(), 0);
  shownKey = (await page.getByTestId('new-key-value').innerText()).trim();
  assert.match(shownKey, /^wk_[\w-]{20,}$/);

  const curl = await page.getByTestId('curl-example').innerText();
  assert.equal(
    curl,
    `curl -u ${shownKey}: ${server.url}/v1/track -H 'content-type: application/json' -d '{"userId":"u1","event":"Signed Up"}'`,
  );

  await box.getByRole('button', { name: 'Copy' }).click();
  await box.getByRole('button', { name: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shownKey);

  const row = page.getByTestId('write-key').filter({ hasText: 'Landing page' });
  assert.match(await row.innerText(), /landing/);
  assert.ok(!(await row.innerText()).includes(shownKey), 'the list shows only the hint');
  await page.screenshot({ path: '/tmp/rapport-settings.png', fullPage: true });
});

test('a source sending with the shown key is accepted and its customer can be found', async () => {
  const response = await sendWithWriteKey(server.url, shownKey, '/v1/identify', LENA);
  assert.equal(response.status, 200, await response.text());
  await openCustomer(page, 'lena@example.com');
  assert.match(await page.getByTestId('context-card').innerText(), /Lena Landing/);
  const identities = await page.getByTestId('identity').allInnerTexts();
  assert.ok(identities.includes('Landing lp-42'), identities.join(' | '));
});

test('"Last used" follows a source that starts sending while the page is open', async () => {
  // A page of its own, on a clock the test moves: the list looks again every 15 s.
  const watcher = await session.context.newPage();
  try {
    await watcher.clock.install();
    await watcher.goto(`${server.url}/settings/write-keys`);
    const row = watcher.getByTestId('write-key').filter({ hasText: 'Web shop' });
    await row.waitFor();
    assert.match(await row.innerText(), /Never/);
    const sent = await sendWithWriteKey(server.url, server.writeKey, '/v1/track', { userId: 'lu-1', event: 'Viewed' });
    assert.equal(sent.status, 200, await sent.text());
    await watcher.clock.runFor(16_000);
    await row.getByText(/ago|just now/).waitFor();
    assert.doesNotMatch(await row.innerText(), /Never/);
  } finally {
    await watcher.close();
  }
});

test('revoking asks first; afterwards the key is refused with 401', async () => {
  await settingsLink('Write keys').click();
  const row = page.getByTestId('write-key').filter({ hasText: 'Landing page' });
  await row.getByRole('button', { name: 'Revoke' }).click();
  const ask = row.getByRole('group', { name: /Revoke “Landing page”\?/ });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await row.innerText(), /Active/);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await ask.getByRole('button', { name: 'Revoke' }).click();
  await row.getByText(/^Revoked /).waitFor();
  assert.equal(await row.getByRole('button', { name: 'Revoke' }).count(), 0);
  assert.match(await page.getByTestId('write-key').filter({ hasText: 'Web shop' }).innerText(), /Active/);

  const refused = await sendWithWriteKey(server.url, shownKey, '/v1/identify', LENA);
  assert.equal(refused.status, 401);
});

test('a staff member is added after a too-short password is refused beside its field', async () => {
  await settingsLink('Staff').click();
  await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
  await page.getByTestId('staff-member').first().waitFor();
  await page.getByLabel('Name').fill('Ada Agent');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Role').selectOption('agent');
  await page.getByLabel('Department (optional)').fill('support');
  await page.getByLabel('Starting password').fill('short');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const passwordError = page.locator('#staff-password-error');
  await passwordError.waitFor();
  assert.match(await passwordError.innerText(), /at least 12 characters/);
  assert.equal(await page.getByTestId('staff-member').filter({ hasText: 'ada@example.com' }).count(), 0);

  await page.getByLabel('Starting password').fill('a much longer password');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const ada = page.getByTestId('staff-member').filter({ hasText: 'ada@example.com' });
  await ada.waitFor();
  assert.match(await ada.innerText(), /Ada Agent\s+ada@example\.com\s+Agent\s+Support/);
  assert.equal(await passwordError.count(), 0);
  assert.equal(await page.getByLabel('Name').inputValue(), '', 'the form is cleared for the next person');
});

test('an email that already has an account is refused beside the Email field', async () => {
  await page.getByLabel('Name').fill('Ada Again');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Starting password').fill('another long password');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const emailError = page.locator('#staff-email-error');
  await emailError.waitFor();
  assert.match(await emailError.innerText(), /already exists/);
  assert.equal(await page.getByTestId('staff-member').filter({ hasText: 'ada@example.com' }).count(), 1);
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
