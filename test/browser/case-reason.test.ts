// A case's guessed reason in headless Chromium: the header marks it guessed, an agent confirms it in one click, and
// the confirmation is stored as the label the reason model learns from; a viewer sees the guess without the button.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { addStaff, openBrowser, switchUser, type BrowserSession, type TestStaff } from './harness.ts';

const PASSWORD = 'a long enough password';
const AGENT: TestStaff = { email: 'ada@example.com', name: 'Ada Agent', role: 'agent', password: PASSWORD };
const VIEWER: TestStaff = { email: 'vi@example.com', name: 'Vi Viewer', role: 'viewer', password: PASSWORD };

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let caseNumber: number;
let caseId: string;

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [AGENT, VIEWER]);
  const posted = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: 'bea@example.com' },
          channel: 'email',
          text: 'Hello, I was billed twice for the same order on my card.',
          sourceId: 'reason-1',
        },
      ],
    },
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  caseId = posted.body.results[0].caseId;
  caseNumber = (await http('GET', `${server.url}/api/cases/${caseId}`, { token: server.token })).body.number;
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const reasonFact = () => page.getByTestId('case-header').locator('.reason-guess');

test('a viewer sees the guess; an agent confirms it and it becomes a staff label', async () => {
  await switchUser(page, server.url, VIEWER.email, VIEWER.password);
  await page.goto(`${server.url}/cases/${caseNumber}`);
  await reasonFact().getByText('(guessed)').waitFor();
  assert.equal(await reasonFact().getByRole('button').count(), 0, 'a viewer cannot confirm');

  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await page.goto(`${server.url}/cases/${caseNumber}`);
  await reasonFact().getByRole('button', { name: 'Confirm the reason Billing' }).click();
  await reasonFact().waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('case-header').innerText(), /REASON\s*Billing\n/i);
  const stored = await http('GET', `${server.url}/api/cases/${caseId}`, { token: server.token });
  assert.deepEqual([stored.body.reason, stored.body.reasonConfirmed], ['billing', true]);
});
