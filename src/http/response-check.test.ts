// The response check fails an answer its route's schema does not describe, naming the route and the path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { checkResponse } from './response-check.ts';
import { httpErrors, isKnownError, statusOf, toProblem } from './errors.ts';
import { invalidField } from '../shared/errors.ts';
import { ProblemSchema } from './openapi.ts';
import { defineRoute, noContent } from './route.ts';

process.env.RAPPORT_CHECK_RESPONSES = '1';

const route = defineRoute({
  method: 'GET',
  url: '/api/things/:id',
  summary: 'A thing',
  tags: ['things'],
  auth: 'public',
  response: z.strictObject({ id: z.string(), parts: z.array(z.strictObject({ at: z.string() })) }),
  responses: { 202: z.strictObject({ pending: z.literal(true) }) },
  handler: async () => ({ id: 't1', parts: [] }),
});

function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    assert.ok(isKnownError(error));
    assert.equal(statusOf(error), 500);
    return (error as Error).message;
  }
  assert.fail('the answer was let through');
}

test('an answer its schema describes passes, dates as the JSON the client gets', () => {
  checkResponse(route, undefined, { id: 't1', parts: [{ at: new Date(0) }] });
  checkResponse(route, 202, { pending: true });
});

test('a wrong type, a missing field or an undeclared one fails with the route and the first path', () => {
  assert.match(
    refusal(() => checkResponse(route, undefined, { id: 't1', parts: [{ at: 3 }] })),
    /GET \/api\/things\/:id .*parts\.0\.at/,
  );
  assert.match(
    refusal(() => checkResponse(route, undefined, { parts: [] })),
    /at id/,
  );
  assert.match(
    refusal(() => checkResponse(route, undefined, { id: 't1', parts: [], secret: 'x' })),
    /Unrecognized key/,
  );
  assert.match(
    refusal(() => checkResponse(route, 202, { pending: false })),
    /at pending/,
  );
});

test('a status or a 204 the route does not declare fails', () => {
  assert.match(
    refusal(() => checkResponse(route, 201, { id: 't1', parts: [] })),
    /status 201 is not declared/,
  );
  assert.match(
    refusal(() => checkResponse(route, undefined, undefined)),
    /no body/,
  );
  const empty = { ...route, response: noContent, responses: undefined };
  checkResponse(empty, undefined, undefined);
  assert.match(
    refusal(() => checkResponse(empty, undefined, { id: 't1' })),
    /204 no content is declared/,
  );
});

test('without RAPPORT_CHECK_RESPONSES=1 nothing is checked', () => {
  process.env.RAPPORT_CHECK_RESPONSES = '';
  try {
    checkResponse(route, undefined, { wrong: true });
  } finally {
    process.env.RAPPORT_CHECK_RESPONSES = '1';
  }
});

test('a handler must answer what its schema declares, at compile time too', () => {
  defineRoute({
    method: 'GET',
    url: '/api/things',
    summary: 'Things',
    tags: ['things'],
    auth: 'public',
    response: z.strictObject({ id: z.string() }),
    // @ts-expect-error the handler answers a number where the schema declares a string
    handler: async () => ({ id: 1 }),
  });
});

test('problem details, with their field errors, are what the Problem schema declares', () => {
  const refusal = invalidField('name', 'Required', 'Invalid body: name: Required');
  assert.equal(ProblemSchema.safeParse(toProblem(refusal, 'req-1')).success, true);
  assert.equal(
    ProblemSchema.safeParse(toProblem(httpErrors.error('route_not_found', 'No route GET /nowhere'))).success,
    true,
  );
});
