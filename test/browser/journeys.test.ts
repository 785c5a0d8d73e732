// Journeys in headless Chromium against the real server: three customers' orders and deliveries posted with their
// own October times; a manager opens Journeys from the navigation, defines "Order to door" in the editor (a
// touchpoint without a matcher and a target off its scale are refused beside their fields), saves it, picks October
// on the map and reads the numbers the API gives: totals, each touchpoint's targets intended beside actual (met or
// missed in words), the bottlenecks, the gaps worst first and the funnel's table. axe on the editor and the map.
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
const MANAGER: TestStaff = { email: 'mira@example.com', name: 'Mira Manager', role: 'manager', password: PASSWORD };

// ada: ordered, delivered 48 h later; ben: delivered 72 h later; cleo: ordered only.
const EVENTS = [
  ['ada', 'Order Completed', '2026-10-02T10:00:00Z'],
  ['ada', 'Order Delivered', '2026-10-04T10:00:00Z'],
  ['ben', 'Order Completed', '2026-10-05T10:00:00Z'],
  ['ben', 'Order Delivered', '2026-10-08T10:00:00Z'],
  ['cleo', 'Order Completed', '2026-10-10T10:00:00Z'],
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
      interactions: EVENTS.map(([who, event, at]) => ({
        customer: { email: `${who}@example.com`, name: who },
        channel: 'order',
        type: 'track',
        event,
        occurredAt: at,
        sourceId: `${who}-${event}`,
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

async function assertNoSeriousAxeViolations(where: string): Promise<void> {
  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], `${where}:\n${serious.join('\n')}`);
}

const stage = (number: number) => page.getByRole('group', { name: `Stage ${number}`, exact: true });
const touchpoint = (stageNumber: number) =>
  stage(stageNumber).getByRole('group', { name: 'Touchpoint 1', exact: true });

/** The rows of a table as the page shows them, header cells and data cells alike. */
async function rowsOf(table: ReturnType<Page['getByRole']>): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const shown: string[][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    shown.push((await rows.nth(index).locator('th, td').allInnerTexts()).map((cell) => cell.trim()));
  }
  return shown;
}

let journeyId = '';

test('a manager defines a journey in the editor; refusals show beside their fields', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page.getByText('No journeys yet.').waitFor();
  await page.getByRole('link', { name: 'New journey' }).click();
  await page.getByRole('heading', { name: 'New journey' }).waitFor();

  await page.getByLabel('Name', { exact: true }).fill('Order to door');
  await stage(1).getByLabel('Stage name').fill('Purchase');
  await touchpoint(1).getByLabel('Touchpoint name').fill('Order placed');
  await touchpoint(1).getByRole('button', { name: 'Add a target' }).click();
  await touchpoint(1).getByLabel('Metric').selectOption({ label: 'Completion' });
  assert.equal(await touchpoint(1).getByLabel('Is').inputValue(), 'atLeast', 'completion is a floor');
  await touchpoint(1).getByLabel('Value (%)').fill('90');

  await page.getByRole('button', { name: 'Add a stage' }).click();
  await stage(2).getByLabel('Stage name').fill('Delivered');
  await touchpoint(2).getByLabel('Touchpoint name').fill('Order delivered');
  await touchpoint(2).getByLabel('Events', { exact: true }).fill('Order Delivered');
  await touchpoint(2).getByRole('button', { name: 'Add a target' }).click();
  await touchpoint(2).getByLabel('Metric').selectOption({ label: 'CSAT average' });
  await touchpoint(2).getByLabel('Value', { exact: true }).fill('6');

  // The first touchpoint says nothing about which interactions belong to it.
  await page.getByRole('button', { name: 'Create journey' }).click();
  await touchpoint(1).getByText('Say which interactions belong here').waitFor();
  await assertNoSeriousAxeViolations('the editor with a refusal');

  await touchpoint(1).getByLabel('Events', { exact: true }).fill('Order Completed');
  await page.getByRole('button', { name: 'Create journey' }).click();
  await touchpoint(2).getByText('CSAT average (1–5) lies from 1 to 5').waitFor();

  await touchpoint(2).getByLabel('Metric').selectOption({ label: 'Wait' });
  assert.equal(await touchpoint(2).getByLabel('Is').inputValue(), 'atMost', 'a wait is a ceiling');
  await touchpoint(2).getByLabel('Value (h)').fill('48');
  await page.getByRole('button', { name: 'Create journey' }).click();
  await page.getByRole('heading', { name: 'Order to door', level: 1 }).waitFor();
  await page.getByTestId('notice').getByText('Order to door saved.').waitFor();
  journeyId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
  assert.match(journeyId, /^jrn_/);
});

test('the map of October shows what the API reports, intended beside actual', async () => {
  await page.getByRole('group', { name: 'Episodes that started in' }).getByLabel('Custom').check();
  await page.getByLabel('First day').fill('2026-10-01');
  await page.getByLabel('Last day').fill('2026-10-31');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/from=2026-10-01&to=2026-10-31/);
  await page.getByTestId('journey-totals').getByText('Oct 1, 2026 – Oct 31, 2026').waitFor();

  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const answer = await http(
    'GET',
    `${server.url}/api/journeys/${journeyId}/report?from=2026-10-01&to=2026-11-01&tz=${encodeURIComponent(zone)}`,
    { token: server.token },
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const report = answer.body;
  // 3 episodes (ada, ben, cleo), 2 delivered. Order placed: 2 of 3 went on (66.67 %), cleo stopped there (33.33 %).
  // Order delivered: 2 of all 3 (66.67 %), waits 48 h and 72 h: median 60 h, 12 h over the 48 intended.
  assert.deepEqual([report.overall.episodes, report.overall.completed, report.overall.completionRate], [3, 2, 66.667]);
  assert.deepEqual(
    report.touchpoints.map((t: { name: string; episodes: number; dropOff: number; medianWait: number | null }) => [
      t.name,
      t.episodes,
      t.dropOff,
      t.medianWait,
    ]),
    [
      ['Order placed', 3, 33.333, null],
      ['Order delivered', 2, 0, 60],
    ],
  );

  const totals = await page.getByTestId('journey-totals').locator('dd').allInnerTexts();
  assert.deepEqual(totals.slice(0, 3), ['3', '2 (66.67%)', '48 h'], 'median of 0, 48 and 72 h');

  const placed = page.getByRole('article', { name: 'Order placed' });
  assert.deepEqual(await placed.locator('dd').allInnerTexts(), ['3', '33.33%', '—']);
  assert.deepEqual(await rowsOf(placed.getByRole('table')), [['Completion ≥ 90%', '66.67%', '✗ Missed by 23.33%']]);
  const delivered = page.getByRole('article', { name: 'Order delivered' });
  assert.deepEqual(await delivered.locator('dd').allInnerTexts(), ['2', '0%', '60 h']);
  assert.deepEqual(await rowsOf(delivered.getByRole('table')), [['Wait ≤ 48 h', '60 h', '✗ Missed by 12 h']]);

  const bottlenecks = page.getByTestId('bottlenecks');
  await bottlenecks.getByText(/most customers stop at Order placed \(Purchase\): 33\.33%/).waitFor();
  await bottlenecks.getByText(/the longest wait is before Order delivered \(Delivered\): a median of 60 h/).waitFor();

  // Worst first: completion (90 − 66.667) / 90 = 25.93 %, then the wait 12 / 48 = 25 %.
  assert.deepEqual(
    report.overall.gaps.map((gap: { touchpoint: string; relativeGap: number }) => [gap.touchpoint, gap.relativeGap]),
    [
      ['Order placed', 0.259],
      ['Order delivered', 0.25],
    ],
  );
  assert.deepEqual(await rowsOf(page.getByRole('table', { name: 'Gaps, worst first' })), [
    ['Order placed', 'Purchase', 'Completion ≥ 90%', '66.67%', '23.33%', '25.9%'],
    ['Order delivered', 'Delivered', 'Wait ≤ 48 h', '60 h', '12 h', '25%'],
  ]);
  assert.deepEqual(await rowsOf(page.getByRole('table', { name: 'Episodes per stage' })), [
    ['1. Purchase', '3', '100%'],
    ['2. Delivered', '2', '66.67%'],
  ]);
  await page.getByRole('img', { name: /Episodes per stage: 1\. Purchase: 3, 2\. Delivered: 2/ }).waitFor();
  await assertNoSeriousAxeViolations('the map');
});

test('the journey is listed, and opens again in the editor with what was saved', async () => {
  await page.getByRole('link', { name: 'Edit journey' }).click();
  await page.getByRole('heading', { name: 'Edit Order to door' }).waitFor();
  assert.equal(await touchpoint(2).getByLabel('Events', { exact: true }).inputValue(), 'Order Delivered');
  assert.equal(await touchpoint(2).getByLabel('Value (h)').inputValue(), '48');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
  await page.getByTestId('journey-row').getByRole('link', { name: 'Order to door' }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});
