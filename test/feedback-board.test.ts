// The public ideas board end to end, against a real server and a real SMTP relay: closed until a manager opens it,
// staff choose the public ideas, a customer signs in by the link mailed to her (once, never after it expires), votes
// (once), withdraws only a board vote, comments (first name only, escaped) and suggests an idea; forged and
// cross-site posts are refused, private ideas are not found, sign-in tells nobody who is a customer, and her erasure
// takes her comments, sessions and links along.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { http, startTestServer, type TestServer } from './helpers/server.ts';
import { type SmtpRelay, startSmtpRelay } from './helpers/smtp-relay.ts';
import { mintSignInToken } from '../src/feedback/public-board-sign-in.ts';

const PUBLIC_URL = 'https://cx.tote.example';

let server: TestServer;
let relay: SmtpRelay;
let agent: string;
let manager: string;

before(async () => {
  relay = await startSmtpRelay();
  server = await startTestServer({
    env: { RAPPORT_SMTP_URL: relay.url, RAPPORT_COMPANY_NAME: 'Tote & Co', RAPPORT_PUBLIC_URL: PUBLIC_URL },
  });
  agent = await server.staffToken('agent');
  manager = await server.staffToken('manager');
});

after(async () => {
  await server.close();
  await relay.close();
});

const api = (method: string, path: string, body?: unknown, token = agent) =>
  http(method, `${server.url}${path}`, { token, body });

interface Page {
  status: number;
  text: string;
  headers: Headers;
}

/** A page as a browser gets it: redirects not followed, so the test sees each one. */
async function page(path: string, cookie?: string): Promise<Page> {
  const response = await fetch(`${server.url}${path}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** A form post; from this site's own page unless `origin` says otherwise. */
async function post(
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string | null; site?: string } = {},
): Promise<Page> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin !== null) headers.origin = options.origin ?? server.url;
  if (options.site) headers['sec-fetch-site'] = options.site;
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The link in the last mail relayed to `email`, pointed at this server. */
function linkMailedTo(email: string): string {
  const mail = relay.relayed.findLast((relayed) => relayed.to.includes(email));
  assert.ok(mail, `a mail to ${email}`);
  const link = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/board/auth/bsi_[\\w-]{32}`).exec(mail.text)?.[0];
  assert.ok(link, mail.text);
  return link.replace(PUBLIC_URL, '');
}

/** Signs in the way she would: asks for a link, opens it from her mail; the board's session cookie. */
async function signIn(email: string): Promise<string> {
  const asked = await post('/board/sign-in', { email });
  assert.equal(asked.status, 200, asked.text);
  const opened = await post(linkMailedTo(email.toLowerCase()), {});
  assert.equal(opened.status, 303);
  assert.equal(opened.headers.get('location'), '/board');
  return (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** The form token of her session, as a board page carries it. */
async function formToken(cookie: string): Promise<string> {
  const board = await page('/board', cookie);
  const token = /name="form" value="([0-9a-f]{32})"/.exec(board.text)?.[1];
  assert.ok(token, 'signed in, every form carries the token');
  return token;
}

async function requestersOf(ideaId: string): Promise<Array<{ customerId: string; text: string }>> {
  const idea = await api('GET', `/api/ideas/${ideaId}`);
  assert.equal(idea.status, 200, JSON.stringify(idea.body));
  return idea.body.requesters;
}

let giftWrap: { id: string; number: number };
let jane: { customerId: string; cookie: string; form: string };

test('the board is closed until a manager opens it, and shows only the ideas staff make public', async () => {
  for (const closed of [await page('/board'), await page('/board/sign-in'), await post('/board/sign-in', {})]) {
    assert.equal(closed.status, 404);
    assert.match(closed.text, /There is no ideas board here/);
    assert.match(closed.text, /Tote &amp; Co does not have a public ideas board/);
  }
  assert.equal(relay.relayed.length, 0, 'no link goes out from a closed board');
  assert.equal((await api('GET', '/api/settings/feedback')).body.publicBoard, false);
  assert.equal((await api('PATCH', '/api/settings/feedback', { publicBoard: true })).status, 403, 'agents may not');
  const opened = await api('PATCH', '/api/settings/feedback', { publicBoard: true }, manager);
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  assert.equal(opened.body.publicBoard, true);
  const audit = await api('GET', '/api/audit?action=feedback_settings.changed', undefined, server.token);
  assert.equal(audit.body.items.length, 1, 'the change is in the audit trail');

  const created = await api('POST', '/api/ideas', {
    title: 'Gift wrapping at checkout',
    body: 'Wrap it for me.\n\nWith a card.',
  });
  assert.equal(created.body.public, false, 'staff ideas start private');
  giftWrap = { id: created.body.id, number: created.body.number };
  assert.doesNotMatch((await page('/board')).text, /Gift wrapping/);
  assert.equal((await page(`/board/ideas/${giftWrap.number}`)).status, 404);

  const shown = await api('POST', `/api/ideas/${giftWrap.id}/visibility`, { public: true });
  assert.equal(shown.status, 200, JSON.stringify(shown.body));
  assert.equal(shown.body.public, true);
  const board = await page('/board');
  assert.equal(board.status, 200);
  assert.match(board.text, /<title>Ideas — Tote &amp; Co<\/title>/);
  assert.match(
    board.text,
    /Gift wrapping at checkout<\/a>\s*<span class="status">New<\/span><span class="votes">0 votes/,
  );
  const one = await page(`/board/ideas/${giftWrap.number}`);
  assert.match(one.text, /<p>Wrap it for me.<\/p><p>With a card.<\/p>/);
  assert.match(one.text, /Sign in with your email<\/a> to vote/);
});

test('a customer signs in by the emailed link, which works once and never after it expires', async () => {
  const wrote = await api(
    'POST',
    '/api/interactions',
    {
      interactions: [
        { customer: { email: 'jane@example.com', name: 'Jane Doe' }, channel: 'email', text: 'Hi', sourceId: 'j-1' },
      ],
    },
    server.token,
  );
  const customerId = wrote.body.results[0].customerId as string;
  const asked = await post('/board/sign-in', { email: ' Jane@Example.com ' });
  assert.match(asked.text, /Check your email/);
  const mail = relay.relayed.at(-1)!;
  assert.match(mail.to, /jane@example\.com/);
  assert.equal(mail.subject, 'Tote & Co: your link to sign in to the ideas board');
  const link = linkMailedTo('jane@example.com');

  // A mail scanner opens the link first: that shows a button and uses nothing up.
  const scanned = await page(link);
  assert.equal(scanned.status, 200);
  assert.match(scanned.text, /<button type="submit">Sign in to the board<\/button>/);
  assert.equal(scanned.headers.get('set-cookie'), null);
  const opened = await post(link, {});
  assert.equal(opened.status, 303);
  const cookie = opened.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^rapport_board=bss_[\w-]{32}; Max-Age=2592000; Path=\/board; HttpOnly; SameSite=Lax$/);
  const again = await post(link, {});
  assert.equal(again.status, 410, 'used once');
  assert.match(again.text, /This sign-in link no longer works/);
  assert.equal(again.headers.get('set-cookie'), null);

  const stale = await mintSignInToken(server.running.db, 'jane@example.com', Date.now() - 31 * 60_000);
  assert.equal((await post(`/board/auth/${stale}`, {})).status, 410, 'past its 30 minutes');
  assert.equal((await post('/board/auth/bsi_not-a-real-one', {})).status, 410);

  const session = cookie.split(';')[0]!;
  assert.match((await page('/board', session)).text, /Signed in as jane@example\.com/);
  jane = { customerId, cookie: session, form: await formToken(session) };
});

test('the sign-in answer is the same for a known and an unknown address', async () => {
  const known = await post('/board/sign-in', { email: 'jane@example.com' });
  const unknown = await post('/board/sign-in', { email: 'nobody.yet@example.com' });
  assert.deepEqual([known.status, known.text], [unknown.status, unknown.text]);
  assert.doesNotMatch(known.text, /jane|nobody/);
  const wrong = await post('/board/sign-in', { email: 'not an address' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /Give your email address/);
});

test('she votes once, comments in her first name only, escaped, and suggests an idea of her own', async () => {
  const action = `/board/ideas/${giftWrap.number}`;
  const voted = await post(`${action}/vote`, { form: jane.form }, { cookie: jane.cookie });
  assert.equal(voted.status, 303, voted.text);
  assert.equal(voted.headers.get('location'), `${action}?done=voted`);
  await post(`${action}/vote`, { form: jane.form }, { cookie: jane.cookie });
  assert.deepEqual(
    (await requestersOf(giftWrap.id)).map((requester) => [requester.customerId, requester.text]),
    [[jane.customerId, 'Voted on the public board']],
    'voting twice counts once',
  );
  const shown = await page(`${action}?done=voted`, jane.cookie);
  assert.match(shown.text, /Thank you: your vote counts/);
  assert.match(shown.text, /1 vote<\/span>/);
  assert.match(shown.text, /Remove my vote/);

  const commented = await post(
    `${action}/comments`,
    { form: jane.form, text: '<b>hi</b> — and a ribbon?' },
    { cookie: jane.cookie },
  );
  assert.equal(commented.headers.get('location'), `${action}?done=commented`);
  const read = await page(action);
  assert.match(read.text, /<strong>Jane<\/strong>/);
  assert.match(read.text, /<p>&lt;b&gt;hi&lt;\/b&gt; — and a ribbon\?<\/p>/);
  assert.doesNotMatch(read.text, /<b>hi<\/b>|Doe|jane@example\.com/, 'escaped; her first name, never more');
  assert.equal((await requestersOf(giftWrap.id))[0]!.text, 'Voted on the public board', 'she had asked already');
  const empty = await post(`${action}/comments`, { form: jane.form, text: '   ' }, { cookie: jane.cookie });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Write your comment first/);

  const suggested = await post(
    '/board/ideas',
    { form: jane.form, title: 'Gift cards', body: 'For my nieces' },
    { cookie: jane.cookie },
  );
  assert.equal(suggested.status, 303, suggested.text);
  const number = /^\/board\/ideas\/(\d+)\?done=submitted$/.exec(suggested.headers.get('location') ?? '')?.[1];
  assert.ok(number, suggested.headers.get('location') ?? '');
  const idea = await api('GET', `/api/ideas/${number}`);
  assert.equal(idea.body.public, true);
  assert.deepEqual(
    idea.body.requesters.map((requester: { customerId: string; text: string }) => [
      requester.customerId,
      requester.text,
    ]),
    [[jane.customerId, 'Gift cards\n\nFor my nieces']],
  );
  assert.match((await page('/board?sort=newest')).text, /Gift cards<\/a>[\s\S]*Gift wrapping at checkout<\/a>/);
  const untitled = await post('/board/ideas', { form: jane.form, title: '', body: 'x' }, { cookie: jane.cookie });
  assert.equal(untitled.status, 400);
  assert.match(untitled.text, /Say what your idea is/);

  const timeline = await api('GET', `/api/customers/${jane.customerId}/timeline`);
  const types = timeline.body.items.map((item: { type: string }) => item.type);
  for (const type of ['idea_vote', 'idea_comment', 'idea_submitted']) assert.ok(types.includes(type), types.join());
});

test('a board vote can be withdrawn; a request made elsewhere cannot; a new address becomes a customer', async () => {
  const kim = await signIn('kim@example.com');
  const kimForm = await formToken(kim);
  const action = `/board/ideas/${giftWrap.number}`;
  await post(`${action}/vote`, { form: kimForm }, { cookie: kim });
  const kimId = (await api('GET', '/api/customers/lookup?email=kim@example.com')).body.id as string;
  assert.ok((await requestersOf(giftWrap.id)).some((requester) => requester.customerId === kimId));
  const withdrawn = await post(`${action}/unvote`, { form: kimForm }, { cookie: kim });
  assert.equal(withdrawn.headers.get('location'), `${action}?done=unvoted`);
  assert.ok(!(await requestersOf(giftWrap.id)).some((requester) => requester.customerId === kimId));

  // Bo asked by email; the board cannot take that back.
  const bo = await api(
    'POST',
    '/api/interactions',
    {
      interactions: [{ customer: { email: 'bo@example.com' }, channel: 'email', text: 'Gift wrap?', sourceId: 'b-1' }],
    },
    server.token,
  );
  const boId = bo.body.results[0].customerId as string;
  await api('POST', `/api/ideas/${giftWrap.id}/requesters`, { customerId: boId, text: 'Gift wrap please' });
  const boCookie = await signIn('bo@example.com');
  const boPage = await page(action, boCookie);
  assert.match(boPage.text, /You asked us for this idea/);
  assert.doesNotMatch(boPage.text, /Remove my vote/);
  const kept = await post(`${action}/unvote`, { form: await formToken(boCookie) }, { cookie: boCookie });
  assert.equal(kept.headers.get('location'), `${action}?done=kept`);
  assert.ok((await requestersOf(giftWrap.id)).some((requester) => requester.customerId === boId));
});

test('cross-site and forged posts are refused, and change nothing', async () => {
  const action = `/board/ideas/${giftWrap.number}`;
  const before = (await requestersOf(giftWrap.id)).length;
  const eve = await signIn('eve@example.com');
  const eveForm = await formToken(eve);
  const attempts = [
    await post(`${action}/vote`, { form: eveForm }, { cookie: eve, origin: 'https://evil.example' }),
    await post(`${action}/vote`, { form: eveForm }, { cookie: eve, origin: null, site: 'cross-site' }),
    await post(`${action}/vote`, {}, { cookie: eve, origin: null }),
    await post(`${action}/vote`, { form: jane.form }, { cookie: eve }),
  ];
  assert.deepEqual(
    attempts.map((attempt) => attempt.status),
    [403, 403, 403, 403],
  );
  const anonymous = await post(`${action}/vote`, { form: eveForm }, { origin: 'https://evil.example' });
  assert.equal(anonymous.status, 403, 'from another site, with or without her cookie');
  const signedOut = await post(`${action}/comments`, { form: eveForm, text: 'spam' });
  assert.equal(signedOut.status, 303, 'no session: off to sign in');
  assert.equal(signedOut.headers.get('location'), '/board/sign-in');
  assert.equal((await requestersOf(giftWrap.id)).length, before);
  assert.doesNotMatch((await page(action)).text, /spam/);
});

test('private ideas are not found; a merged duplicate leads to the idea it lives on in', async () => {
  const secret = await api('POST', '/api/ideas', { title: 'Secret roadmap item' });
  const path = `/board/ideas/${secret.body.number}`;
  const hidden = await page(path, jane.cookie);
  assert.equal(hidden.status, 404);
  assert.match(hidden.text, /We could not find this idea/);
  assert.equal((await post(`${path}/vote`, { form: jane.form }, { cookie: jane.cookie })).status, 404);
  assert.equal((await page('/board/ideas/999999')).status, 404);
  assert.equal((await page('/board/ideas/nope')).status, 404);

  const duplicate = await api('POST', '/api/ideas', { title: 'Wrap my gifts' });
  await api('POST', `/api/ideas/${duplicate.body.id}/visibility`, { public: true });
  await api('POST', `/api/ideas/${duplicate.body.id}/merge`, { intoId: giftWrap.id });
  const moved = await page(`/board/ideas/${duplicate.body.number}`);
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.get('location'), `/board/ideas/${giftWrap.number}`);
  assert.doesNotMatch((await page('/board')).text, /Wrap my gifts/);
});

test('her erasure takes her comments, sessions and sign-in links with her', async () => {
  const pending = linkMailedTo('jane@example.com');
  const erased = await api('DELETE', `/api/customers/${jane.customerId}`, undefined, server.token);
  assert.equal(erased.status, 200, JSON.stringify(erased.body));
  const read = await page(`/board/ideas/${giftWrap.number}`, jane.cookie);
  assert.doesNotMatch(read.text, /ribbon/);
  assert.doesNotMatch(read.text, /Signed in as/, 'her session is gone');
  assert.equal((await post(pending, {})).status, 410, 'and so are her links');
});

test('switched off again, the board closes at once', async () => {
  await api('PATCH', '/api/settings/feedback', { publicBoard: false }, manager);
  assert.equal((await page(`/board/ideas/${giftWrap.number}`)).status, 404);
  assert.equal(
    (await post(`/board/ideas/${giftWrap.number}/vote`, { form: jane.form }, { cookie: jane.cookie })).status,
    404,
  );
});

test('without a mail server, signing in is not available; reading the board still is', async () => {
  const plain = await startTestServer();
  try {
    await http('PATCH', `${plain.url}/api/settings/feedback`, { token: plain.token, body: { publicBoard: true } });
    const signInPage = await (await fetch(`${plain.url}/board/sign-in`)).text();
    assert.match(signInPage, /Signing in by email is not available here/);
    assert.doesNotMatch(signInPage, /<form method="post" action="\/board\/sign-in"/);
    assert.equal((await fetch(`${plain.url}/board`)).status, 200);
  } finally {
    await plain.close();
  }
});

test('a mailed link never follows a forged Host header: the configured address, else this server on localhost', async () => {
  const unconfigured = await startTestServer({ env: { RAPPORT_SMTP_URL: relay.url } });
  try {
    await http('PATCH', `${unconfigured.url}/api/settings/feedback`, {
      token: unconfigured.token,
      body: { publicBoard: true },
    });
    const { port } = new URL(unconfigured.url);
    const status = await new Promise<number>((resolve, reject) => {
      const sent = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/board/sign-in',
          headers: { host: 'evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      sent.on('error', reject);
      sent.end('email=victim%40example.com');
    });
    assert.equal(status, 200);
    const mail = relay.relayed.findLast((relayed) => relayed.to.includes('victim@example.com'))!;
    assert.match(mail.text, new RegExp(`^http://localhost:${port}/board/auth/bsi_`, 'm'));
    assert.doesNotMatch(mail.text, /evil/);
  } finally {
    await unconfigured.close();
  }
});
