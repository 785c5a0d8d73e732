// Property-based fuzzing (fast-check) of every route that takes a body from outside — the public
// ones and the ingest ones — over a real server: whatever arrives, the answer is never a 5xx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from './helpers/server.ts';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => server.close());

type Credential = 'write-key' | 'token' | 'none';

/** Each route with a body a valid caller would send, which the fuzzer then bends. */
const ROUTES: Array<{ path: string; credential: Credential; valid: Record<string, unknown> }> = [
  {
    path: '/v1/identify',
    credential: 'write-key',
    valid: { userId: 'u1', traits: { email: 'jane@example.com', name: 'Jane' } },
  },
  {
    path: '/v1/track',
    credential: 'write-key',
    valid: { userId: 'u1', event: 'Order Completed', properties: { total: 12, currency: 'USD' } },
  },
  {
    path: '/v1/page',
    credential: 'write-key',
    valid: { anonymousId: 'a1', name: 'Home', properties: { url: 'https://shop.example/' } },
  },
  { path: '/v1/screen', credential: 'write-key', valid: { userId: 'u1', name: 'Cart' } },
  { path: '/v1/group', credential: 'write-key', valid: { userId: 'u1', groupId: 'g1', traits: { name: 'Acme' } } },
  { path: '/v1/alias', credential: 'write-key', valid: { userId: 'u1', previousId: 'a1' } },
  { path: '/v1/batch', credential: 'write-key', valid: { batch: [{ type: 'track', userId: 'u1', event: 'Viewed' }] } },
  {
    path: '/api/interactions',
    credential: 'token',
    valid: {
      interactions: [
        {
          customer: { email: 'jane@example.com' },
          channel: 'email',
          direction: 'inbound',
          type: 'message',
          text: 'Where is my refund?',
        },
      ],
    },
  },
  {
    path: '/api/channels/social/posts',
    credential: 'write-key',
    valid: {
      posts: [
        {
          tweet_id: '1',
          author_id: 'jane',
          inbound: true,
          created_at: '2026-11-20T10:00:00Z',
          text: '@shop my bag is lost',
        },
      ],
    },
  },
  {
    path: '/api/channels/phone/events',
    credential: 'write-key',
    valid: { callId: 'c1', from: '+14155550123', startedAt: '2026-11-20T10:00:00Z', outcome: 'answered' },
  },
  { path: '/public/contact', credential: 'none', valid: { name: 'Jane', email: 'jane@example.com', message: 'Hello' } },
  {
    path: '/api/auth/login',
    credential: 'none',
    valid: { email: 'nobody@example.com', password: 'not the password at all' },
  },
];

// Text as hostile as JSON allows: any UTF-16 unit (lone surrogates included), NUL, very long strings.
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', '\ud800', 'a'.repeat(5000), '__proto__', 'constructor'),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A valid body with some of its fields (at any depth) replaced, removed or added. */
function bent(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    paths.push(path);
    if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(valid, []);
  return fc
    .tuple(fc.constantFrom(...paths), fc.oneof(hostileValue, fc.constant(undefined)), hostileString)
    .map(([path, replacement, extraKey]) => {
      const copy = structuredClone(valid) as Record<string, unknown>;
      if (path.length === 0) return replacement;
      let parent: Record<string, unknown> = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      parent[path[path.length - 1]!] = replacement;
      parent[extraKey] = replacement;
      return copy;
    });
}

/** The valid body as JSON text with `"__DEEP__"` as a new field of one of its objects. */
function deepInside(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const objects: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (!value || typeof value !== 'object') return;
    objects.push(path);
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(valid, []);
  return fc.constantFrom(...objects).map((path) => {
    const copy = structuredClone(valid) as Record<string, unknown>;
    let target: Record<string, unknown> = copy;
    for (const key of path) target = target[key] as Record<string, unknown>;
    target.deep = '__DEEP__';
    return JSON.stringify(copy);
  });
}

/** The bytes on the wire: JSON of the value, or raw text and deep nesting JSON cannot express as a value. */
function bodyFor(
  valid: Record<string, unknown>,
): fc.Arbitrary<{ body: string | Uint8Array<ArrayBuffer>; contentType: string }> {
  const json = (body: string) => ({ body, contentType: 'application/json' });
  return fc.oneof(
    { weight: 6, arbitrary: bent(valid).map((value) => json(JSON.stringify(value) ?? 'null')) },
    { weight: 1, arbitrary: hostileValue.map((value) => json(JSON.stringify(value) ?? 'null')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map(json) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 200 })
        .map((bytes) => ({ body: new Uint8Array(bytes), contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 10, max: 3000 }).map((depth) => json('['.repeat(depth) + ']'.repeat(depth))),
    },
    // Deep nesting inside an otherwise valid body, where recursive code (hashing, traits) would meet it.
    {
      weight: 3,
      arbitrary: fc
        .tuple(deepInside(valid), fc.constantFrom(65, 1000, 5000, 20_000))
        .map(([text, depth]) => json(text.replace('"__DEEP__"', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
          ),
          fc.string({ unit: 'binary', maxLength: 200 }),
        )
        .map(([contentType, body]) => ({ body, contentType })),
    },
  );
}

function headersFor(credential: Credential, contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (credential === 'write-key')
    headers.authorization = `Basic ${Buffer.from(`${server.writeKey}:`).toString('base64')}`;
  if (credential === 'token') headers.authorization = `Bearer ${server.token}`;
  return headers;
}

for (const route of ROUTES) {
  test(`POST ${route.path}: no body makes it answer 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route.valid), async ({ body, contentType }) => {
        const response = await fetch(`${server.url}${route.path}`, {
          method: 'POST',
          headers: headersFor(route.credential, contentType),
          body,
        });
        const text = await response.text();
        assert.ok(response.status < 500, `${response.status} for ${String(body).slice(0, 300)}: ${text.slice(0, 300)}`);
      }),
      { numRuns: 40 },
    );
  });
}

test('the server still answers after the fuzzing', async () => {
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
});
