// The managers' CX dashboard in headless Chromium against the real server, over the hand-made dataset of
// test/helpers/metrics-dataset.ts (cases and gestures of November 2026, UTC): a manager lands on it, picks the
// fortnight, reads tiles that say exactly what the API says (and what the table works out by hand) against the
// fortnight before, draws a metric over time, breaks the numbers down by team, opens the cases behind
// first-contact resolution, downloads tables as the server's CSV and changes the zone the days are counted in;
// an agent has no dashboard. The pages pass axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { PERIOD, PREVIOUS, seedMetricsDataset } from '../helpers/metrics-dataset.ts';
import { configureMetricsCatchUp, rebuildMetrics } from '../../src/metrics/index.ts';
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
const AGENT: TestStaff = { email: 'alex@example.com', name: 'Alex Agent', role: 'agent', password: PASSWORD };

/** What the tiles ask the API, in one question (KpiTiles' TILE_METRICS). */
const TILE_METRICS =
  'cases,ttfr,ttfr_p90,ttr,ttr_p90,fcr,repeat_rate,reopen_rate,sla_attainment,backlog,csat,nps,ces,gesture_spend,negative_share';
const RANGE = `from=${PERIOD.from}&to=${PERIOD.to}`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

before(async () => {
  server = await startTestServer();
  const [managerId, agentId] = await addStaff(server.url, server.token, [MANAGER, AGENT]);
  await seedMetricsDataset(server, server.token, { X: managerId, Y: agentId });
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
const api = async (path: string) => {
  const answer = await http('GET', `${server.url}${path}`, { token: server.token });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
};
const tile = (name: string) => page.getByTestId(`kpi-${name}`);
const textOf = async (locator: Locator) => ((await locator.count()) ? (await locator.innerText()).trim() : null);

async function downloaded(link: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync(await download.path(), 'utf8');
}

async function serverCsv(path: string): Promise<string> {
  const answer = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.token}` } });
  assert.equal(answer.status, 200);
  return answer.text();
}

test('a manager lands on the dashboard; its tiles say what the API says, against the fortnight before', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.waitForURL(`${server.url}/dashboard`);
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  assert.equal((await nav().getByRole('link').allInnerTexts())[1], 'Dashboard', 'first in the navigation');
  assert.match((await page.getByTestId('metrics-zone').innerText()).trim(), /^Counted in UTC/);
  await tile('cases').waitFor();

  await page.getByRole('group', { name: 'Period' }).getByLabel('Custom').check();
  await page.getByLabel('First day').fill(PERIOD.from);
  await page.getByLabel('Last day').fill('2026-11-15');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/\/dashboard\?from=2026-11-02&to=2026-11-15$/);
  await page.getByText('Nov 2, 2026 – Nov 15, 2026 against Oct 19, 2026 – Nov 1, 2026').waitFor();
  await page.locator('.dashboard-view[aria-busy="false"]').waitFor();

  const answer = await api(`/api/metrics?names=${TILE_METRICS}&${RANGE}&compare=previous`);
  assert.deepEqual([answer.previous.from, answer.previous.to], [PREVIOUS.from, PREVIOUS.to]);
  for (const name of TILE_METRICS.split(',').filter((name) => !name.endsWith('_p90'))) {
    assert.equal(
      await tile(name).getByTestId('kpi-value').getAttribute('data-value'),
      JSON.stringify(answer.total.values[name] ?? null),
      `${name}: the API's number`,
    );
  }
  // The tiles as the table works out by hand: this fortnight, what it is counted from, the one before, the change.
  const expected: Record<string, [string, string | null, string, string]> = {
    cases: ['5', null, 'opened in the period', 'Previous: 2 · ▲ +3 more'], // K1–K5; before: K6, K7
    // Answered: 300, 1200, 1800, 7200 s → the 2nd of 4; before: K7 1800, K6 600 → 600.
    ttfr: ['20 min', 'p90 2 h', 'of 4 answered cases', 'Previous: 10 min · ▲ +10 min worse'],
    // Resolved: K3 1800, K1 7200, K2 172800, K6 345600 → 7200, p90 345600; before: K7 432000 s.
    ttr: ['2 h', 'p90 4 d', 'of 4 resolved cases', 'Previous: 5 d · ▼ −4 d 22 h better'],
    fcr: ['75%', null, 'of 4 resolved cases', 'Previous: 100% · ▼ −25 pts worse'], // K1, K3, K6 of 4; before K7
    repeat_rate: ['20%', null, 'of 5 cases', 'Previous: 0% · ▲ +20 pts worse'], // K3 of 5
    reopen_rate: ['25%', null, 'of 4 resolved cases', 'Previous: 0% · ▲ +25 pts worse'], // K2 of 4
    // Met: K1 2, K3 2, K4 1 of 8 decided; before, no case had a target.
    sla_attainment: ['62.5%', null, 'of 8 SLA targets', 'Previous: no data'],
    // Open at the end: K4, K5; at the end of the fortnight before: K6.
    backlog: ['2', null, 'open at the end of Nov 15, 2026', 'Previous: 1 · ▲ +1 worse'],
    csat: ['no data', null, 'of 0 answers', 'Previous: no data'],
    nps: ['no data', null, 'of 0 answers', 'Previous: no data'],
    ces: ['no data', null, 'of 0 answers', 'Previous: no data'],
    // g1 USD 25 and g2 EUR 10; g3 waits for approval.
    gesture_spend: ['€10.00 · $25.00', null, 'of 2 gestures', 'Previous: none · ▲ +€10.00 · +$25.00 more'],
    negative_share: ['no data', null, 'of 0 texts', 'Previous: no data'],
  };
  for (const [name, [value, p90, count, previous]] of Object.entries(expected)) {
    assert.deepEqual(
      [
        await textOf(tile(name).getByTestId('kpi-value')),
        await textOf(tile(name).getByTestId('kpi-p90')),
        await textOf(tile(name).getByTestId('kpi-count')),
        await textOf(tile(name).getByTestId('kpi-previous')),
      ],
      [value, p90, count, previous],
      name,
    );
  }
  assert.doesNotMatch(await page.locator('main').innerText(), /NaN|undefined/);
});

test('one metric over time: a point per day the API counted, per week too, and the same figures as a table', async () => {
  const chart = page.getByTestId('over-time-chart');
  const points = chart.locator('.recharts-line-dots circle');
  const byDay = await api(`/api/metrics?names=cases&by=day&${RANGE}`);
  assert.equal(byDay.rows.length, 14, 'every day of the fortnight, the quiet ones too');
  await chart.locator('svg').first().waitFor();
  assert.equal(await points.count(), 14);

  await page.getByLabel('Metric', { exact: true }).selectOption({ label: 'First-contact resolution' });
  await page.waitForURL(/chart=fcr/);
  const fcrByDay = await api(`/api/metrics?names=fcr&by=day&${RANGE}`);
  const counted = fcrByDay.rows.filter((row: { values: { fcr: number | null } }) => row.values.fcr !== null);
  // Resolutions on Nov 2 (K1), 3 (K6), 4 (K3) and 5 (K2); the other days have nothing to count: gaps.
  assert.equal(counted.length, 4);
  await page.waitForFunction(() => document.querySelectorAll('.recharts-line-dots circle').length === 4);

  await page.getByRole('group', { name: 'Per' }).getByLabel('Week').check();
  await page.waitForURL(/per=week/);
  await page.waitForFunction(() => document.querySelectorAll('.recharts-line-dots circle').length === 1);
  await page.getByText('Show as table').click();
  const rows = page.getByTestId('over-time-table').locator('tbody tr');
  await rows.nth(1).waitFor();
  const shown = [];
  for (let index = 0; index < (await rows.count()); index += 1)
    shown.push((await rows.nth(index).locator('th, td').allInnerTexts()).map((cell) => cell.trim()));
  assert.deepEqual(shown, [
    ['Week of Nov 2', '75%', 'of 4 resolved cases'],
    ['Week of Nov 9', 'no data', 'of 0 resolved cases'],
  ]);
});

test('a breakdown by team: bars and rows with the API’s numbers by name, sortable, and the server’s CSV', async () => {
  await page.getByLabel('Break down by').selectOption({ label: 'Team' });
  await page.waitForURL(/by=team/);
  await page.getByRole('heading', { name: 'Breakdown by team' }).waitFor();
  const table = page.getByTestId('breakdown-table');
  await table.getByRole('rowheader', { name: 'Billing' }).waitFor();
  const answer = await api(
    `/api/metrics?names=cases,ttfr,ttr,fcr,repeat_rate,sla_attainment,backlog,csat,nps&by=team&${RANGE}`,
  );
  const byName = Object.fromEntries(
    answer.rows.map((row: { dimensions: { team: string }; values: object }) => [
      answer.labels.team[row.dimensions.team],
      row.values,
    ]),
  );
  // Support: K1, K2, K5 opened; K1 1800 s and K2 7200 s to answer (the 1st of 2); resolved K1 7200 s, K2 172800 s,
  // K6 345600 s (the 2nd of 3: 2 d); K1 and K6 of K1, K2, K6 resolved at once. Billing: K3 300 s, K4 1200 s; K3 1800 s.
  assert.deepEqual(
    [byName.Support.cases, byName.Support.ttfr, byName.Support.fcr, byName.Billing.cases, byName.Billing.fcr],
    [3, 1800, 0.6667, 2, 1],
  );
  const cells = async (name: string) =>
    (
      await table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name }) })
        .locator('th, td')
        .allInnerTexts()
    ).map((cell) => cell.trim());
  assert.deepEqual((await cells('Support')).slice(0, 5), ['Support', '3', '30 min', '2 d', '66.7%']);
  assert.deepEqual((await cells('Billing')).slice(0, 5), ['Billing', '2', '5 min', '30 min', '100%']);
  assert.deepEqual((await cells('All')).slice(0, 2), ['All', '5']);
  const bars = page.getByTestId('breakdown-chart').locator('.recharts-bar-rectangle');
  await bars.nth(1).waitFor();
  assert.equal(await bars.count(), 2, 'a bar per team');

  const order = async () => table.locator('tbody th').allInnerTexts();
  assert.deepEqual(await order(), ['Support', 'Billing'], 'most cases first');
  await table.getByRole('button', { name: 'Cases' }).click();
  assert.deepEqual(await order(), ['Billing', 'Support']);
  assert.equal(await table.getByRole('columnheader', { name: 'Cases' }).getAttribute('aria-sort'), 'ascending');

  const link = page.getByTestId('breakdown-csv');
  const file = await downloaded(link);
  assert.equal(file, await serverCsv((await link.getAttribute('href')) ?? ''));
  assert.match(file, /^team,cases,ttfr,ttr,fcr,repeat_rate,sla_attainment,backlog,csat,nps\n/);
  assert.match(file, /\nSupport,3,1800,/);

  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));
});

test('the first-contact resolution tile opens the cases behind it, each linked, and the list as CSV', async () => {
  await tile('fcr').getByRole('link').click();
  await page.waitForURL(/\/dashboard\/drill\?name=fcr&from=2026-11-02&to=2026-11-15$/);
  await page.getByRole('heading', { name: 'First-contact resolution', level: 1 }).waitFor();
  assert.equal(await page.getByTestId('drill-value').innerText(), '75%');
  await page.getByTestId('drill-total').filter({ hasText: '4 cases' }).waitFor();
  const drilled = await api(`/api/metrics/drill?name=fcr&${RANGE}`);
  const rows = page.getByTestId('drill-row');
  const shown = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const row = rows.nth(index);
    shown.push([await row.getByRole('rowheader').innerText(), await row.getByTestId('drill-value-cell').innerText()]);
  }
  assert.deepEqual(
    shown,
    drilled.cases.map((c: { number: number; subject: string; value: boolean }) => [
      `#${c.number} ${c.subject}`,
      c.value ? 'Yes' : 'No',
    ]),
  );
  // Resolved in the fortnight, newest opened first: K3, K2 (two contacts), K1, K6.
  assert.deepEqual(shown, [
    ['#9003 Case K3', 'Yes'],
    ['#9002 Case K2', 'No'],
    ['#9001 Case K1', 'Yes'],
    ['#9006 Case K6', 'Yes'],
  ]);
  assert.equal(await rows.first().getByRole('link').getAttribute('href'), '/cases/9003');
  assert.match(await rows.nth(1).innerText(), /Support\s+Maud Manager\s+Delivery/);

  const link = page.getByTestId('drill-csv');
  const file = await downloaded(link);
  assert.equal(file, await serverCsv((await link.getAttribute('href')) ?? ''));
  assert.equal(file.split('\n').length, 6, 'a header, four cases and the last line break');

  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));

  await rows.first().getByRole('link').click();
  await page.waitForURL(/\/cases\/9003$/);
  await page.getByTestId('case-header').waitFor();
  await page.goBack();
  await page.getByRole('link', { name: '← Dashboard' }).click();
  await page.waitForURL(/\/dashboard\?from=2026-11-02&to=2026-11-15$/);
  await tile('gesture_spend').getByRole('link').click();
  await page.getByTestId('drill-total').filter({ hasText: '2 gestures' }).waitFor();
  assert.deepEqual(
    (await page.getByTestId('drill-row').allInnerTexts()).map((row) => row.split('\t').slice(1, 4)),
    [
      ['Refund', '€10.00', 'Alex Agent'],
      ['Credit', '$25.00', 'Maud Manager'],
    ],
  );
});

test('times in business hours: the tiles, and the cases behind resolution time, count only open hours', async () => {
  await page.goto(`${server.url}/dashboard?${RANGE.replace(PERIOD.to, '2026-11-15')}`);
  await page.locator('.dashboard-view[aria-busy="false"]').waitFor();
  await page.getByLabel('Times in business hours').check();
  await page.waitForURL(/\/dashboard\?from=2026-11-02&to=2026-11-15&hours=business$/);
  await tile('ttr').getByText('(business hours)').waitFor();
  await page.locator('.dashboard-view[aria-busy="false"]').waitFor();
  const answer = await api(`/api/metrics?names=${TILE_METRICS}&${RANGE}&compare=previous&hours=business`);
  for (const name of ['ttfr', 'ttr', 'fcr'])
    assert.equal(
      await tile(name).getByTestId('kpi-value').getAttribute('data-value'),
      JSON.stringify(answer.total.values[name] ?? null),
      name,
    );
  // Support is open Mon–Fri 09:00–17:00 UTC: K2 and K6 waited 16 open hours each (metrics.test.ts works it out).
  assert.equal(await textOf(tile('ttr').getByTestId('kpi-p90')), 'p90 16 h');
  assert.equal(await textOf(tile('fcr').getByText('(business hours)')), null, 'only times change');

  await tile('ttr').getByRole('link').click();
  await page.waitForURL(/\/dashboard\/drill\?name=ttr&from=2026-11-02&to=2026-11-15&hours=business$/);
  await page.getByTestId('drill-total').filter({ hasText: '4 cases' }).waitFor();
  assert.deepEqual(
    await page.getByTestId('drill-value-cell').allInnerTexts(),
    ['16 h', '16 h', '2 h', '30 min'],
    'K2, K6, K1, K3',
  );
  await page.getByRole('columnheader', { name: 'Resolution time (business hours)' }).waitFor();
  await page.getByRole('link', { name: '← Dashboard' }).click();
  await page.waitForURL(/\/dashboard\?from=2026-11-02&to=2026-11-15&hours=business$/);
  assert.equal(await page.getByLabel('Times in business hours').isChecked(), true);
});

test('a manager counts the days in another zone: the tiles follow what the API now says', async () => {
  await page.goto(`${server.url}/dashboard?${RANGE.replace(PERIOD.to, '2026-11-15')}`);
  await page.getByRole('button', { name: 'Change time zone' }).click();
  const form = page.getByRole('form', { name: 'Metrics time zone' });
  await form.getByText(/counted again in the new zone/).waitFor();
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByRole('button', { name: 'Count in this zone' }).click();
  await form.getByText('an IANA time zone such as UTC or Europe/Berlin').waitFor();
  await form.getByLabel('Time zone').fill('Pacific/Kiritimati');
  await form.getByRole('button', { name: 'Count in this zone' }).click();
  await page.getByTestId('metrics-zone').filter({ hasText: 'Counted in Pacific/Kiritimati' }).waitFor();
  const answer = await api(`/api/metrics?names=cases,ttfr&by=day&${RANGE}`);
  assert.equal(answer.timeZone, 'Pacific/Kiritimati');
  await page.locator('.dashboard-view[aria-busy="false"]').waitFor();
  const total = await api(`/api/metrics?names=${TILE_METRICS}&${RANGE}&compare=previous`);
  for (const name of ['cases', 'ttfr', 'fcr', 'backlog'])
    assert.equal(
      await tile(name).getByTestId('kpi-value').getAttribute('data-value'),
      JSON.stringify(total.total.values[name] ?? null),
      name,
    );
  // The cases behind a number carry the days of that zone, not the browser's (UTC here): K4, opened Nov 10 at
  // 14:00 UTC, was opened on Nov 11 at 04:00 in Kiritimati (UTC+14).
  await tile('cases').getByRole('link').click();
  await page.getByTestId('drill-total').waitFor();
  const k4 = page.getByTestId('drill-row').filter({ hasText: 'Case K4' });
  const k4Text = await k4.innerText();
  assert.match(k4Text, /Nov 11, 2026/);
  assert.doesNotMatch(k4Text, /Nov 10/);
  await http('PUT', `${server.url}/api/settings/metrics`, { token: server.token, body: { timeZone: 'UTC' } });
});

test('while a rebuild is counted in the background the dashboard says so, and fills in when it is done', async () => {
  const db = server.running.db;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  configureMetricsCatchUp(db, { above: 3, round: 2, betweenRounds: () => held });
  try {
    await rebuildMetrics(db);
    await page.goto(`${server.url}/dashboard?${RANGE.replace(PERIOD.to, '2026-11-15')}`);
    const notice = page.getByTestId('still-counting');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Still counting .*: \d+ cases, answers and gestures to go/);
    release();
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator('.dashboard-view[aria-busy="false"]').waitFor();
    const answer = await api(`/api/metrics?names=${TILE_METRICS}&${RANGE}&compare=previous`);
    assert.equal(answer.stillToCount, undefined);
    for (const name of ['cases', 'ttfr', 'fcr', 'backlog'])
      assert.equal(
        await tile(name).getByTestId('kpi-value').getAttribute('data-value'),
        JSON.stringify(answer.total.values[name] ?? null),
        name,
      );
  } finally {
    release();
    configureMetricsCatchUp(db, { above: 50_000, round: 20_000, betweenRounds: undefined });
  }
});

test('an agent has no dashboard: the inbox is their home, and the address says why not', async () => {
  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await page.waitForURL(`${server.url}/inbox`);
  await nav().getByRole('link', { name: 'Inbox' }).waitFor();
  assert.equal(await nav().getByRole('link', { name: 'Dashboard' }).count(), 0);
  await page.goto(`${server.url}/dashboard`);
  await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});
