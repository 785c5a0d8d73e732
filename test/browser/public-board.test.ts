// The public ideas board in headless Chromium, as a customer uses it (no staff sign-in, no script of ours): browse
// the ideas, open one, sign in with the link mailed to her, vote and comment; on a phone's width as on a desktop;
// axe finds nothing serious on the list, an idea and the sign-in page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer, type TestServer } from '../helpers/server.ts';
import { type SmtpRelay, startSmtpRelay } from '../helpers/smtp-relay.ts';
import { type BrowserSession, openBrowser, seriousAxeViolations } from './harness.ts';

let server: TestServer;
let relay: SmtpRelay;
let session: BrowserSession;
let page: Page;

const api = (method: string, path: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token: server.token, body });

before(async () => {
  relay = await startSmtpRelay();
  server = await startTestServer({ env: { RAPPORT_SMTP_URL: relay.url, RAPPORT_COMPANY_NAME: 'Tote & Co' } });
  await api('PATCH', '/api/settings/feedback', { publicBoard: true });
  await api('POST', '/api/interactions', {
    interactions: [
      { customer: { email: 'jane@example.com', name: 'Jane Doe' }, channel: 'email', text: 'Hi', sourceId: 'j-1' },
    ],
  });
  const planned = await api('POST', '/api/ideas', { title: 'Gift wrapping at checkout', body: 'Wrap it for me.' });
  await api('POST', `/api/ideas/${planned.body.id}/status`, { status: 'planned' });
  await api('POST', `/api/ideas/${planned.body.id}/visibility`, { public: true });
  const declined = await api('POST', '/api/ideas', { title: 'Delivery by drone' });
  await api('POST', `/api/ideas/${declined.body.id}/status`, {
    status: 'declined',
    reason: 'Our town does not allow drones over houses.',
  });
  await api('POST', `/api/ideas/${declined.body.id}/visibility`, { public: true });
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
  await relay?.close();
});

test('browse the board: the public ideas with their status and votes, and one idea with its reason', async () => {
  await page.goto(`${server.url}/board`);
  await page.getByRole('heading', { name: 'Ideas for Tote & Co' }).waitFor();
  const list = page.getByRole('listitem');
  assert.equal(await list.count(), 2);
  const giftWrap = list.filter({ hasText: 'Gift wrapping at checkout' });
  assert.match(await giftWrap.innerText(), /^Gift wrapping at checkout\s*Planned\s*0 votes$/);
  assert.deepEqual(await seriousAxeViolations(page), [], 'the list');

  await page.getByRole('link', { name: 'Delivery by drone' }).click();
  await page.getByRole('heading', { name: 'Delivery by drone', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Why not' }).waitFor();
  await page.getByText('Our town does not allow drones over houses.').waitFor();
  assert.deepEqual(await seriousAxeViolations(page), [], 'an idea');
});

test('on a phone’s width nothing runs off the side', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${server.url}/board`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px too wide`);
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('sign in with the emailed link, then vote and comment', async () => {
  await page.goto(`${server.url}/board`);
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sign in to the ideas board' }).waitFor();
  assert.deepEqual(await seriousAxeViolations(page), [], 'the sign-in page');
  await page.getByLabel('Your email').fill('jane@example.com');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();

  const mail = relay.relayed.at(-1)!;
  assert.match(mail.to, /jane@example\.com/);
  // Without RAPPORT_PUBLIC_URL links point at this server's own port on localhost; the browser opens it as 127.0.0.1.
  const link = new RegExp(`http://localhost:${new URL(server.url).port}(/board/auth/\\S+)`).exec(mail.text)![1]!;
  await page.goto(`${server.url}${link}`);
  await page.getByRole('button', { name: 'Sign in to the board' }).click();
  await page.waitForURL(`${server.url}/board`);
  await page.getByText('Signed in as jane@example.com').waitFor();

  await page.getByRole('link', { name: 'Gift wrapping at checkout' }).click();
  await page.getByRole('button', { name: 'Vote for this idea' }).click();
  await page.getByRole('status').getByText('Thank you: your vote counts.').waitFor();
  await page.getByText('1 vote', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Remove my vote' }).waitFor();

  await page.getByLabel('Your comment').fill('Ribbons too, <please>!');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByRole('status').getByText('Thank you: your comment is posted.').waitFor();
  const comment = page.getByRole('listitem').filter({ hasText: 'Ribbons too, <please>!' });
  assert.match(await comment.innerText(), /^Jane · \d{4}-\d{2}-\d{2}/);
  assert.deepEqual(await seriousAxeViolations(page), [], 'an idea, signed in');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).waitFor();
  assert.deepEqual(session.pageErrors, []);
});
