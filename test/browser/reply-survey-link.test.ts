// A survey link in a reply, in headless Chromium: a template with {{survey.link}} fills the composer with the marker
// and the composer says the link is made for the customer when the reply is sent; sent, the case shows her real link.
// Managers see the variable among the template variables and where links in replies lead on the surveys page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { http, startTestServer } from '../helpers/server.ts';
import { type SmtpRelay, startSmtpRelay } from '../helpers/smtp-relay.ts';
import { type BrowserSession, openBrowser, seriousAxeViolations, signIn, switchUser } from './harness.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let relay: SmtpRelay;
let session: BrowserSession;
let page: Page;
let caseNumber: number;
const PASSWORD = 'a long enough password';

before(async () => {
  relay = await startSmtpRelay();
  // A mail server, so the composer can send by email.
  server = await startTestServer({ env: { RAPPORT_SMTP_URL: relay.url } });
  await server.staffToken('agent'); // agent1@example.com
  const manager = await server.staffToken('manager'); // manager2@example.com
  const template = await http('POST', `${server.url}/api/templates`, {
    token: manager,
    body: { name: 'Thanks, with a survey', body: 'Hi {{customer.firstName}}, how did we do? {{survey.link}}' },
  });
  assert.equal(template.status, 201, JSON.stringify(template.body));
  const stored = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: 'maria@example.com', name: 'Maria Garcia' },
          channel: 'email',
          text: 'Where is my parcel?',
          sourceId: 'mail-1',
        },
      ],
    },
  });
  assert.equal(stored.status, 200, JSON.stringify(stored.body));
  const detail = await http('GET', `${server.url}/api/cases/${stored.body.results[0].caseId}`, { token: server.token });
  caseNumber = detail.body.number;
  session = await openBrowser();
  page = session.page;
  await signIn(page, server.url, 'agent1@example.com', PASSWORD);
});

after(async () => {
  await session?.browser.close();
  await server?.close();
  await relay?.close();
});

test('a template with {{survey.link}} keeps the marker in the draft, and the composer says whom the link is for', async () => {
  await page.goto(`${server.url}/cases/${caseNumber}`);
  await page.getByTestId('case-header').waitFor();
  const reply = page.getByRole('form', { name: 'Reply to the customer' });
  await reply.getByText('Goes to maria@example.com by email.').waitFor();
  assert.equal(await page.getByTestId('survey-link-hint').count(), 0, 'no hint without the marker');

  await page.getByLabel('Template').selectOption({ label: 'Thanks, with a survey' });
  const message = page.getByLabel('Message');
  await page.waitForFunction(() => (document.querySelector('#reply-text') as HTMLTextAreaElement).value !== '');
  assert.equal(await message.inputValue(), 'Hi Maria, how did we do? {{survey.link}}');
  const hint = page.getByTestId('survey-link-hint');
  await hint.waitFor();
  assert.equal(await hint.innerText(), 'The survey link is made for Maria when you send.');
  assert.deepEqual(await seriousAxeViolations(page), []);

  await message.fill('Hi Maria, all sorted.');
  await hint.waitFor({ state: 'detached' });
  await message.fill('Typed by hand: {{ survey.link }}');
  await hint.waitFor();
});

test('sent, the case shows her own link where the marker was', async () => {
  await page.getByLabel('Message').fill('Hi Maria, how did we do? {{survey.link}}');
  await page.getByRole('button', { name: 'Send reply' }).click();
  const sent = page.getByText(/^Hi Maria, how did we do\? http:\/\/127\.0\.0\.1:\d+\/s\/sv_[\w-]{32}$/);
  await sent.waitFor();
  assert.equal(await page.getByText('{{survey.link}}').count(), 0, 'the marker is nowhere on the case');
  assert.equal(await page.getByTestId('survey-link-hint').count(), 0, 'the composer is empty again');
});

test('managers see {{survey.link}} among the template variables and where links in replies lead', async () => {
  await switchUser(page, server.url, 'manager2@example.com', PASSWORD);
  await page.goto(`${server.url}/settings/templates`);
  await page.getByRole('button', { name: 'New template' }).click();
  const variables = await page.getByTestId('template-variable').allInnerTexts();
  assert.ok(variables.includes('{{survey.link}}'), variables.join(' | '));
  assert.match(await page.getByTestId('survey-link-variable-hint').innerText(), /one-time survey link/);

  await page.goto(`${server.url}/surveys`);
  const leadsTo = page.getByTestId('reply-survey');
  await leadsTo.getByText('It leads to Satisfaction after a resolved case.').waitFor();
  assert.equal(await page.getByLabel('Links lead to').inputValue(), '');
  assert.deepEqual(await seriousAxeViolations(page), []);
  assert.deepEqual(session.pageErrors, []);
});
