// Ideas in headless Chromium against the real server, as an agent: a customer's message on her timeline becomes
// an idea, a second customer is added to it from hers, the idea shows both waiting with their value, a status that
// owes a reason refuses beside the reason until given one, and a personal reply marks its requester answered
// (on her open case) while the other still waits; the list ranks it and the health card renders. Both pass axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import {
  addStaff,
  openBrowser,
  openCustomer,
  seriousAxeViolations,
  switchUser,
  type BrowserSession,
  type TestStaff,
} from './harness.ts';

const PASSWORD = 'a long enough password';
const AGENT: TestStaff = { email: 'ada@example.com', name: 'Ada Agent', role: 'agent', password: PASSWORD };
const ANN_WORDS = 'Please add gift wrapping, I would buy all my presents here';
const BO_WORDS = 'Do you do gift wrap? My sister’s birthday is next week';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;
let annId: string;
let boId: string;

const api = (method: string, path: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token: server.token, body });

/** Her email (a case opens) and, when given, an order she completed; returns her id. */
async function customerWrites(name: string, email: string, text: string, orderTotal?: number): Promise<string> {
  const interactions: unknown[] = [{ customer: { email, name }, channel: 'email', text, sourceId: `idea-ui-${email}` }];
  if (orderTotal !== undefined) {
    interactions.push({
      customer: { email },
      channel: 'order',
      type: 'track',
      event: 'Order Completed',
      properties: { total: orderTotal },
      sourceId: `idea-ui-order-${email}`,
    });
  }
  const posted = await api('POST', '/api/interactions', { interactions });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  return posted.body.results[0].customerId as string;
}

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [AGENT]);
  annId = await customerWrites('Ann Example', 'ann@example.com', ANN_WORDS, 120);
  boId = await customerWrites('Bo Example', 'bo@example.com', BO_WORDS);
  session = await openBrowser();
  page = session.page;
  await switchUser(page, server.url, AGENT.email, AGENT.password);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

/** Opens "Idea…" on her message in the timeline of the customer open now. */
async function ideaFromMessage(words: string) {
  await page.getByTestId('timeline-item').filter({ hasText: words }).getByRole('button', { name: 'Idea…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Idea from her message' });
  await dialog.waitFor();
  return dialog;
}

test('a message becomes an idea, another customer joins it, a declined status owes its reason, a reply answers her', async () => {
  await openCustomer(page, 'ann@example.com');
  const fromAnn = await ideaFromMessage(ANN_WORDS);
  const title = fromAnn.getByLabel('Title');
  assert.equal(await title.inputValue(), 'Please add gift wrapping, I would buy all…', 'her first words');
  await title.fill('Gift wrapping at checkout');
  await fromAnn.getByRole('button', { name: 'Create idea' }).click();
  const created = page.getByRole('dialog', { name: 'Idea created' });
  await created.getByRole('link', { name: /Gift wrapping at checkout/ }).waitFor();
  await created.getByRole('button', { name: 'Close' }).click();
  await created.waitFor({ state: 'detached' });

  await openCustomer(page, 'bo@example.com');
  const fromBo = await ideaFromMessage(BO_WORDS);
  await fromBo.getByText('An existing idea').click();
  await fromBo.getByRole('radio', { name: /Gift wrapping at checkout/ }).check();
  await fromBo.getByRole('button', { name: 'Add her to the idea' }).click();
  const added = page.getByRole('dialog', { name: 'Added to the idea' });
  await added.getByText(/with 2 asking/).waitFor();
  await added.getByRole('link', { name: /Gift wrapping at checkout/ }).click();

  await page.getByRole('heading', { name: /Gift wrapping at checkout/, level: 1 }).waitFor();
  const rows = page.getByTestId('requester-row');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  const ann = rows.filter({ hasText: 'Ann Example' });
  const bo = rows.filter({ hasText: 'Bo Example' });
  assert.match(await ann.innerText(), /Please add gift wrapping/, 'her words, from her message');
  assert.deepEqual(await page.getByTestId('requester-answered').allInnerTexts(), ['Waiting', 'Waiting']);
  assert.match(await page.getByTestId('demand-value').innerText(), /120\.00/);
  assert.equal(await ann.getByRole('link', { name: 'Ann Example' }).getAttribute('href'), `/customers/${annId}`);
  const ideaAxe = await seriousAxeViolations(page);
  assert.deepEqual(ideaAxe, [], ideaAxe.join('\n'));

  await page.getByLabel('Status', { exact: true }).selectOption('declined');
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.locator('#idea-reason-error').waitFor();
  assert.match(await page.locator('#idea-reason-error').innerText(), /Say why it is declined/);
  await page.getByLabel('Why it is declined').fill('Our parcels go in recycled boxes that cannot be wrapped.');
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByTestId('idea-reason').filter({ hasText: 'recycled boxes' }).waitFor();
  assert.equal(await page.getByTestId('idea-status').first().innerText(), 'Declined');
  const prompt = page.getByTestId('reply-prompt');
  assert.match(await prompt.innerText(), /2 requesters have not been answered: reply to each/);

  await prompt.getByRole('button', { name: 'Reply to each' }).click();
  const toAnn = page.getByLabel('Reply to Ann Example');
  const offered = await toAnn.inputValue();
  assert.match(offered, /^Hi Ann, thank you for asking for “Gift wrapping at checkout”\./);
  assert.match(offered, /recycled boxes/, 'the reason she is owed');
  await toAnn.fill(`${offered} I am sorry, Ann: a ribbon is on us with your next order.`);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await ann
    .getByTestId('reply-via')
    .filter({ hasText: /Sent on case #\d+/ })
    .waitFor();
  assert.doesNotMatch(await ann.getByTestId('requester-answered').innerText(), /Waiting/);
  assert.equal(await bo.getByTestId('requester-answered').innerText(), 'Waiting');
  // Replying to each: Bo's reply opens next.
  await page.getByLabel('Reply to Bo Example').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  const shown = await api('GET', '/api/ideas/1');
  const answeredAt = new Map(
    shown.body.requesters.map((requester: { customerId: string; answeredAt: string | null }) => [
      requester.customerId,
      requester.answeredAt,
    ]),
  );
  assert.ok(answeredAt.get(annId), 'Ann was answered');
  assert.equal(answeredAt.get(boId), null, 'Bo still waits');
  const annCase = await api('GET', `/api/cases?customerId=${annId}&limit=5`);
  const messages = await api('GET', `/api/cases/${annCase.body.items[0].id}`);
  assert.match(messages.body.messages.at(-1).text, /a ribbon is on us/, 'the edited reply went on her case');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ideas' }).click();
  await page.getByRole('heading', { name: 'Ideas', level: 1 }).waitFor();
  const row = page.getByTestId('idea-row').filter({ hasText: 'Gift wrapping at checkout' });
  await row.waitFor();
  assert.equal(await row.getByTestId('idea-requesters').innerText(), '2');
  assert.match(await row.getByTestId('idea-value').innerText(), /120\.00/);
  await page.getByText('By value').click();
  await page.waitForURL(/\/ideas\?sort=value$/);
  await row.waitFor();
  const health = page.getByTestId('feedback-health');
  await health.getByTestId('black-hole-rate').waitFor();
  // Nothing is 7 days old yet: no rate, honestly said; Bo waits.
  assert.match(await health.innerText(), /Nothing is old enough to judge yet/);
  assert.match(await health.innerText(), /Waiting\s*1/);
  const listAxe = await seriousAxeViolations(page);
  assert.deepEqual(listAxe, [], listAxe.join('\n'));
});

test('a duplicate is merged into the idea from its page, and a customer who asked on a call is added', async () => {
  const cyId = await customerWrites('Cy Example', 'cy@example.com', 'Hello, a question about my order');
  await customerWrites('Dee Example', 'dee@example.com', 'Hi there');
  const duplicate = await api('POST', '/api/ideas', {
    title: 'Gift wrap option',
    requester: { customerId: cyId, text: 'Could you wrap it as a present?' },
  });
  assert.equal(duplicate.status, 201, JSON.stringify(duplicate.body));

  await page.goto(`${server.url}/ideas/${duplicate.body.number}`);
  await page.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: `Merge #${duplicate.body.number} into…` });
  await dialog.getByRole('radio', { name: /#1 Gift wrapping at checkout/ }).check();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByText(`Merge #${duplicate.body.number} into #1? It cannot be undone.`).waitFor();
  await dialog.getByRole('button', { name: 'Merge into #1' }).click();
  await page.waitForURL(/\/ideas\/1$/);
  await page.getByTestId('notice').filter({ hasText: 'its requesters and their words are here now' }).waitFor();
  await page.getByTestId('requester-row').filter({ hasText: 'Cy Example' }).waitFor();
  assert.equal(await page.getByTestId('requester-row').count(), 3);

  await page.getByText('Add a requester').click();
  await page.getByLabel('Find the customer').fill('dee@example.com');
  await page.getByRole('radio', { name: /Dee Example/ }).check();
  await page.getByLabel('Her words').fill('Asked on the phone: can the gift be wrapped?');
  await page.getByRole('button', { name: 'Add requester' }).click();
  const dee = page.getByTestId('requester-row').filter({ hasText: 'Dee Example' });
  await dee.waitFor();
  assert.match(await dee.innerText(), /Asked on the phone/);
  assert.equal(await dee.getByTestId('requester-answered').innerText(), 'Waiting');
  assert.deepEqual(session.pageErrors, []);
});
