// End-to-end checks of the web UI in headless Chromium against the real server with seeded customers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';
import { seedJane, seedPat, type SeededJane } from './seed.ts';

const PAT_INTERACTIONS = 45;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
let jane: SeededJane;
const pageErrors: string[] = [];

before(async () => {
  server = await startTestServer();
  jane = await seedJane(server);
  await seedPat(server, PAT_INTERACTIONS);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(password: string): Promise<void> {
  await page.getByLabel('Email').fill(server.adminEmail);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function search(text: string): Promise<string[]> {
  await page.getByTestId('search-input').fill(text);
  await page.getByRole('heading', { name: `Results for “${text}”` }).waitFor();
  return page.getByTestId('search-result').allInnerTexts();
}

async function openCustomer(query: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await search(query);
  await page.getByTestId('search-result').first().click();
  await page.getByTestId('context-card').waitFor();
  await page.getByTestId('timeline-item').first().waitFor();
}

test('a wrong password shows the server explanation', async () => {
  await page.goto(server.url);
  await page.waitForURL(/\/signin$/);
  await signIn('not-the-password');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Email or password is wrong/);
});

test('signing in opens the dashboard (an admin reads reports); Customers opens search', async () => {
  await signIn(server.adminPassword);
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByTestId('search-input').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.getByTestId('signout').innerText(), 'Sign out');
  // Without a query the home screen lists the most recently seen customers.
  await page.getByTestId('search-result').first().waitFor();
});

test('search finds Jane by name, email and phone', async () => {
  for (const query of ['Jane', 'jane@example.com', '+14155550123']) {
    const rows = await search(query);
    assert.equal(rows.length, 1, `one result for ${query}: ${rows.join(' | ')}`);
    assert.match(rows[0] ?? '', /Jane Doe/);
    assert.match(rows[0] ?? '', /jane@example\.com/);
  }
  await page.getByTestId('search-input').fill('nobody-like-this@example.org');
  await page.getByText('No customers match').waitFor();
  assert.equal(await page.getByTestId('search-result').count(), 0);
});

test('more search results load under the first twenty, each customer once', async () => {
  const start = Date.parse('2026-04-01T00:00:00Z');
  const interactions = Array.from({ length: 25 }, (_, i) => ({
    customer: { email: `morgan${i}@example.com`, name: `Morgan Many${i}` },
    channel: 'email',
    occurredAt: new Date(start + i * 60_000).toISOString(),
    sourceId: `morgan-${i}`,
  }));
  const stored = await fetch(`${server.url}/api/interactions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ interactions }),
  });
  assert.equal(stored.status, 200);
  assert.equal((await search('Morgan')).length, 20);
  await page.getByRole('button', { name: 'More customers' }).click();
  await page.getByTestId('search-result').nth(24).waitFor();
  const rows = await page.getByTestId('search-result').allInnerTexts();
  assert.equal(new Set(rows).size, 25, 'every match once');
  assert.match(rows[0] ?? '', /Morgan Many24/, 'latest contact first');
  assert.equal(await page.getByRole('button', { name: 'More customers' }).count(), 0, 'nothing more to load');
});

test("Jane's page shows her context card and timeline", async () => {
  await openCustomer('jane@example.com');
  assert.match(new URL(page.url()).pathname, /^\/customers\/[^/]+$/);
  const card = page.getByTestId('context-card');
  assert.match(await card.getByRole('heading', { level: 1 }).innerText(), /Jane Doe/);
  assert.ok((await page.getByTestId('card-summary').innerText()).trim().length > 'What to say next'.length);

  const identities = await page.getByTestId('identity').allInnerTexts();
  for (const expected of ['jane@example.com', '+14155550123', 'X @janedoe', 'Shopify 123']) {
    assert.ok(identities.includes(expected), `${expected} in ${identities.join(' | ')}`);
  }
  assert.deepEqual(await page.getByTestId('flag').allInnerTexts(), ['VIP']);

  const stated = page.locator('[data-testid="preference"][data-kind="explicit"]', { hasText: 'contact.channel' });
  assert.match(await stated.innerText(), /email/);

  const inferred = page.locator('[data-testid="preference"][data-kind="implicit"]', { hasText: 'apple.color' });
  const preference = await inferred.innerText();
  assert.match(preference, /red/);
  assert.match(preference, /\d+% confident/);
  assert.match(preference, /based on 3 events/);

  const items = page.getByTestId('timeline-item');
  const refund = items.filter({ hasText: 'Where is my refund?' });
  assert.equal(await refund.count(), 1);
  assert.equal(await refund.locator('svg[data-channel="email"]').count(), 1);
  assert.ok((await items.filter({ hasText: 'Item Consumed' }).count()) >= 3);
  // Every item carries an icon, whatever its channel.
  assert.equal(await items.locator('svg.channel-icon').count(), await items.count());

  // The absorbed record is named by the identity it brought (its help-desk id), beside its own id.
  assert.match(await card.innerText(), new RegExp(`Absorbed zendesk z-77 ${jane.absorbedId}`));

  await page.screenshot({ path: '/tmp/rapport-customer.png' });
});

test('a merged-away profile opens the surviving one and says so', async () => {
  await page.goto(`${server.url}/customers/${jane.absorbedId}`);
  await page.getByTestId('context-card').waitFor();
  await page.waitForURL(`${server.url}/customers/${jane.janeId}`);
  assert.match(await page.getByRole('note').innerText(), /This profile .* was merged into Jane Doe/);
  await page.getByTestId('timeline-item').filter({ hasText: 'My parcel arrived damaged.' }).waitFor();
});

test('"Load older" pages through the whole timeline and then disappears', async () => {
  await openCustomer('pat@example.com');
  const items = page.getByTestId('timeline-item');
  const loadOlder = page.getByTestId('load-older');
  assert.equal(await items.count(), 20);
  await loadOlder.click();
  await items.nth(39).waitFor();
  assert.equal(await items.count(), 40);
  await loadOlder.click();
  await items.nth(PAT_INTERACTIONS - 1).waitFor();
  await loadOlder.waitFor({ state: 'detached' });
  assert.equal(await items.count(), PAT_INTERACTIONS);
  // Newest first: the last message sent is on top, the first at the bottom.
  assert.match(await items.first().innerText(), new RegExp(`Chat message ${PAT_INTERACTIONS}\\b`));
  assert.match(await items.last().innerText(), /Chat message 1\b/);
});

test('an unknown customer shows the problem detail instead of a blank page', async () => {
  await page.goto(`${server.url}/customers/no-such-customer`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.ok((await alert.innerText()).trim().length > 0);
  assert.equal(await page.getByTestId('context-card').count(), 0);
});

test('a session that expires mid-work sends the agent to sign-in and back', async () => {
  await openCustomer('pat@example.com');
  const customerPath = new URL(page.url()).pathname;
  await page.context().clearCookies();
  await page.getByTestId('load-older').click();
  await page.waitForURL(`${server.url}/signin?next=${encodeURIComponent(customerPath)}`);
  await signIn(server.adminPassword);
  await page.getByTestId('context-card').waitFor();
  assert.equal(new URL(page.url()).pathname, customerPath);
});

test('signing out returns to sign-in, and signing in again returns to the page asked for', async () => {
  await page.getByTestId('signout').click();
  await page.waitForURL(/\/signin$/);
  await page.getByLabel('Password').waitFor();

  const me = await page.request.get(`${server.url}/api/auth/me`);
  assert.equal(me.status(), 401);

  await page.goto(`${server.url}/?q=jane`);
  await page.waitForURL(/\/signin\?next=/);
  await signIn(server.adminPassword);
  await page.getByTestId('search-result').first().waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'jane');
});

test('no script errors happened in the page', () => {
  assert.deepEqual(pageErrors, []);
});
