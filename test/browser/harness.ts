// Shared set-up for the focused browser test files: headless Chromium, signing in through the form,
// and opening a customer from search, the way an agent would.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createRequire } from 'node:module';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors in the page; each file's last test asserts there were none. */
  pageErrors: string[];
}

export async function openBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { browser, context, page, pageErrors };
}

export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signout').waitFor();
}

/** Signs out whoever is signed in (if anyone), then signs in as someone else. */
export async function switchUser(page: Page, url: string, email: string, password: string): Promise<void> {
  if (await page.getByTestId('signout').count()) {
    await page.getByTestId('signout').click();
    await page.waitForURL(/\/signin$/);
  }
  await signIn(page, url, email, password);
}

/** A staff member's session cookie, for a test to act as them through the API while the browser watches. */
export async function sessionCookie(url: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login as ${email} → ${login.status}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** From anywhere: Customers in the navigation, search, open the first result, wait for card and timeline. */
export async function openCustomer(page: Page, query: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByTestId('search-input').fill(query);
  await page.getByRole('heading', { name: `Results for “${query}”` }).waitFor();
  await page.getByTestId('search-result').first().click();
  await page.getByTestId('context-card').waitFor();
  await page.getByTestId('timeline-item').first().waitFor();
}

/** A Segment call the way a source sends it: the write key as the Basic user name, no password. */
export async function sendWithWriteKey(url: string, writeKey: string, path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (response.ok) {
    // As a script would: read its own write by waiting for the acknowledged log position to be projected.
    const { position } = (await response.clone().json()) as { position: number };
    await fetch(`${url}/healthz?after=${position}`);
  }
  return response;
}

/** A staff member the browser tests sign in as, with the password they sign in with. */
export interface TestStaff {
  email: string;
  name: string;
  role: 'admin' | 'manager' | 'agent' | 'viewer';
  password: string;
}

/** Creates each member through the API with the admin's token; returns their ids, in the same order. */
export async function addStaff<const T extends readonly TestStaff[]>(
  url: string,
  adminToken: string,
  members: T,
): Promise<{ [K in keyof T]: string }> {
  const ids: string[] = [];
  for (const member of members) {
    const response = await fetch(`${url}/api/staff`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(member),
    });
    const body = (await response.json()) as { id: string };
    if (response.status !== 201)
      throw new Error(`Could not add ${member.email}: ${response.status} ${JSON.stringify(body)}`);
    ids.push(body.id);
  }
  return ids as { [K in keyof T]: string };
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page as it is now, each with where it is. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
