// Three first-day defects in real Chromium (issue 10, item 14): a long case number is never cut off in
// the inbox or the case header, traits read as fields rather than raw JSON, and "Repeat of" names its case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestServer, http, type TestServer } from '../helpers/server.ts';
import { addStaff, openBrowser, signIn, type BrowserSession } from './harness.ts';

const MANAGER = {
  email: 'mona@example.com',
  name: 'Mona Manager',
  role: 'manager',
  password: 'a long enough password',
} as const;
const LONG_NUMBER = 123456789;

let server: TestServer;
let session: BrowserSession;
let page: Page;
let firstNumber: number;

async function contactForm(message: string): Promise<{ caseNumber: number }> {
  const sent = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json' },
    body: { name: 'Jane Doe', email: 'jane@example.com', message },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  return sent.body;
}

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER]);
  // Her profile, with traits a shop would send: flat, numeric, boolean, a date and a nested address.
  const profile = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: {
            email: 'jane@example.com',
            name: 'Jane Doe',
            traits: {
              plan_tier: 'gold',
              lifetimeValue: 1234.5,
              newsletter: true,
              address: { city: 'Lisbon', postal_code: '1100-148' },
            },
          },
          channel: 'web',
          direction: 'inbound',
          type: 'visit',
          source: 'shop',
          sourceId: 'visit-1',
        },
      ],
    },
  });
  assert.equal(profile.status, 200, JSON.stringify(profile.body));

  // A refund request, closed; then she writes about the refund again: a repeat of the first case.
  const first = await contactForm('I want a refund for order 1001, the jacket was torn');
  firstNumber = first.caseNumber;
  for (const status of ['resolved', 'closed']) {
    const changed = await http('PATCH', `${server.url}/api/cases/${firstNumber}`, {
      token: server.token,
      body: { status },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
  }
  const second = await contactForm('Still no refund for order 1001, please help');
  // After years of cases the numbers grow long: give the repeat one, as the inbox would show it.
  await server.running.db.run('UPDATE cases SET number = ? WHERE number = ?', [LONG_NUMBER, second.caseNumber]);
  const repeat = await http('GET', `${server.url}/api/cases/${LONG_NUMBER}`, { token: server.token });
  assert.ok(repeat.body.repeatOf, `the second case repeats the first: ${JSON.stringify(repeat.body)}`);

  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, MANAGER.email, MANAGER.password);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

/** Whether an element shows all of its content: nothing hidden by overflow. */
async function fullyVisible(selector: string): Promise<{ text: string; scrollWidth: number; clientWidth: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => ({
      text: (element as HTMLElement).innerText.trim(),
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
}

test('a long case number is fully visible in the inbox table and in the case header', async () => {
  await page.goto(`${server.url}/inbox?queue=all`);
  const row = page.locator(`[data-testid="case-row"][data-number="${LONG_NUMBER}"]`);
  await row.waitFor();
  const cell = await fullyVisible(`[data-testid="case-row"][data-number="${LONG_NUMBER}"] td.case-number`);
  assert.equal(cell.text, `#${LONG_NUMBER}`);
  assert.ok(cell.scrollWidth <= cell.clientWidth, `cut off in the table: ${JSON.stringify(cell)}`);

  await page.goto(`${server.url}/cases/${LONG_NUMBER}`);
  await page.getByTestId('case-header').waitFor();
  const heading = await fullyVisible('[data-testid="case-header"] h1');
  assert.ok(heading.text.startsWith(`#${LONG_NUMBER}`), heading.text);
  assert.ok(heading.scrollWidth <= heading.clientWidth, `cut off in the header: ${JSON.stringify(heading)}`);
  // The number itself is never broken across lines, in a narrow window too.
  const refLines = () =>
    page
      .locator('[data-testid="case-header"] h1 .case-ref')
      .evaluate((element) => new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size);
  assert.equal(await refLines(), 1);
  await page.setViewportSize({ width: 400, height: 800 });
  try {
    assert.equal(await refLines(), 1);
    const narrow = await fullyVisible('[data-testid="case-header"] h1');
    assert.ok(narrow.scrollWidth <= narrow.clientWidth, `cut off in a narrow window: ${JSON.stringify(narrow)}`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('"Repeat of" names its case: a link to it with its number and what it was about', async () => {
  await page.goto(`${server.url}/cases/${LONG_NUMBER}`);
  const repeatOf = page.getByTestId('repeat-of');
  await repeatOf.waitFor();
  const text = await repeatOf.innerText();
  assert.match(text, new RegExp(`#${firstNumber}`));
  assert.match(text, /Refund/);
  assert.doesNotMatch(text, /an earlier case/);
  const link = repeatOf.getByRole('link', { name: `#${firstNumber}` });
  assert.equal(await link.getAttribute('href'), `/cases/${firstNumber}`);
  await link.click();
  await page.waitForURL(`${server.url}/cases/${firstNumber}`);
  // And the first case names the one that came back.
  const later = page.getByTestId('repeated-by');
  await later.waitFor();
  assert.match(await later.innerText(), new RegExp(`#${LONG_NUMBER}`));
});

test('traits read as fields with readable names and values, nested objects as nested fields, never raw JSON', async () => {
  await page.goto(`${server.url}/cases/${LONG_NUMBER}`);
  const traits = page.getByTestId('context-card').getByTestId('traits');
  await traits.waitFor();
  const fields = await traits.evaluate((list) =>
    [...list.querySelectorAll(':scope > div')].map((row) => [
      row.querySelector(':scope > dt')!.textContent,
      (row.querySelector(':scope > dd') as HTMLElement).innerText,
    ]),
  );
  const byName = Object.fromEntries(fields);
  assert.equal(byName['Plan tier'], 'gold', JSON.stringify(fields));
  assert.equal(byName['Lifetime value'], '1,234.5');
  assert.equal(byName.Newsletter, 'Yes');
  assert.match(byName.Address ?? '', /City\s+Lisbon/);
  assert.match(byName.Address ?? '', /Postal code\s+1100-148/);
  assert.doesNotMatch(await traits.innerText(), /[{}"]/, 'no JSON on the card');
  assert.deepEqual(session.pageErrors, []);
});
