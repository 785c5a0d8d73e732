// A route is a declaration — auth rule, schemas, handler — handed to one wrapper that authenticates,
// parses input once, and maps errors. Handlers only ever see parsed input and a RequestContext.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { output, ZodType } from 'zod';
import { invalidInput } from '../shared/errors.ts';
import type { AppDeps, AuthRule, RequestContext, RouteAuth } from './context.ts';
import { authenticate, SESSION_COOKIE } from './auth.ts';
import { assertSameOrigin, needsSameOrigin } from './same-origin.ts';
import { assertCleanText } from './body-parsing.ts';
import { checkResponse } from './response-check.ts';
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

// biome-ignore lint/suspicious/noExplicitAny: a list of routes holds routes of every answer type
export interface RouteSpec<P = unknown, Q = unknown, B = unknown, R = any, A extends AlternativeResponses = any> {
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
  /**
   * What the route answers with its usual status: a zod schema, `noContent` (204) or `eventStream` (SSE).
   * The handler must return its type; with RAPPORT_CHECK_RESPONSES=1 every answer is checked against it.
   */
  response?: ZodType<R>;
  /** Answers given with another status through `setStatus` (e.g. 202 when a request waits for approval). */
  responses?: A;
  handler(input: RouteInput<P, Q, B>): Promise<NoInfer<R | output<A[keyof A]>>>;
}

/** Schemas of the answers a route gives with other statuses than its usual one, by status. */
export type AlternativeResponses = Readonly<Record<number, ZodType>>;

/** Keeps each route's generic types when routes are collected in an array. */
export function defineRoute<P, Q, B, R = unknown, A extends AlternativeResponses = Record<never, never>>(
  spec: RouteSpec<P, Q, B, R, A>,
): RouteSpec<P, Q, B, R, A> {
  return spec;
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

/** A route of any input and answer types: what lists of routes hold (each keeps its own types where declared). */
// biome-ignore lint/suspicious/noExplicitAny: a list of routes is heterogeneous; each was checked by defineRoute.
export type AnyRoute = RouteSpec<any, any, any>;

export function registerRoutes(app: FastifyInstance, deps: AppDeps, routes: readonly AnyRoute[]): void {
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
        checkResponse(spec, status, result);
        if (result === undefined) return reply.code(status ?? 204).send();
        return reply.code(status ?? 200).send(result);
      },
    });
  }
}

export { eventStream, htmlPage, noContent, openApiDocument } from './openapi.ts';
