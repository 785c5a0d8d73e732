// The customer view running behind, as staff see it: an admin pauses processing from Write keys, sources keep
// sending (acknowledged, kept), every signed-in page says updates are paused and how many wait, only an admin
// gets Resume, and resuming brings the customer in and the line goes away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';
import { addStaff, openBrowser, openCustomer, sendWithWriteKey, signIn, type BrowserSession } from './harness.ts';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

const AGENT = { email: 'ana@example.com', name: 'Ana Agent', role: 'agent', password: 'agent password long' } as const;
const PRIYA = 'priya@example.com';
/** Three calls for one customer, sent while processing is paused. */
const BATCH = {
  batch: [
    { type: 'identify', userId: 'pp-7', traits: { name: 'Priya Paused', email: PRIYA } },
    { type: 'track', userId: 'pp-7', event: 'Viewed Product', properties: { sku: 'B-12' } },
    { type: 'track', userId: 'pp-7', event: 'Added To Cart', properties: { sku: 'B-12' } },
  ],
};
/** The line polls every 10 s; a change made outside this browser shows by the next poll at the latest. */
const NEXT_POLL = { timeout: 25_000 };

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [AGENT]);
  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, server.adminEmail, server.adminPassword);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const lagLine = (target: Page = page) => target.getByTestId('projection-lag');
const processing = () => page.getByTestId('event-processing');

async function openWriteKeys(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Write keys' }).click();
  await page.getByRole('heading', { name: 'Processing of tracked events' }).waitFor();
}

test('while customer data keeps up, nothing is said; Write keys shows processing running', async () => {
  await openWriteKeys();
  await processing().getByText('Running').waitFor();
  assert.match(await processing().getByTestId('events-waiting').innerText(), /^No events waiting\.$/);
  // The section and the Shell read the same answer, so it is in: the Shell chose to say nothing.
  assert.equal(await lagLine().count(), 0);
});

test('pausing asks first; then every page says updates are paused', async () => {
  await processing().getByRole('button', { name: 'Pause' }).click();
  const ask = processing().getByRole('group', { name: /^Pause processing\?/ });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await processing().getByText('Running').waitFor();
  assert.equal(await lagLine().count(), 0);

  await processing().getByRole('button', { name: 'Pause' }).click();
  await ask.getByRole('button', { name: 'Pause' }).click();
  await processing().getByText('Paused', { exact: true }).waitFor();
  await lagLine().filter({ hasText: 'Updates from tracked sources are paused by an admin' }).waitFor();
  assert.equal(await lagLine().getAttribute('role'), 'status');
  assert.equal(await processing().getByRole('button', { name: 'Pause' }).count(), 0);
});

test('events sent while paused are acknowledged, and the line counts them without a reload', async () => {
  // sendWithWriteKey waits (two seconds at most) for the events to be projected; paused, they are not.
  const response = await sendWithWriteKey(server.url, server.writeKey, '/v1/batch', BATCH);
  const answer = (await response.json()) as { accepted?: number };
  assert.equal(response.status, 200, JSON.stringify(answer));
  assert.equal(answer.accepted, 3);

  // Coming back to the window reads the lag again at once (as a switch of tabs does); the poll would, within 10 s.
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await lagLine().filter({ hasText: 'paused by an admin: 3 events waiting' }).waitFor(NEXT_POLL);
  await page.screenshot({ path: '/tmp/rapport-projection-lag.png', fullPage: true });
  await processing()
    .getByTestId('events-waiting')
    .filter({ hasText: /^3 events waiting; the oldest has waited / })
    .waitFor();
});

test('the paused page passes axe', async () => {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  assert.deepEqual(serious, [], serious.join('\n'));
});

test('an agent sees that updates are paused, but no Resume', async () => {
  let context: BrowserContext | undefined;
  try {
    context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const agentPage = await context.newPage();
    agentPage.setDefaultTimeout(10_000);
    const errors: string[] = [];
    agentPage.on('pageerror', (error) => errors.push(error.message));
    await signIn(agentPage, server.url, AGENT.email, AGENT.password);
    const line = lagLine(agentPage);
    await line.filter({ hasText: 'Updates from tracked sources are paused by an admin: 3 events waiting' }).waitFor();
    assert.equal(await line.getByRole('button').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context?.close();
  }
});

test('the admin resumes from the line: it goes away and the customer is found', async () => {
  await lagLine().getByRole('button', { name: 'Resume' }).click();
  await processing().getByText('Running').waitFor();
  // Resuming answers at once; the events it lets through are applied moments later, then the line has nothing to say.
  await lagLine().waitFor({ state: 'detached', ...NEXT_POLL });
  await processing()
    .getByTestId('events-waiting')
    .filter({ hasText: /^No events waiting\.$/ })
    .waitFor();

  await openCustomer(page, PRIYA);
  assert.match(await page.getByTestId('context-card').innerText(), /Priya Paused/);
  await page
    .getByTestId('timeline-item')
    .filter({ hasText: /Added To Cart/i })
    .waitFor();
});

test('the audit log says who paused and resumed processing', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  const entries = page.getByTestId('audit-entry');
  await entries.filter({ hasText: 'Resumed event processing' }).waitFor();
  assert.equal(await entries.filter({ hasText: 'Paused event processing' }).count(), 1);
});

test('no script errors happened in the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
