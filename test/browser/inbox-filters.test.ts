// The inbox's search box, filters, order and total in headless Chromium against the real server: each
// narrows the queue and says how many cases match, and all of them live in the address, so a link (or
// a reload) shows the same list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { openBrowser, signIn, type BrowserSession } from './harness.ts';
import { seedInbox, type SeededInbox } from './seed-cases.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let seeded: SeededInbox;
let total: number;
let urgentNumber: number;

const rows = () => page.getByTestId('case-row');
const filters = () => page.getByRole('form', { name: 'Filter and sort cases' });

async function numbersShown(): Promise<number[]> {
  return await rows().evaluateAll((found) => found.map((row) => Number(row.getAttribute('data-number'))));
}

/** Waits until the queue says `text` (the total) and the address carries `params`. */
async function settled(text: string, params: Record<string, string | null>): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="queue-count"]')?.textContent === expected,
    text,
  );
  const url = new URL(page.url());
  for (const [name, value] of Object.entries(params))
    assert.equal(url.searchParams.get(name), value, `${name} in ${url.search}`);
}

before(async () => {
  server = await startTestServer();
  seeded = await seedInbox(server);
  const all = await http('GET', `${server.url}/api/cases?limit=1`, { token: server.token });
  total = all.body.total;
  // One case made urgent and tagged, so the filters have something to find.
  const some = await http('GET', `${server.url}/api/cases?limit=5&sort=oldest`, { token: server.token });
  urgentNumber = some.body.items[3].number;
  const changed = await http('PATCH', `${server.url}/api/cases/${urgentNumber}`, {
    token: server.token,
    body: { priority: 'urgent', tags: ['vip'] },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, seeded.agent.email, seeded.agent.password);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

test('the All queue says how many cases it holds, not only how many are loaded', async () => {
  await page.goto(`${server.url}/inbox?queue=all`);
  await settled(`${total} cases`, { queue: 'all' });
  assert.ok(total > 25, `more cases (${total}) than one page`);
  assert.equal(await rows().count(), 25);
});

test('ticking a priority narrows the queue, keeps it in the address, and says how many match', async () => {
  await filters().getByLabel('Urgent').check();
  await settled('1 case', { queue: 'all', priority: 'urgent' });
  assert.deepEqual(await numbersShown(), [urgentNumber]);
  await filters().getByLabel('Urgent').uncheck();
  await settled(`${total} cases`, { priority: null });
});

test('a tag typed and applied with Enter, and a channel chosen from the list', async () => {
  await filters().getByLabel('Tag').fill('vip');
  await filters().getByLabel('Tag').press('Enter');
  await settled('1 case', { tag: 'vip' });
  assert.deepEqual(await numbersShown(), [urgentNumber]);
  await filters().getByRole('button', { name: 'Clear filters' }).click();
  await settled(`${total} cases`, { tag: null });

  await filters().getByLabel('Channel').selectOption({ label: 'Email' });
  await settled('0 cases', { channel: 'email' });
  await page.getByText('No cases match this search and these filters.').waitFor();
  await filters().getByLabel('Channel').selectOption({ label: 'Social' });
  await settled(`${total} cases`, { channel: 'social' });
  await filters().getByLabel('Channel').selectOption({ label: 'Any channel' });
  await settled(`${total} cases`, { channel: null });
});

test('the order is chosen from "Sort by": oldest first, priority first', async () => {
  await filters().getByLabel('Sort by').selectOption({ label: 'Oldest first' });
  await settled(`${total} cases`, { sort: 'oldest' });
  await page.waitForFunction(
    (late) => document.querySelector('[data-testid="case-row"]')?.getAttribute('data-number') === String(late),
    seeded.lateCase.number,
  );
  await filters().getByLabel('Sort by').selectOption({ label: 'Priority, urgent first' });
  await page.waitForFunction(
    (urgent) => document.querySelector('[data-testid="case-row"]')?.getAttribute('data-number') === String(urgent),
    urgentNumber,
  );
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'priority');
});

test('a shared link opens the same narrowed, sorted list with its filters shown', async () => {
  await page.goto(`${server.url}/inbox?queue=all&priority=urgent,high&tag=vip&sort=oldest`);
  await settled('1 case', {});
  assert.deepEqual(await numbersShown(), [urgentNumber]);
  assert.equal(await filters().getByLabel('Urgent').isChecked(), true);
  assert.equal(await filters().getByLabel('High').isChecked(), true);
  assert.equal(await filters().getByLabel('Low').isChecked(), false);
  assert.equal(await filters().getByLabel('Tag').inputValue(), 'vip');
  assert.equal(await filters().getByLabel('Sort by').inputValue(), 'oldest');
  // Back returns to the list before.
  await page.goto(`${server.url}/inbox?queue=all`);
  await settled(`${total} cases`, {});
  await page.goBack();
  await settled('1 case', { tag: 'vip' });
});

test('the search box finds a case by order id and by number, from any tab, and clears', async () => {
  await page.goto(`${server.url}/inbox`);
  const box = page.getByRole('search', { name: 'Cases' });
  await box.getByLabel('Search cases').fill('B-77');
  await box.getByRole('button', { name: 'Search' }).click();
  await settled('1 case', { queue: 'all', q: 'B-77' });
  assert.deepEqual(await numbersShown(), [seeded.mariaCase.number]);
  assert.equal(await filters().getByLabel('Sort by').inputValue(), 'relevance');

  await box.getByLabel('Search cases').fill(`#${seeded.lateCase.number}`);
  await box.getByLabel('Search cases').press('Enter');
  await settled('1 case', { q: `#${seeded.lateCase.number}` });
  assert.deepEqual(await numbersShown(), [seeded.lateCase.number]);

  // Words of the conversation, narrowed by a filter too.
  await box.getByLabel('Search cases').fill('question account');
  await box.getByLabel('Search cases').press('Enter');
  await settled('26 cases', { q: 'question account' });
  await filters().getByLabel('Urgent').check();
  await settled('1 case', { q: 'question account', priority: 'urgent' });

  await box.getByRole('button', { name: 'Clear search' }).click();
  await settled('1 case', { q: null, priority: 'urgent' });
  assert.equal(await box.getByLabel('Search cases').inputValue(), '');
  assert.deepEqual(session.pageErrors, []);
});
