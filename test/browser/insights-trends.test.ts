// Insights → Trends in headless Chromium against the real server: customers' texts posted with their own times
// across two fortnights; a manager opens Trends from the navigation, picks the fortnight, reads the movers the API
// gives, opens a row to its example messages (linked to the customer), switches to sentiment and keeps the view in
// the address; the page passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import {
  addStaff,
  openBrowser,
  seriousAxeViolations,
  switchUser,
  type BrowserSession,
  type TestStaff,
} from './harness.ts';

const PASSWORD = 'a long enough password';
const MANAGER: TestStaff = { email: 'maud@example.com', name: 'Maud Manager', role: 'manager', password: PASSWORD };

// Noon UTC, so that the day is the same in whatever zone the browser runs.
const MESSAGES = [
  [
    'ada',
    'email',
    '2026-11-10',
    'My parcel never arrived and the tracking page has not moved in a week. Terrible service!',
  ],
  ['ben', 'email', '2026-11-11', 'The courier left my package in the rain, this is awful'],
  ['cleo', 'chat', '2026-11-16', 'Where is my delivery? The shipment is late again and nobody answers'],
  ['emil', 'email', '2026-11-12', 'I was charged twice on my invoice, please fix this billing mistake'],
  ['fay', 'chat', '2026-11-13', 'I love the new jacket, great quality, thanks!'],
  ['gus', 'email', '2026-10-28', 'Your shipping is painfully slow, my package is lost'],
  ['hal', 'social', '2026-10-27', 'You charged my card twice this month, fix my invoice'],
  ['ida', 'email', '2026-11-02', 'The invoice shows the wrong price and I was overcharged'],
  ['kim', 'email', '2026-11-01', 'Please refund my order, I want my money back'],
] as const;

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER]);
  const posted = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: MESSAGES.map(([who, channel, day, text]) => ({
        customer: { email: `${who}@example.com`, name: who },
        channel,
        text,
        occurredAt: `${day}T12:00:00Z`,
        sourceId: `${who}-${day}`,
        historical: true,
      })),
    },
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const movers = () => page.getByRole('table', { name: /against/ });

/** The movers table as the page shows it: key, this period, previous, change, change %, share. */
async function shownMovers(): Promise<string[][]> {
  const rows = movers().locator('tbody tr.mover');
  const shown: string[][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    shown.push(
      (await rows.nth(index).locator('th, td').allInnerTexts()).map((cell) => cell.replace(/[▲▼]/g, '').trim()),
    );
  }
  return shown;
}

interface ApiKey {
  key: string | null;
  count: number;
  previousCount: number;
  change: number;
  changePercent: number | null;
  share: number;
}

test('a manager reads the movers of a fortnight, opens one to its messages and switches to sentiment', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' }).click();
  await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor();
  await page.getByRole('group', { name: 'Period' }).getByLabel('Custom').check();
  await page.getByLabel('First day').fill('2026-11-09');
  await page.getByLabel('Last day').fill('2026-11-22');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/from=2026-11-09&to=2026-11-22/);
  await movers().getByRole('button', { name: 'Delivery' }).waitFor();

  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const answer = await http(
    'GET',
    `${server.url}/api/insights/trends?from=2026-11-09&to=2026-11-23&by=reason&tz=${encodeURIComponent(zone)}`,
    { token: server.token },
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const keys = answer.body.keys as ApiKey[];
  assert.deepEqual(
    keys.map((key) => [key.key, key.count, key.previousCount, key.change]),
    [
      ['delivery', 3, 1, 2],
      ['billing', 1, 2, -1],
      [null, 1, 0, 1],
      ['refund', 0, 1, -1],
    ],
    'the seeded fortnights, as the API counts them',
  );
  const sign = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');
  assert.deepEqual(
    await shownMovers(),
    keys.map((key) => [
      key.key === null ? 'No reason found' : key.key.charAt(0).toUpperCase() + key.key.slice(1),
      String(key.count),
      String(key.previousCount),
      sign(key.change),
      key.changePercent === null ? 'new' : `${sign(key.changePercent)}%`,
      `${Math.round(key.share * 1000) / 10}%`,
    ]),
  );
  assert.equal(await page.getByTestId('trend-total').innerText(), String(answer.body.total));

  await movers().getByRole('button', { name: 'Delivery' }).click();
  const details = movers().locator('tr.mover-details');
  await details.getByText('Where is my delivery? The shipment is late again').waitFor();
  assert.match(await details.locator('.mover-channels').innerText(), /Email 2 · Chat 1/);
  const examples = details.locator('blockquote');
  assert.deepEqual(
    await examples.allInnerTexts(),
    [MESSAGES[2][3], MESSAGES[1][3], MESSAGES[0][3]],
    'the newest first',
  );
  const cleo = (await http('GET', `${server.url}/api/customers/lookup?email=cleo@example.com`, { token: server.token }))
    .body.id;
  assert.equal(
    await details.getByRole('link', { name: 'View customer' }).first().getAttribute('href'),
    `/customers/${cleo}`,
  );
  assert.equal(await movers().getByRole('button', { name: 'Delivery' }).getAttribute('aria-expanded'), 'true');
  await page.getByText('Show the figures as a table').click();
  await page.getByRole('table', { name: /Contact reasons per day/ }).waitFor();

  const reasonSerious = await seriousAxeViolations(page);
  assert.deepEqual(reasonSerious, [], reasonSerious.join('\n'));

  await page.getByRole('group', { name: 'Show' }).getByLabel('Sentiment').check();
  await page.waitForURL(/by=sentiment/);
  await page.getByRole('heading', { name: 'Sentiment per day' }).waitFor();
  await movers().getByRole('button', { name: 'Positive' }).waitFor();
  assert.deepEqual(
    (await shownMovers()).map((row) => row.slice(0, 4)),
    [
      ['Positive', '1', '0', '+1'],
      ['Negative', '4', '4', '0'],
    ],
  );
  assert.equal(await page.getByRole('columnheader', { name: 'Sentiment' }).count(), 1);

  // The address keeps the view: opened afresh, the page shows the same.
  await page.reload();
  await movers().getByRole('button', { name: 'Positive' }).waitFor();
  assert.equal(await page.getByLabel('First day').inputValue(), '2026-11-09');

  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));
  assert.deepEqual(session.pageErrors, []);
});
