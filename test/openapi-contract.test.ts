// The API contract: every route describes its answer, the OpenAPI document holds together, the web client's
// generated types are up to date with it, and the document and its reference page are served.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_ROUTES, apiDocument } from '../src/app/server.ts';
import { generateApiTypes, SCHEMA_FILE } from '../scripts/generate-api-types.ts';
import { http, startTestServer, type TestServer } from './helpers/server.ts';

type Json = Record<string, any>;
const document = apiDocument() as Json;

test('every route declares what it answers', () => {
  const undeclared = ALL_ROUTES.filter((route) => !route.response).map((route) => `${route.method} ${route.url}`);
  assert.deepEqual(undeclared, [], 'add `response: <schema>` (or noContent / eventStream) to these routes');
});

test('the committed web/src/api/schema.d.ts is what the generator makes from the routes now', async () => {
  const committed = readFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), 'utf8');
  assert.ok(committed === (await generateApiTypes()), `${SCHEMA_FILE} is out of date: run \`npm run api:types\``);
});

test('every $ref in the document resolves', () => {
  const refs = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') refs.add(inner);
        else walk(inner);
      }
    }
  };
  walk(document);
  assert.ok(refs.size > 0);
  for (const ref of refs) {
    assert.match(ref, /^#\//, `${ref} is not local`);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, part) => (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
        document,
      );
    assert.ok(target, `${ref} does not resolve`);
  }
});

test('every operation has an id, a success answer with content or a 204, and problem details by default', () => {
  assert.equal(document.openapi, '3.1.0');
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      const name = `${method.toUpperCase()} ${path}`;
      assert.ok(!ids.has(operation.operationId), `${name}: operationId ${operation.operationId} is used twice`);
      ids.add(operation.operationId);
      const responses = operation.responses as Json;
      const successes = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
      assert.ok(successes.length > 0, `${name} declares no success answer`);
      for (const status of successes) {
        assert.ok(
          status === '204' || Object.keys(responses[status].content ?? {}).length > 0,
          `${name} ${status} describes no content`,
        );
      }
      assert.deepEqual(responses.default.content['application/problem+json'].schema, {
        $ref: '#/components/schemas/Problem',
      });
    }
  }
  const problem = document.components.schemas.Problem as Json;
  assert.deepEqual(problem.properties.errors.items, { $ref: '#/components/schemas/FieldError' });
});

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

test('GET /api/openapi.json serves the document', async () => {
  const res = await http('GET', `${server.url}/api/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.deepEqual(res.body, JSON.parse(JSON.stringify(document)));
});

test('GET /api/docs serves the reference page with Swagger UI from the package, no CDN', async () => {
  const page = await http('GET', `${server.url}/api/docs`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  assert.doesNotMatch(page.body, /https?:\/\//, 'the page loads nothing from elsewhere');
  for (const asset of ['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/initializer.js']) {
    assert.ok(page.body.includes(asset), `the page loads ${asset}`);
    const res = await fetch(`${server.url}${asset}`);
    assert.equal(res.status, 200, asset);
    assert.ok((await res.text()).length > 0, asset);
  }
  const initializer = await (await fetch(`${server.url}/api/docs/initializer.js`)).text();
  assert.match(initializer, /url: '\/api\/openapi\.json'/);
});

test('every read documents ?after=, which waits for the customer view to reflect an ingest answer', () => {
  const reads = Object.entries(document.paths as Json).flatMap(([path, item]) =>
    item.get ? [{ path, parameters: (item.get.parameters ?? []) as Json[] }] : [],
  );
  assert.ok(reads.length > 20);
  const without = reads.filter((read) => !read.parameters.some((p) => p.name === 'after' && p.in === 'query'));
  assert.deepEqual(
    without.map((read) => read.path),
    [],
  );
});
