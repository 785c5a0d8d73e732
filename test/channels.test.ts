// Every channel against a real peer: mail over a real SMTP conversation in and out, a telephony
// webhook over HTTP, and the public contact form as a browser would post it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { startTestServer, http, type TestServer } from './helpers/server.ts';
import type { SmtpListener } from '../src/channels/email/index.ts';
import { sweepBreaches } from '../src/cases/service.ts';

let server: TestServer;
let relay: SMTPServer;
const relayed: Buffer[] = [];
let agentToken: string;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

before(async () => {
  relay = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        relayed.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const relayPort = (relay.server.address() as AddressInfo).port;
  server = await startTestServer({
    env: {
      RAPPORT_SMTP_PORT: '0',
      RAPPORT_SMTP_URL: `smtp://127.0.0.1:${relayPort}`,
      RAPPORT_SUPPORT_ADDRESS: 'help@shop.example',
      RAPPORT_COMPANY_NAME: 'Tote & Co',
      // The contact-form test stands for customers behind a proxy on this host, told apart by X-Forwarded-For.
      RAPPORT_TRUST_PROXY: '127.0.0.1',
    },
  });
  agentToken = await server.staffToken('agent');
});

after(async () => {
  await server.close();
  await new Promise<void>((resolve) => relay.close(() => resolve()));
});

function listener(): SmtpListener {
  return server.running.channels.adapters.find((adapter) => adapter.name === 'smtp-listener') as SmtpListener;
}

function mailer() {
  return nodemailer.createTransport({ host: '127.0.0.1', port: listener().port(), secure: false, ignoreTLS: true });
}

test('email: a mail opens a case, the reply goes out threaded, and her answer joins the same case', async () => {
  const sent = await mailer().sendMail({
    from: 'Jane Doe <Jane@Example.com>',
    to: 'help@shop.example',
    subject: 'My tote bag is ruined',
    text: 'Hello, the strap of my new tote tore on the first day.',
    messageId: '<first-mail@example.com>',
  });
  assert.ok(sent.accepted.length === 1);
  const found = await waitFor('the case', async () => {
    const lookup = await http('GET', `${server.url}/api/customers/lookup?email=jane@example.com`, {
      token: agentToken,
    });
    if (lookup.status !== 200) return undefined;
    const cases = await http('GET', `${server.url}/api/cases?customerId=${lookup.body.id}`, { token: agentToken });
    return cases.body.items[0];
  });
  assert.equal(found.channel, 'email');
  assert.equal(found.subject, 'My tote bag is ruined');
  assert.equal(found.customerName, 'Jane Doe');

  const reply = await http('POST', `${server.url}/api/cases/${found.id}/replies`, {
    token: agentToken,
    body: { text: 'So sorry! A new one is on its way.' },
  });
  assert.equal(reply.status, 201);
  assert.equal(reply.body.delivery.status, 'sent', JSON.stringify(reply.body));
  assert.equal(relayed.length, 1);
  const outgoing = await simpleParser(relayed[0]!);
  assert.equal(outgoing.inReplyTo, '<first-mail@example.com>');
  assert.equal(outgoing.subject, `My tote bag is ruined [#${found.number}]`);
  assert.equal((outgoing.to as { value: Array<{ address: string }> }).value[0]!.address, 'jane@example.com');
  assert.match(outgoing.text ?? '', /A new one is on its way/);

  await mailer().sendMail({
    from: 'jane@example.com',
    to: 'help@shop.example',
    subject: `Re: My tote bag is ruined [#${found.number}]`,
    text: 'Thank you!\n\nOn Tue, Support wrote:\n> So sorry! A new one is on its way.',
    inReplyTo: outgoing.messageId,
    references: [outgoing.messageId!],
  });
  const joined = await waitFor('her answer on the case', async () => {
    const detail = await http('GET', `${server.url}/api/cases/${found.id}`, { token: agentToken });
    return detail.body.contactCount === 2 ? detail.body : undefined;
  });
  assert.equal(joined.messages.at(-1).text, 'Thank you!', 'the quoted reply is stripped');
});

test('email: malformed mail is refused at the SMTP door and nothing is stored', async () => {
  const before = (await http('GET', `${server.url}/api/cases?limit=100`, { token: agentToken })).body.items.length;
  const raw = 'To: help@shop.example\r\nSubject: no sender\r\n\r\nWho am I?\r\n';
  await assert.rejects(
    mailer().sendMail({ envelope: { from: 'x@example.com', to: ['help@shop.example'] }, raw }),
    (error: { responseCode?: number }) => error.responseCode === 550,
  );
  const after = (await http('GET', `${server.url}/api/cases?limit=100`, { token: agentToken })).body.items.length;
  assert.equal(after, before);
});

const call = (overrides: Record<string, unknown> = {}) => ({
  callId: 'call-1',
  from: '+1 415 555 0100',
  startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  ivrPath: ['Orders', 'Damaged item'],
  waitSeconds: 200,
  durationSeconds: 360,
  transfers: [{ to: 'billing' }],
  outcome: 'abandoned',
  ...overrides,
});

test('phone: a call event by webhook lands on the timeline and opens a case; the same call twice is stored once', async () => {
  const first = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: call(),
  });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.outcome, 'opened');
  const again = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: call(),
  });
  assert.equal(again.status, 200);
  assert.equal(again.body.outcome, 'duplicate');
  assert.equal(again.body.caseId, first.body.caseId);

  const detail = await http('GET', `${server.url}/api/cases/${first.body.caseId}`, { token: agentToken });
  assert.equal(detail.body.channel, 'phone');
  assert.equal(detail.body.reason, 'damaged_item', 'the last IVR choice is the reason');
  assert.equal(detail.body.messages[0].kind, 'call');
  assert.match(
    detail.body.messages[0].text,
    /IVR: Orders > Damaged item · waited 3 min 20 s · 1 transfer · abandoned, 6 min 0 s/,
  );
  assert.equal(detail.body.messages[0].properties.waitSeconds, 200);
  assert.ok(
    !JSON.stringify([detail.body.subject, detail.body.messages[0].text]).includes('5550100'),
    'the number stays out of text everyone reads',
  );

  // She calls back and an agent resolves it on the call: the same case, answered and resolved.
  const callback = await http('POST', `${server.url}/api/channels/phone/events`, {
    token: server.token,
    body: call({ callId: 'call-2', startedAt: new Date().toISOString(), outcome: 'resolved', waitSeconds: 15 }),
  });
  assert.equal(callback.status, 201, JSON.stringify(callback.body));
  assert.equal(callback.body.caseId, first.body.caseId, 'a second call while the case is open joins it');
  const resolved = await http('GET', `${server.url}/api/cases/${first.body.caseId}`, { token: agentToken });
  assert.equal(resolved.body.status, 'resolved');
  assert.equal(resolved.body.contactCount, 2);
  assert.equal(resolved.body.firstContactResolution, false, 'two calls were needed');
  assert.ok(resolved.body.firstResponseAt);

  const card = await http('GET', `${server.url}/api/customers/lookup?phone=%2B14155550100`, { token: agentToken });
  assert.equal(card.status, 200);
  assert.ok(
    card.body.recentInteractions.some(
      (i: { type: string; channel: string }) => i.type === 'call' && i.channel === 'phone',
    ),
  );
});

test('phone: bad events are refused with the field at fault', async () => {
  const badNumber = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: call({ callId: 'c9', from: 'not a number' }),
  });
  assert.equal(badNumber.status, 400);
  assert.equal(badNumber.body.errors[0].field, 'from');
  const badOutcome = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: call({ callId: 'c9', outcome: 'lost' }),
  });
  assert.equal(badOutcome.status, 400);
  assert.equal(badOutcome.body.errors[0].field, 'outcome');
  const noAuth = await http('POST', `${server.url}/api/channels/phone/events`, { body: call({ callId: 'c9' }) });
  assert.equal(noAuth.status, 401);
  const viewer = await server.staffToken('viewer');
  const forbidden = await http('POST', `${server.url}/api/channels/phone/events`, {
    token: viewer,
    body: call({ callId: 'c9' }),
  });
  assert.equal(forbidden.status, 403);
});

test('SLA: a clock that runs out on an unanswered case is recorded as a breach and shows in the breaching queue', async () => {
  const policy = await http('POST', `${server.url}/api/sla-policies`, {
    token: server.token,
    body: { name: 'Phones', businessHoursOnly: false, targets: { normal: { firstResponse: 5, resolution: 60 } } },
  });
  const team = await http('POST', `${server.url}/api/teams`, {
    token: server.token,
    body: { name: 'Phones', slaPolicyId: policy.body.id, isDefault: true, autoAssign: false },
  });
  assert.equal(team.status, 201);
  const late = await http('POST', `${server.url}/api/channels/phone/events`, {
    writeKey: server.writeKey,
    body: call({
      callId: 'late-1',
      from: '+1 415 555 0199',
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      ivrPath: [],
    }),
  });
  assert.equal(late.status, 201);
  const breaching = await http('GET', `${server.url}/api/cases/breaching?withinMinutes=0`, { token: agentToken });
  assert.ok(breaching.body.items.some((c: { id: string }) => c.id === late.body.caseId));
  assert.ok((await sweepBreaches(server.running.db)) >= 1);
  assert.equal(await sweepBreaches(server.running.db), 0, 'each breach is recorded once');
  const detail = await http('GET', `${server.url}/api/cases/${late.body.caseId}`, { token: agentToken });
  assert.deepEqual(
    detail.body.sla.breaches.map((b: { metric: string }) => b.metric),
    ['first_response'],
  );
  assert.equal(detail.body.assigneeId, null, 'the team does not auto-assign');
});

test('contact form: the page, a humane thank-you with a real promise, JSON by Accept, a honeypot and a rate limit', async () => {
  const page = await fetch(`${server.url}/contact`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form method="post" action="\/public\/contact">/);

  const form = await fetch(`${server.url}/public/contact`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      'x-forwarded-for': '203.0.113.7',
    },
    body: new URLSearchParams({
      name: 'Ana Lima',
      email: 'ana@example.com',
      message: 'My order never arrived',
      website: '',
    }).toString(),
  });
  assert.equal(form.status, 200);
  const thanks = await form.text();
  assert.match(thanks, /Thank you, Ana\./);
  // One figure for both halves: the typical time, and when that lands in the team's opening hours.
  assert.match(
    thanks,
    /will reply by email\. (We are closed now\. )?(During our opening hours w|W)e usually reply within [^,]+, so you will hear from us (today |tomorrow |by \w+ )?(by )?\d\d:\d\d \S+\./,
  );
  assert.match(thanks, /Your reference is <strong>#\d+<\/strong>/);

  const json = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json', 'x-forwarded-for': '203.0.113.8' },
    body: { name: 'Ben', email: 'ben@example.com', message: 'Can I change my delivery address?' },
  });
  assert.equal(json.status, 201);
  assert.ok(json.body.caseNumber > 0);
  assert.ok(['median', 'target'].includes(json.body.promise.basis), JSON.stringify(json.body));

  const casesBefore = (await http('GET', `${server.url}/api/cases?limit=100`, { token: agentToken })).body.items.length;
  const bot = await http('POST', `${server.url}/public/contact`, {
    headers: { accept: 'application/json', 'x-forwarded-for': '203.0.113.9' },
    body: { name: 'Bot', email: 'bot@example.com', message: 'cheap pills', website: 'http://spam.example' },
  });
  assert.equal(bot.status, 202);
  assert.equal(
    (await http('GET', `${server.url}/api/cases?limit=100`, { token: agentToken })).body.items.length,
    casesBefore,
    'the honeypot stored nothing',
  );

  const missing = await fetch(`${server.url}/public/contact`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.10' },
    body: new URLSearchParams({ name: 'Cy', email: 'not-an-email', message: 'hello' }).toString(),
  });
  assert.equal(missing.status, 400);
  const again = await missing.text();
  assert.match(again, /Give an email address we can reply to/);
  assert.match(again, /value="Cy"/, 'what she typed is kept');

  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const attempt = await http('POST', `${server.url}/public/contact`, {
      headers: { accept: 'application/json', 'x-forwarded-for': '198.51.100.1' },
      body: { name: 'Dee', email: 'dee@example.com', message: `message ${i}` },
    });
    statuses.push(attempt.status);
  }
  assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
});
