// Proves the OpenAPI document tells the truth: with RAPPORT_CHECK_RESPONSES=1 (the test suite) every answer is
// checked against the schema its route declares, and one that does not match fails the request loudly.
import type { ZodType } from 'zod';
import { RapportError } from './errors.ts';
import { type DescribedRoute, noContent } from './openapi.ts';

/** The schema a route declares for a status, if any (`undefined` status: the route's usual one). */
function declaredFor(spec: DescribedRoute, status: number | undefined): ZodType | undefined {
  if (status === undefined || status === spec.status) return spec.response;
  return spec.responses?.[status] ?? (spec.status === undefined && status === 200 ? spec.response : undefined);
}

/**
 * Throws a 500 naming the route and the first mismatching path when `result` (what the handler returned, to be
 * sent with `status`) is not what the route declares. Routes that declare nothing are left to the contract test.
 */
export function checkResponse(spec: DescribedRoute, status: number | undefined, result: unknown): void {
  if (process.env.RAPPORT_CHECK_RESPONSES !== '1' || (!spec.response && !spec.responses)) return;
  const route = `${spec.method} ${spec.url}`;
  const fail = (detail: string): never => {
    throw new RapportError('response_mismatch', `${route} answered outside its declared schema: ${detail}`, 500);
  };
  const schema = declaredFor(spec, status);
  if (result === undefined) {
    if (schema !== noContent && !spec.responses?.[204])
      fail(`no body (204), but ${schema ? 'a body' : 'nothing'} is declared`);
    return;
  }
  if (!schema) fail(`status ${status} is not declared`);
  if (schema === noContent) fail('a body, but 204 no content is declared');
  // What the client receives: JSON, so dates are strings and undefined properties are gone.
  const sent: unknown = JSON.parse(JSON.stringify(result));
  const checked = schema!.safeParse(sent);
  if (checked.success) return;
  const issue = checked.error.issues[0]!;
  fail(`at ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}
