// axe-core on the main pages in real Chromium, as each role sees them: no serious or critical finding
// (colour contrast, names of buttons and fields, landmarks) may come back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';
import { openBrowser, switchUser, type BrowserSession } from './harness.ts';
import { seedInbox, type SeededInbox } from './seed-cases.ts';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let seeded: SeededInbox;

before(async () => {
  server = await startTestServer();
  seeded = await seedInbox(server);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Serious and critical axe findings on the page as it stands, one line each. */
async function seriousFindings(): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ') ?? violation.help}`,
      ),
    );
}

/** Every page's findings, prefixed with its path, so one run shows them all. */
async function findingsOn(pages: Array<[path: string, ready: string]>): Promise<string[]> {
  const all: string[] = [];
  for (const [path, ready] of pages) {
    await page.goto(`${server.url}${path}`);
    await page.getByTestId(ready).first().waitFor();
    all.push(...(await seriousFindings()).map((finding) => `${path}: ${finding}`));
  }
  return all;
}

test('the inbox, a case and a customer pass axe for an agent', async () => {
  await switchUser(page, server.url, seeded.agent.email, seeded.agent.password);
  const findings = await findingsOn([
    ['/inbox', 'case-row'],
    [`/cases/${seeded.mariaCase.number}`, 'case-header'],
    [`/customers/${seeded.mariaCase.customerId}`, 'context-card'],
  ]);
  assert.deepEqual(findings, [], findings.join('\n'));
});

test('staff, teams and the audit log pass axe for an admin', async () => {
  await switchUser(page, server.url, server.adminEmail, server.adminPassword);
  const findings = await findingsOn([
    ['/settings/staff', 'staff-member'],
    ['/settings/teams', 'team-row'],
    ['/settings/audit', 'audit-entry'],
    [`/cases/${seeded.mariaCase.number}`, 'case-header'],
  ]);
  assert.deepEqual(findings, [], findings.join('\n'));
});

test('the public contact form passes axe', async () => {
  await page.goto(`${server.url}/contact`);
  await page.getByLabel('Your name').waitFor();
  const findings = await seriousFindings();
  assert.deepEqual(findings, [], findings.join('\n'));
});

test('no script errors on the pages', () => {
  assert.deepEqual(session.pageErrors, []);
});
