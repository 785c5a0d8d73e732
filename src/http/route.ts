// A route is a declaration — auth rule, schemas, handler — handed to one wrapper that authenticates,
// parses input once, and maps errors. Handlers only ever see parsed input and a RequestContext.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { invalidInput } from '../shared/errors.ts';
import type { AppDeps, AuthRule, RequestContext, RouteAuth } from './context.ts';
import { authenticate, SESSION_COOKIE } from './auth.ts';
import { assertSameOrigin, needsSameOrigin } from './same-origin.ts';
import { assertCleanText } from './body-parsing.ts';
import type { Database } from '../store/db.ts';

export type { AuthRule, RouteAuth };

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  ctx: RequestContext;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Answers with another success status than the route's usual one (e.g. 202 when a request waits for approval). */
  setStatus(status: number): void;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  auth: RouteAuth;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Bytes; Fastify answers 413 above it. */
  bodyLimit?: number;
  status?: number;
  /**
   * Records who made this change (`team.archived`) in the audit trail, in the same transaction as the
   * change itself: for the administrative routes (staff, keys, help-desk settings) that hold no
   * customer's data but decide who sees it and how customers are served.
   */
  audit?: string;
  handler(input: RouteInput<P, Q, B>): Promise<unknown>;
}

/** Keeps each route's generic types when routes are collected in an array. */
export function defineRoute<P, Q, B>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

export function registerRoutes(app: FastifyInstance, deps: AppDeps, routes: readonly RouteSpec<any, any, any>[]): void {
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (request, reply) => {
        if (needsSameOrigin(request, SESSION_COOKIE)) assertSameOrigin(request);
        const ctx = await authenticate(deps, request, reply, spec.auth);
        assertCleanText(request.params, 'path');
        assertCleanText(request.query, 'query');
        assertCleanText(request.body, 'body');
        const params = parse(spec.params, request.params, 'path parameters');
        const query = parse(spec.query, request.query, 'query');
        const body = parse(spec.body, request.body, 'body');
        let status = spec.status;
        const setStatus = (code: number) => {
          status = code;
        };
        const { audit } = spec;
        const result = audit
          ? await deps.db.transaction(async (tx) => {
              const done = await spec.handler({
                params,
                query,
                body,
                ctx: { ...ctx, db: tx as Database },
                request,
                reply,
                setStatus,
              });
              await deps.recordAdministrativeChange(tx, { action: audit, ctx, params, body, result: done });
              return done;
            })
          : await spec.handler({ params, query, body, ctx, request, reply, setStatus });
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(status ?? 204).send();
        return reply.code(status ?? 200).send(result);
      },
    });
  }
}

/** Describes the declared routes as OpenAPI 3.1, from the same schemas that validate them. */
export function openApiDocument(routes: readonly RouteSpec<any, any, any>[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const toJson = (schema: ZodType | undefined) =>
    schema ? z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) : undefined;
  for (const spec of routes) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = toJson(spec.params) as { properties?: Record<string, unknown> } | undefined;
    const query = toJson(spec.query) as { properties?: Record<string, unknown>; required?: string[] } | undefined;
    const parameters = [
      ...Object.entries(params?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema,
      })),
      ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: query?.required?.includes(name) ?? false,
        schema,
      })),
    ];
    const rules: readonly AuthRule[] = typeof spec.auth === 'string' ? [spec.auth] : spec.auth;
    const security = rules.flatMap(
      (rule): Array<Record<string, string[]>> =>
        rule === 'public' ? [] : rule === 'write-key' ? [{ writeKey: [] }] : [{ bearer: [] }, { session: [] }],
    );
    const permission = rules.find((rule) => rule !== 'public' && rule !== 'signed-in' && rule !== 'write-key');
    (paths[path] ??= {})[spec.method.toLowerCase()] = {
      summary: spec.summary,
      tags: spec.tags,
      ...(permission ? { 'x-permission': permission } : {}),
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(spec.body) } } } }
        : {}),
      responses: {
        [String(spec.status ?? 200)]: { description: 'Success' },
        default: { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': {} } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapport API',
      version: '0.1.0',
      description:
        'Customer data core (ingest, identities, timeline, preferences) and cases (channels, SLAs, gestures, replies).',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Personal token from `npx rapport token create`' },
        session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        writeKey: { type: 'http', scheme: 'basic', description: 'Write key as the user name, empty password' },
      },
    },
    paths,
  };
}
