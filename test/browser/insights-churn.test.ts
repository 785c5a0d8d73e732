// Insights → Customers: come, stay, leave, in headless Chromium against the real server. Four customers' lives are
// ingested with their own times (relative to today); a manager opens the page from the navigation and reads the
// churn rate beside the previous period's, the reasons with her words, the experiences, the newcomers per source
// and the cohorts, each as the API gives them; the reasons download as the CSV they show; the churn settings form
// refuses a definition without any signal beside its fields and saves one; the page passes axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
const AGENT: TestStaff = { email: 'abe@example.com', name: 'Abe Agent', role: 'agent', password: PASSWORD };

const DAY = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const noon = (days: number) => new Date(TODAY + days * DAY + DAY / 2).toISOString();
const date = (days: number) => new Date(TODAY + days * DAY).toISOString().slice(0, 10);

let messages = 0;
const call = (type: string, who: string, days: number, extra: Record<string, unknown> = {}) => ({
  type,
  userId: who,
  timestamp: noon(days),
  messageId: `m${++messages}`,
  ...extra,
});
const identify = (who: string, days: number, source?: string) =>
  call('identify', who, days, {
    traits: {
      email: `${who}@example.com`,
      name: `${who[0]!.toUpperCase()}${who.slice(1)} Example`,
      ...(source ? { acquisitionSource: source } : {}),
    },
  });
const track = (who: string, days: number, event: string, properties: Record<string, unknown> = {}) =>
  call('track', who, days, { event, properties });

// Ada cancels, "Too expensive, really" with a comment holding a comma and quotes (the CSV must quote it); Cleo goes
// quiet; Ben and Dora stay.
const LIVES = [
  identify('ada', -60, 'google'),
  track('ada', -50, 'Product Viewed'),
  track('ada', -10, 'Subscription Cancelled', {
    reason: 'Too expensive, really',
    comment: 'Half the "price" elsewhere',
  }),
  identify('ben', -60, 'google'),
  track('ben', -5, 'Order Completed'),
  identify('cleo', -200, 'newsletter'),
  track('cleo', -170, 'Product Viewed'),
  identify('dora', -30),
  track('dora', -3, 'Product Viewed'),
];

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER, AGENT]);
  const tracked = await http('POST', `${server.url}/v1/batch`, { writeKey: server.writeKey, body: { batch: LIVES } });
  assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
  await server.settled();
  // Ada's angry email before she left: the one experience of the period, so the chart has bars.
  const mailed = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: 'ada@example.com' },
          channel: 'email',
          text: 'The courier lost my parcel again. This is awful, terrible service.',
          occurredAt: noon(-20),
          sourceId: 'ada-angry',
          historical: true,
        },
      ],
    },
  });
  assert.equal(mailed.status, 200, JSON.stringify(mailed.body));
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const api = async (path: string) => {
  const answer = await http('GET', `${server.url}${path}`, { token: server.token });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
};
const percent = (rate: number | null) =>
  rate === null ? '—' : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(rate);

/** A table's body rows as the page shows them, cell by cell. */
async function rowsOf(name: RegExp): Promise<string[][]> {
  const rows = page.getByRole('table', { name }).locator('tbody tr');
  const shown: string[][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    shown.push((await rows.nth(index).locator('th, td').allInnerTexts()).map((cell) => cell.trim()));
  }
  return shown;
}

test('a manager reads who came, stayed and left, as the API counts it, and downloads the reasons', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
  await page.getByRole('heading', { name: 'Customers: come, stay, leave', level: 1 }).waitFor();
  await page.getByRole('table', { name: /Reasons customers who left gave/ }).waitFor();

  // The page's default: the last 90 days, today included.
  const period = `from=${date(-89)}&to=${date(1)}`;
  const churn = await api(`/api/insights/churn?${period}`);
  // Ada (cancelled −10) and Cleo (quiet since −170: churned −80) of four.
  assert.deepEqual([churn.population, churn.churned], [4, 2], 'the seeded lives, as the API counts them');
  assert.equal(await page.getByTestId('churn-rate').innerText(), percent(churn.churnRate));
  assert.equal(await page.getByTestId('previous-churn-rate').innerText(), percent(churn.previous.churnRate));
  assert.match(await page.getByTestId('churned').innerText(), new RegExp(`^${churn.churned} of ${churn.population}`));

  const reasons = churn.reasons as Array<{ source: string; reason: string | null; count: number; share: number }>;
  // Ada's event ("Too expensive, really") and the contact reason of her last case (her email: delivery).
  assert.deepEqual(
    reasons.map((reason) => [reason.source, reason.reason]),
    [
      ['event', 'Too expensive, really'],
      ['last_contact', 'delivery'],
    ],
  );
  const SOURCES: Record<string, string> = { event: 'Churn event', last_contact: 'Last contact' };
  assert.deepEqual(
    (await rowsOf(/Reasons customers who left gave/)).map((row) => row.slice(0, 4)),
    reasons.map((reason) => [SOURCES[reason.source], reason.reason, String(reason.count), percent(reason.share)]),
  );
  const quote = page
    .getByRole('table', { name: /Reasons/ })
    .locator('figure.churn-quote')
    .first();
  assert.equal(await quote.locator('blockquote').innerText(), 'Half the "price" elsewhere');
  const ada = (await api('/api/customers/lookup?email=ada@example.com')).id;
  assert.equal(await quote.getByRole('link', { name: 'Ada Example' }).getAttribute('href'), `/customers/${ada}`);

  const experiences = churn.experiences as Array<{ experience: string; customers: number; lift: number | null }>;
  const shownExperiences = await rowsOf(/Churn with and without each experience/);
  assert.deepEqual(
    shownExperiences.map((row) => row[1]),
    experiences.map((row) => String(row.customers)),
  );
  assert.equal(shownExperiences.length, 6);
  // Negative words: Ada, who left (1 of 1), against 1 of the other 3 (Cleo): the largest lift, first.
  assert.deepEqual(shownExperiences[0]!.slice(0, 5), [
    'Negative words',
    '1',
    '100% (1)',
    '33.3% (1 of 3)',
    '+66.7 pts',
  ]);
  await page
    .getByRole('img', { name: /The largest gap: Negative words, 100% with it against 33.3% without/ })
    .waitFor();
  assert.equal(await page.locator('.churn-chart .recharts-bar-rectangle').count(), 2, 'two bars: with and without');

  const acquisition = await api(`/api/insights/acquisition?${period}`);
  const sources = acquisition.sources as Array<{
    source: string;
    customers: number;
    churned: number;
    retained: number;
  }>;
  assert.deepEqual(
    (await rowsOf(/New customers of the period by acquisition source/)).map((row) => row.slice(1, 4)),
    sources.map((row) => [String(row.customers), String(row.churned), String(row.retained)]),
  );
  // Ada and Ben (google), Dora (unknown) were first seen in the last 90 days; Cleo long before.
  assert.deepEqual(
    sources.map((row) => [row.source, row.customers]),
    [
      ['google', 2],
      ['unknown', 1],
    ],
  );

  const cohorts = await api(`/api/insights/retention?from=${monthsAgo(11)}&to=${monthsAgo(-1)}`);
  const shownCohorts = await rowsOf(/Share of each cohort active/);
  assert.deepEqual(
    shownCohorts.map((row) => row[1]),
    (cohorts.cohorts as Array<{ customers: number }>).map((cohort) => String(cohort.customers)),
  );
  assert.equal(shownCohorts.length, 12);

  // The reasons as a file: RFC 4180, the comma and quotes in Ada's reason quoted.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV of reasons' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'churn-reasons.csv');
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  assert.equal(
    text,
    [
      'Source,Reason,Customers,Share of churned',
      // Half of the two who left gave each: a share of 0.5, written as the number it is.
      'Churn event,"Too expensive, really",1,0.5',
      'Last contact,delivery,1,0.5',
      '',
    ].join('\r\n'),
  );
  assert.ok(text.includes('"Too expensive, really"'));

  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));
});

test('a manager changes what churn means: neither signal is refused beside both fields, then the change is saved', async () => {
  await page.getByRole('link', { name: 'Change what churn means' }).click();
  await page.getByRole('heading', { name: 'Churn settings', level: 1 }).waitFor();
  await page.getByLabel('Churn event').fill('');
  await page.getByLabel('Days without activity').fill('');
  await page.getByRole('button', { name: 'Save churn settings' }).click();
  await page.getByText('churn needs the event, days of silence, or both').first().waitFor();
  assert.equal(await page.getByText('churn needs the event, days of silence, or both').count(), 2);

  await page.getByLabel('Churn event').fill('Account Closed');
  await page.getByLabel('Days without activity').fill('60');
  await page.getByRole('button', { name: 'Save churn settings' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();
  const saved = await api('/api/settings/churn');
  assert.deepEqual(saved, { event: 'Account Closed', inactiveDays: 60, lookbackDays: 90, cancellationSurveyId: null });

  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));

  await page.getByRole('link', { name: '← Customers: come, stay, leave' }).click();
  await page.getByText('A customer has left when she sends “Account Closed” or does nothing for 60 days').waitFor();
  assert.deepEqual(session.pageErrors, []);
});

test('an agent has no Retention in the navigation, and the page tells why when followed by a link', async () => {
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Trends' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Retention' }).count(), 0);
  await page.goto(`${server.url}/insights/churn`);
  await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  assert.match(await page.locator('.lead').innerText(), /a report for managers and admins/);
  assert.deepEqual(session.pageErrors, []);
});

/** The first day of the UTC month `months` before this one (YYYY-MM-DD). */
function monthsAgo(months: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
}
