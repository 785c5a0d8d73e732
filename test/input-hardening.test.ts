// What reaches the server from outside: forged cross-site posts, hostile bodies (deep, badly encoded,
// compressed bombs), malformed HTTP. Each is refused with a clear 4xx problem, never a 500.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let sessionCookie: string;

before(async () => {
  server = await startTestServer();
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  assert.equal(login.status, 200);
  sessionCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
});

after(async () => server.close());

/** Two customers merged by hand, so that there is a merge a forged request could undo. */
async function aMerge(): Promise<string> {
  const stamp = Math.random().toString(36).slice(2);
  const created = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [
        {
          customer: { email: `a-${stamp}@example.com` },
          channel: 'web',
          type: 'event',
          text: 'one',
          occurredAt: '2026-11-01T10:00:00Z',
        },
        {
          customer: { email: `b-${stamp}@example.com` },
          channel: 'web',
          type: 'event',
          text: 'two',
          occurredAt: '2026-11-01T10:00:00Z',
        },
      ],
    },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const a = await http('GET', `${server.url}/api/customers/lookup?email=a-${stamp}@example.com`, {
    token: server.token,
  });
  const b = await http('GET', `${server.url}/api/customers/lookup?email=b-${stamp}@example.com`, {
    token: server.token,
  });
  const merged = await http('POST', `${server.url}/api/customers/${a.body.id}/merges`, {
    token: server.token,
    body: { absorbedId: b.body.id },
  });
  assert.equal(merged.status < 300, true, JSON.stringify(merged.body));
  assert.match(merged.body.id, /\S/);
  return merged.body.id;
}

test('a same-site text/plain form post with the session cookie cannot undo a merge', async () => {
  const mergeId = await aMerge();
  const forged = await fetch(`${server.url}/api/merges/${mergeId}/undo`, {
    method: 'POST',
    headers: {
      cookie: sessionCookie,
      'content-type': 'text/plain',
      'sec-fetch-site': 'same-site',
      origin: 'https://blog.example.com',
    },
    body: 'x=1',
  });
  assert.ok(forged.status === 403 || forged.status === 415, `status ${forged.status}`);
  assert.equal(forged.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  // Without the origin headers (an old browser), the text/plain body alone is refused.
  const plain = await fetch(`${server.url}/api/merges/${mergeId}/undo`, {
    method: 'POST',
    headers: { cookie: sessionCookie, 'content-type': 'text/plain' },
    body: 'x=1',
  });
  assert.equal(plain.status, 415);
  const audit = await http('GET', `${server.url}/api/audit?action=merge.undone`, { token: server.token });
  assert.equal(JSON.stringify(audit.body).includes(mergeId), false, 'nothing was undone');
});

test('a cookie-authenticated change from another origin is refused; from our own page it goes through', async () => {
  const body = JSON.stringify({
    name: 'Bo',
    email: 'bo-csrf@example.com',
    role: 'viewer',
    password: 'a long enough password',
  });
  const headers = { cookie: sessionCookie, 'content-type': 'application/json' };
  const crossSite = await fetch(`${server.url}/api/staff`, {
    method: 'POST',
    headers: { ...headers, 'sec-fetch-site': 'cross-site' },
    body,
  });
  assert.equal(crossSite.status, 403);
  assert.equal(((await crossSite.json()) as { code: string }).code, 'cross_site_request');
  const foreignOrigin = await fetch(`${server.url}/api/staff`, {
    method: 'POST',
    headers: { ...headers, origin: 'https://evil.example' },
    body,
  });
  assert.equal(foreignOrigin.status, 403);
  const nullOrigin = await fetch(`${server.url}/api/staff`, {
    method: 'POST',
    headers: { ...headers, origin: 'null' },
    body,
  });
  assert.equal(nullOrigin.status, 403);
  const ours = await fetch(`${server.url}/api/staff`, {
    method: 'POST',
    headers: { ...headers, 'sec-fetch-site': 'same-origin', origin: server.url },
    body,
  });
  assert.equal(ours.status, 201, await ours.text());
  // A script with a Bearer token is not a browser: no origin to check.
  const script = await http('GET', `${server.url}/api/auth/me`, { token: server.token });
  assert.equal(script.status, 200);
});

test('a forged sign-in from another site is refused', async () => {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  assert.equal(response.status, 403);
  assert.equal(response.headers.get('set-cookie'), null);
});

function deeplyNested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

test('deeply nested JSON (depth 5,000) is a 400 on every ingest route, not a stack overflow', async () => {
  const deep = JSON.parse(deeplyNested(5000)) === undefined ? '' : deeplyNested(5000);
  const track = await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: `{"userId":"u1","event":"Deep","properties":${deep}}`,
  });
  assert.equal(track.status, 400);
  assert.equal(track.body.code, 'too_deeply_nested');
  const native = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: `{"interactions":[{"customer":{"email":"deep@example.com","traits":${deep}},"channel":"web","type":"event"}]}`,
  });
  assert.equal(native.status, 400);
  // Within the limit, a nested property is stored as usual.
  const fine = await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: `{"userId":"u1","event":"Nested","properties":${deeplyNested(20)}}`,
  });
  assert.equal(fine.status, 200, JSON.stringify(fine.body));
});

test('invalid UTF-8, lone surrogates and NUL are refused with the field named', async () => {
  const latin1 = Buffer.concat([Buffer.from('{"userId":"u1","event":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
  const badBytes = await fetch(`${server.url}/v1/track`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${server.writeKey}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: latin1,
  });
  assert.equal(badBytes.status, 400);
  assert.equal(((await badBytes.json()) as { code: string }).code, 'invalid_encoding');

  const surrogate = await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: '{"userId":"u1","event":"Broken","properties":{"note":"half \\ud83d an emoji"}}',
  });
  assert.equal(surrogate.status, 400);
  assert.deepEqual(
    surrogate.body.errors.map((error: { field: string }) => error.field),
    ['properties.note'],
  );

  const nul = await http('POST', `${server.url}/api/interactions`, {
    token: server.token,
    body: {
      interactions: [{ customer: { email: 'nul@example.com' }, channel: 'email', type: 'note', text: 'a\u0000b' }],
    },
  });
  assert.equal(nul.status, 400);
  assert.equal(nul.body.errors[0].field, 'interactions.0.text');

  const inQuery = await http('GET', `${server.url}/api/customers?q=${encodeURIComponent('a\u0000')}`, {
    token: server.token,
  });
  assert.equal(inQuery.status, 400);

  // A whole emoji (a proper surrogate pair) is text like any other.
  const emoji = await http('POST', `${server.url}/v1/track`, {
    writeKey: server.writeKey,
    body: { userId: 'u1', event: 'Happy 😀' },
  });
  assert.equal(emoji.status, 200);
});

test('the contact form answers its own page, never a 500, when a field is repeated or an object', async () => {
  const repeated = await fetch(`${server.url}/public/contact`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: 'name=Jane&name=June&email=jane%40example.com&message=Hello',
  });
  assert.equal(repeated.status, 400);
  const page = await repeated.text();
  assert.match(page, /<form/);
  const asObject = await http('POST', `${server.url}/public/contact`, {
    body: { name: { first: 'Jane' }, email: ['jane@example.com'], message: 'Hello' },
    headers: { accept: 'text/html' },
  });
  assert.equal(asObject.status, 400);
  const badEscape = await fetch(`${server.url}/public/contact`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=Jane%FF&email=jane%40example.com&message=Hello',
  });
  assert.equal(badEscape.status, 400);
});

test('a Mustache partial in a template is refused on save with a reason', async () => {
  const manager = await server.staffToken('manager');
  const saved = await http('POST', `${server.url}/api/templates`, {
    token: manager,
    body: { name: 'With a partial', body: 'Hello {{> signature}}' },
  });
  assert.equal(saved.status, 400, JSON.stringify(saved.body));
  assert.match(JSON.stringify(saved.body), /Partials are not supported/);
});

test('gzip and deflate bodies are accepted on the ingest routes; the size limit applies once inflated', async () => {
  const auth = {
    authorization: `Basic ${Buffer.from(`${server.writeKey}:`).toString('base64')}`,
    'content-type': 'application/json',
  };
  const batch = { batch: [{ type: 'track', userId: 'gz1', event: 'Zipped', messageId: 'gz-1' }] };
  const gzipped = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { ...auth, 'content-encoding': 'gzip' },
    body: gzipSync(JSON.stringify(batch)),
  });
  assert.equal(gzipped.status, 200, await gzipped.text());
  const deflated = await fetch(`${server.url}/api/interactions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.token}`,
      'content-type': 'application/json',
      'content-encoding': 'deflate',
    },
    body: deflateSync(
      JSON.stringify({
        interactions: [{ customer: { email: 'zip@example.com' }, channel: 'web', type: 'event', text: 'deflated' }],
      }),
    ),
  });
  assert.equal(deflated.status, 200, await deflated.text());
  const stored = await http('GET', `${server.url}/api/customers/lookup?email=zip@example.com`, { token: server.token });
  assert.equal(stored.status, 200);

  // 10 MB of spaces gzip to about 10 KB: far under the limit on the wire, far over it inflated.
  const bomb = gzipSync(
    Buffer.concat([Buffer.from('{"batch":['), Buffer.alloc(10 * 1024 * 1024, 0x20), Buffer.from(']}')]),
  );
  assert.ok(bomb.length < 20_000);
  const refused = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { ...auth, 'content-encoding': 'gzip' },
    body: bomb,
  });
  assert.equal(refused.status, 413);

  const notGzip = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { ...auth, 'content-encoding': 'gzip' },
    body: JSON.stringify(batch),
  });
  assert.equal(notGzip.status, 400);
  assert.equal(((await notGzip.json()) as { code: string }).code, 'invalid_compressed_body');
  const brotli = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { ...auth, 'content-encoding': 'br' },
    body: JSON.stringify(batch),
  });
  assert.equal(brotli.status, 415);
});

/** Sends raw bytes over a socket and returns what came back. */
function rawRequest(request: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      resolve(answer);
    });
    socket.write(request);
  });
}

test('malformed HTTP (a bad Content-Length) is answered with problem+json', async () => {
  const answer = await rawRequest(
    'POST /v1/track HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nContent-Type: application/json\r\n\r\n{}',
  );
  assert.match(answer, /^HTTP\/1\.1 400/);
  assert.match(answer, /application\/problem\+json/);
  assert.match(answer, /"code":"malformed_request"/);
  const twice = await rawRequest(
    'POST /v1/track HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\n{}',
  );
  assert.match(twice, /^HTTP\/1\.1 400/);
  assert.match(twice, /problem\+json/);
});
