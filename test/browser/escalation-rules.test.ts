// Settings → Escalation rules in headless Chromium against the real server: a manager tunes the shipped rule (a bad
// threshold refused beside its box), turns it off and on, adds an email-only rule (a too-long reason refused beside
// its box), moves it up and deletes it; an angry post is then raised by the tuned rule and its case tells an agent
// why. An agent cannot open the settings page. What the UI saved is read back from the API; both pages pass axe.
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
const MANAGER: TestStaff = { email: 'mona@example.com', name: 'Mona Manager', role: 'manager', password: PASSWORD };
const AGENT: TestStaff = { email: 'alex@example.com', name: 'Alex Agent', role: 'agent', password: PASSWORD };
const ANGRY = 'Third time my bag is lost and my flight leaves in 2 hours. Worst airline ever!!';

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: BrowserSession;
let page: Page;

before(async () => {
  server = await startTestServer();
  await addStaff(server.url, server.token, [MANAGER, AGENT]);
  session = await openBrowser();
  page = session.page;
});

after(async () => {
  await session?.browser.close();
  await server?.close();
});

const api = (method: string, path: string, body?: unknown) =>
  http(method, `${server.url}${path}`, { token: server.token, body });

interface StoredRule {
  name: string;
  enabled: boolean;
  priority: string;
  opensCase: boolean;
  conditions: { channels: string[]; reasons: string[]; sentimentAtMost: number; urgencyAtLeast: number };
}
const storedRules = async (): Promise<StoredRule[]> => (await api('GET', '/api/escalation-rules')).body.items;

const rows = () => page.getByTestId('escalation-rule');
const order = () => rows().locator('strong').allInnerTexts();

async function assertNoSeriousViolations(): Promise<void> {
  const serious = await seriousAxeViolations(page);
  assert.deepEqual(serious, [], serious.join('\n'));
}

test('a manager tunes the shipped rule; a threshold out of range is refused beside its box', async () => {
  await switchUser(page, server.url, MANAGER.email, MANAGER.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalation rules' }).click();
  await page.getByRole('heading', { name: 'Escalation rules', level: 1 }).waitFor();
  await page.getByText(/history: messages imported from the past never escalate/).waitFor();
  const shipped = rows().filter({ hasText: 'Negative and urgent' });
  assert.match(await shipped.innerText(), /Any channel · any reason · sentiment −0\.3 or lower · urgency 0\.5 or more/);
  assert.match(await shipped.innerText(), /High/);

  await page.getByRole('button', { name: 'Edit Negative and urgent' }).click();
  assert.equal(await page.getByLabel('Negative at or below').inputValue(), '-0.3');
  await page.getByLabel('Raise priority to').selectOption({ label: 'Urgent' });
  await page.getByLabel('Negative at or below').fill('0.5');
  await page.getByRole('button', { name: 'Save rule' }).click();
  const refused = page.locator('#escalation-sentimentAtMost-error');
  await refused.waitFor();
  assert.equal(await page.getByLabel('Negative at or below').getAttribute('aria-invalid'), 'true');
  assert.equal((await storedRules())[0]?.conditions.sentimentAtMost, -0.3, 'nothing was saved');
  await assertNoSeriousViolations();

  await page.getByLabel('Negative at or below').fill('-0.5');
  await page.getByLabel('Urgency at least').fill('0.6');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await page.getByRole('status').filter({ hasText: 'Negative and urgent saved.' }).waitFor();
  await shipped.filter({ hasText: 'sentiment −0.5 or lower · urgency 0.6 or more' }).waitFor();
  assert.match(await shipped.innerText(), /Urgent/);
  const [tuned] = await storedRules();
  assert.deepEqual(
    [tuned?.name, tuned?.enabled, tuned?.priority, tuned?.opensCase, tuned?.conditions],
    [
      'Negative and urgent',
      true,
      'urgent',
      true,
      { channels: [], reasons: [], sentimentAtMost: -0.5, urgencyAtLeast: 0.6 },
    ],
  );

  await page.getByRole('button', { name: 'Turn off Negative and urgent' }).click();
  await page.getByRole('status').filter({ hasText: 'Negative and urgent turned off.' }).waitFor();
  assert.equal((await storedRules())[0]?.enabled, false);
  await page.getByRole('button', { name: 'Turn on Negative and urgent' }).click();
  await page.getByRole('status').filter({ hasText: 'Negative and urgent turned on.' }).waitFor();
  assert.equal((await storedRules())[0]?.enabled, true);
});

test('a manager adds a rule for email only, moves it up to be tried first, and deletes it', async () => {
  await page.getByRole('button', { name: 'New rule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Email anger');
  await page.getByRole('group', { name: 'Channels' }).getByRole('button', { name: 'Email' }).click();
  await page.getByLabel('Other reasons').fill('x'.repeat(101));
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.locator('#escalation-other-reasons-error').waitFor();
  await page.getByLabel('Other reasons').fill('');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await rows().filter({ hasText: 'Email anger' }).waitFor();
  assert.deepEqual(await order(), ['Negative and urgent', 'Email anger'], 'a new rule goes last');
  assert.match(await rows().nth(1).innerText(), /Email · any reason · sentiment −0\.3 or lower/);

  await page.getByRole('button', { name: 'Move Email anger up' }).click();
  await rows().first().filter({ hasText: 'Email anger' }).waitFor();
  const stored = await storedRules();
  assert.deepEqual(
    stored.map((rule) => [rule.name, rule.priority, rule.conditions.channels]),
    [
      ['Email anger', 'high', ['email']],
      ['Negative and urgent', 'urgent', []],
    ],
  );

  const emailRule = rows().filter({ hasText: 'Email anger' });
  await emailRule.getByRole('button', { name: 'Delete' }).click();
  await emailRule.getByRole('group').getByRole('button', { name: 'Delete' }).click();
  await rows().filter({ hasText: 'Email anger' }).waitFor({ state: 'detached' });
  assert.deepEqual(
    (await storedRules()).map((rule) => rule.name),
    ['Negative and urgent'],
  );
  await assertNoSeriousViolations();
});

test('an angry post is raised by the tuned rule, and its case tells the agent why', async () => {
  const posted = await http('POST', `${server.url}/api/channels/social/posts`, {
    writeKey: server.writeKey,
    body: {
      network: 'x',
      posts: [
        {
          tweet_id: 'angry-1',
          author_id: 'furious_fran',
          inbound: true,
          created_at: new Date().toISOString(),
          text: ANGRY,
          in_response_to_tweet_id: null,
        },
      ],
    },
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  await server.settled();
  const card = await api('GET', `/api/customers/lookup?handle=${encodeURIComponent('x:furious_fran')}`);
  const cases = await api('GET', `/api/cases?customerId=${card.body.id}&limit=10`);
  const [raised] = cases.body.items;
  assert.equal(raised.priority, 'urgent');

  await switchUser(page, server.url, AGENT.email, AGENT.password);
  await page.goto(`${server.url}/cases/${raised.number}`);
  const note = page.getByRole('note').filter({ hasText: 'Raised to' });
  await note.waitFor();
  const said = await note.innerText();
  assert.match(said, /^Raised to Urgent by “Negative and urgent” (just now|.* ago): /);
  assert.ok(said.includes(`negative, urgent: '${ANGRY}'`), said);
  assert.equal(await note.getByRole('link').count(), 0, 'an agent is not sent to settings that are not hers');
  await assertNoSeriousViolations();
});

test('an agent who follows a link to the escalation rules is told they are not hers', async () => {
  await page.goto(`${server.url}/settings/escalation-rules`);
  await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'New rule' }).count(), 0);
  assert.equal(
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalation rules' }).count(),
    0,
  );
  assert.deepEqual(session.pageErrors, []);
});
