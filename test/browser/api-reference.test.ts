// The API reference page: Swagger UI served from the package, reading /api/openapi.json, lists the operations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';
import { openBrowser, type BrowserSession } from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
const requested: string[] = [];

before(async () => {
  server = await startTestServer();
  session = await openBrowser();
  page = session.page;
  page.on('request', (request) => requested.push(request.url()));
  // Past 100 operations Swagger UI keeps only what is near the viewport in the page (it virtualizes the list): a
  // window as tall as the whole list lets the test read it all without scrolling step by step.
  await page.setViewportSize({ width: 1280, height: 30_000 });
  await page.goto(`${server.url}/api/docs`);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

test('the reference lists the operations by tag, with their method and path', async () => {
  const cases = page.locator('.opblock-tag[data-tag="cases"]');
  await cases.waitFor();
  const listCases = page.locator('.opblock-get .opblock-summary-path[data-path="/api/cases"]');
  await listCases.first().waitFor();
  assert.equal(await listCases.count(), 1);
  await page.locator('.opblock-tag[data-tag="customers"]').waitFor();
  await page.locator('.opblock-post .opblock-summary-path[data-path="/api/cases/{id}/replies"]').waitFor();
  await page.locator('.opblock-tag[data-tag="feedback"]').waitFor();
});

test('opening an operation shows its answer, described by a named schema', async () => {
  await page.locator('.opblock-get .opblock-summary-path[data-path="/api/cases/{id}"]').click();
  const operation = page.locator('.opblock.is-open');
  await operation.locator('.responses-table').first().waitFor();
  assert.match(await operation.innerText(), /CaseDetail|messages/);
});

test('everything the page loads comes from this server (no CDN), and no script failed', () => {
  assert.ok(requested.length > 0);
  assert.deepEqual(
    requested.filter((url) => !url.startsWith(server.url)),
    [],
  );
  assert.deepEqual(session.pageErrors, []);
});
