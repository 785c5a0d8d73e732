// Customer page actions in the browser, as an admin: stated preferences, flags, undoing merges, export and erasure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { openBrowser, openCustomer, signIn, type BrowserSession } from './harness.ts';
import { seedCustomer, seedJane, type SeededJane } from './seed.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let jane: SeededJane;
/** Mo's merge, which the stale-page test undoes behind the browser's back. */
let moMergeId: string;

before(async () => {
  server = await startTestServer();
  jane = await seedJane(server);
  await seedCustomer(server, { name: 'Erin Example', email: 'erin@example.com', text: 'Please delete my account.' });
  const mo = await seedCustomer(server, {
    name: 'Mo Merged',
    email: 'mo@example.com',
    text: 'Hello from my new address.',
  });
  const moOld = await seedCustomer(server, {
    name: 'Mo Old',
    email: 'mo.old@example.com',
    text: 'Hello from my old address.',
  });
  const merged = await http('POST', `${server.url}/api/customers/${mo}/merges`, {
    token: server.token,
    body: { absorbedId: moOld },
  });
  assert.equal(merged.status, 201);
  moMergeId = merged.body.id;
  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, server.adminEmail, server.adminPassword);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const stated = (key: string) => page.locator('[data-testid="preference"][data-kind="explicit"]', { hasText: key });
const flagNames = async () => (await page.getByTestId('flag').allInnerTexts()).sort();

test('a stated preference can be added and removed, and the card follows', async () => {
  await openCustomer(page, 'jane@example.com');
  await page.locator('summary', { hasText: 'Add a stated preference' }).click();
  await page.getByLabel('Preference', { exact: true }).fill('contact.time');
  await page.getByLabel('Value', { exact: true }).fill('mornings');
  await page.getByRole('button', { name: 'Add preference' }).click();
  await stated('contact.time').waitFor();
  assert.match(await stated('contact.time').innerText(), /contact\.time\s*=\s*mornings/);
  assert.equal(
    await page.getByLabel('Preference', { exact: true }).inputValue(),
    '',
    'the form is ready for the next one',
  );

  await page.getByRole('button', { name: 'Remove preference contact.time' }).click();
  await stated('contact.time').waitFor({ state: 'detached' });
  assert.equal(await stated('contact.channel').count(), 1, 'the other stated preference stays');
  // Inferred preferences follow the evidence and have no Remove.
  assert.equal(await page.locator('[data-kind="implicit"]').getByRole('button').count(), 0);
});

test('a flag is refused beside the field unless lower_snake_case, then set from a chip and cleared', async () => {
  await page.locator('summary', { hasText: 'Set a flag' }).click();
  const flagInput = page.getByLabel('Flag', { exact: true });
  await flagInput.fill('Bad Flag');
  await page.getByRole('button', { name: 'Set flag' }).click();
  await page.locator('#flag-name-error').waitFor();
  assert.match(await page.locator('#flag-name-error').innerText(), /lower_snake_case/);

  await page.getByRole('group', { name: 'Usual flags' }).getByRole('button', { name: 'At risk' }).click();
  assert.equal(await flagInput.inputValue(), 'at_risk');
  await page.getByLabel('Reason (optional)').fill('Asked to cancel twice');
  await page.getByRole('button', { name: 'Set flag' }).click();
  await page.getByTestId('flag').filter({ hasText: 'At risk' }).waitFor();
  assert.deepEqual(await flagNames(), ['At risk', 'VIP']);
  assert.equal(await page.locator('#flag-name-error').count(), 0);
  assert.match(
    (await page.locator('li.flag', { hasText: 'At risk' }).getAttribute('title')) ?? '',
    /Asked to cancel twice/,
  );
  await page.screenshot({ path: '/tmp/rapport-actions.png', fullPage: true });

  await page.getByRole('button', { name: 'Clear flag VIP' }).click();
  await page.getByTestId('flag').filter({ hasText: 'VIP' }).waitFor({ state: 'detached' });
  assert.deepEqual(await flagNames(), ['At risk']);
});

test('undoing a merge asks first, then splits the absorbed profile and its history back out', async () => {
  const parcel = page.getByTestId('timeline-item').filter({ hasText: 'My parcel arrived damaged.' });
  await parcel.waitFor();
  // What listening read in her words shows under them: the sentiment and the reason the keywords found.
  assert.deepEqual(await parcel.getByTestId('insight').locator('span').allInnerTexts(), ['Negative', 'Delivery']);
  const merge = page.getByTestId('merge').filter({ hasText: jane.absorbedId });
  await merge.getByRole('button', { name: 'Undo merge' }).click();
  const ask = merge.getByRole('group', { name: new RegExp(`Split ${jane.absorbedId} back out`) });
  await ask.getByRole('button', { name: 'Undo merge' }).click();
  await parcel.waitFor({ state: 'detached' });
  assert.match(await merge.innerText(), /undone/);
  assert.equal(await page.getByRole('button', { name: 'Undo merge' }).count(), 0);

  // The helpdesk profile is its own customer again rather than a redirect to Jane.
  await page.goto(`${server.url}/customers/${jane.absorbedId}`);
  await page.getByTestId('context-card').waitFor();
  assert.equal(new URL(page.url()).pathname, `/customers/${jane.absorbedId}`);
  assert.match(await page.getByTestId('context-card').getByRole('heading', { level: 1 }).innerText(), /J\. Doe/);
  assert.equal(await page.getByRole('note').count(), 0);
});

test('a merge someone else undid first shows the server’s reason', async () => {
  await openCustomer(page, 'mo@example.com');
  const undone = await http('POST', `${server.url}/api/merges/${moMergeId}/undo`, { token: server.token });
  assert.equal(undone.status, 200);
  const merge = page.getByTestId('merge').filter({ hasText: 'Absorbed' });
  // Named by what the absorbed record was known by, beside its id.
  assert.match(await merge.innerText(), /Absorbed mo\.old@example\.com cus_/);
  await merge.getByRole('button', { name: 'Undo merge' }).click();
  await merge.getByRole('group').getByRole('button', { name: 'Undo merge' }).click();
  const alert = merge.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`Merge ${moMergeId} was already undone`));
});

test('Export data downloads everything held about the customer as JSON', async () => {
  await openCustomer(page, 'jane@example.com');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export data' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${jane.janeId}.json`);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    customer: { id: string; name: string };
    identities: { kind: string; value: string }[];
    flags: { flag: string }[];
  };
  assert.equal(exported.customer.id, jane.janeId);
  assert.equal(exported.customer.name, 'Jane Doe');
  const identities = exported.identities.map((identity) => `${identity.kind} ${identity.value}`);
  for (const expected of ['email jane@example.com', 'phone +14155550123', 'handle:x janedoe', 'external:shopify 123']) {
    assert.ok(identities.includes(expected), `${expected} in ${identities.join(' | ')}`);
  }
  assert.deepEqual(
    exported.flags.map((flag) => flag.flag),
    ['at_risk'],
  );
});

test('erasing needs the name typed, then returns to search with a notice; the old address answers 410', async () => {
  await openCustomer(page, 'erin@example.com');
  const erinPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Erase customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Erin Example?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Erase customer' }).click();
  const erase = dialog.getByRole('button', { name: 'Erase customer' });
  assert.ok(await erase.isDisabled());
  await dialog.getByLabel(/to confirm/).fill('Erin');
  assert.ok(await erase.isDisabled(), 'part of the name is not enough');
  await dialog.getByLabel(/to confirm/).fill('Erin Example');
  await erase.click();

  await page.waitForURL(`${server.url}/`);
  assert.match(
    await page.getByTestId('notice').innerText(),
    /Erin Example was erased: 1 profile and 1 interaction deleted\./,
  );
  await page.getByTestId('search-input').fill('erin@example.com');
  await page.getByText('No customers match').waitFor();

  await page.goto(`${server.url}${erinPath}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /was erased on request/);
  assert.equal(await page.getByTestId('context-card').count(), 0);
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});

test('a customer known only by a system’s id is named by it among the recent customers and on her card', async () => {
  const sent = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        { customer: { externalIds: { shopify: '4711' } }, channel: 'order', type: 'purchase', sourceId: 'ext-1' },
      ],
    },
  });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('heading', { name: 'Recently seen' }).waitFor();
  const newest = page.getByTestId('search-result').first();
  await newest.waitFor();
  assert.match(await newest.innerText(), /shopify 4711/);
  assert.doesNotMatch(await newest.innerText(), /Unnamed customer/);
  await newest.click();
  await page.getByTestId('context-card').waitFor();
  assert.match(await page.getByTestId('context-card').getByRole('heading', { level: 1 }).innerText(), /shopify 4711/);
});
