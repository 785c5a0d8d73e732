// Assembles the HTTP server: plugins, every capability's routes, the UI, and one error mapping.
import './context.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DomainError } from '../shared/errors.ts';
import { httpErrors, isKnownError, statusOf, toProblem } from '../http/errors.ts';
import type { AppDeps } from '../http/context.ts';
import { readAfterParameters, registerReadAfter } from './read-after.ts';
import { type AnyRoute, openApiDocument, registerRoutes } from '../http/route.ts';
import { staffRoutes } from '../staff/routes.ts';
import { customerRoutes } from '../customers/routes.ts';
import { ingestRoutes } from '../ingest/routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { caseRoutes } from '../cases/routes.ts';
import { bulkCaseRoutes } from '../cases/bulk-routes.ts';
import { teamRoutes } from '../teams/routes.ts';
import { slaPolicyRoutes } from '../sla/routes.ts';
import { assignmentRuleRoutes } from '../cases/rule-routes.ts';
import { escalationRuleRoutes } from '../cases/escalation-routes.ts';
import { caseSettingsRoutes } from '../cases/settings-routes.ts';
import { templateRoutes } from '../templates/routes.ts';
import { flagRuleRoutes } from '../flags/rule-routes.ts';
import { phoneRoutes } from '../channels/phone/routes.ts';
import { contactFormRoutes } from '../channels/contact-form/routes.ts';
import { socialRoutes } from '../channels/social/routes.ts';
import { gestureLimitRoutes } from '../gestures/routes.ts';
import formbody from '@fastify/formbody';
import { liveRoutes } from '../live/routes.ts';
import { privacyRoutes } from '../privacy/routes.ts';
import { textModelRoutes } from '../listening/routes.ts';
import {
  boardRoutes,
  digestRoutes,
  feedbackMetricRoutes,
  feedbackSettingsRoutes,
  ideaRoutes,
  publicBoardRoutes,
  publicBoardSignInRoutes,
  publicSurveyRoutes,
  surveyRoutes,
} from '../feedback/index.ts';
import { insightRoutes } from '../insights/routes.ts';
import { metricRoutes } from '../metrics/index.ts';
import { journeyRoutes } from '../journeys/routes.ts';
import { retentionRoutes } from '../retention/routes.ts';
import { staffReasonLabels } from '../cases/index.ts';
import { answerUnreadableRequest, parseFormBody, registerBodyParsing } from '../http/body-parsing.ts';
import { registerApiReference } from '../http/api-reference.ts';

// RAPPORT_WEB_DIST lets a developer serve a UI built elsewhere (parallel builds of one checkout must not share web/dist).
const WEB_DIST = process.env.RAPPORT_WEB_DIST ?? fileURLToPath(new URL('../../web/dist/', import.meta.url));
const DEFAULT_BODY_LIMIT = 1024 * 1024;

export const ALL_ROUTES: readonly AnyRoute[] = [
  ...staffRoutes,
  ...customerRoutes,
  ...privacyRoutes,
  ...ingestRoutes,
  ...auditRoutes,
  ...caseRoutes,
  ...bulkCaseRoutes,
  ...teamRoutes,
  ...slaPolicyRoutes,
  ...assignmentRuleRoutes,
  ...escalationRuleRoutes,
  ...caseSettingsRoutes,
  ...templateRoutes,
  ...flagRuleRoutes,
  ...phoneRoutes,
  ...socialRoutes,
  ...gestureLimitRoutes,
  ...contactFormRoutes,
  ...liveRoutes,
  // Cases sit above listening: their staff-set reasons are handed down as the reason model's labels.
  ...textModelRoutes({ reasonLabels: staffReasonLabels }),
  ...surveyRoutes,
  ...ideaRoutes,
  ...feedbackMetricRoutes,
  ...boardRoutes,
  ...digestRoutes,
  ...feedbackSettingsRoutes,
  ...publicSurveyRoutes,
  ...publicBoardRoutes,
  ...publicBoardSignInRoutes,
  ...insightRoutes,
  ...metricRoutes,
  ...journeyRoutes,
  ...retentionRoutes,
];

/** Fastify's own errors (bad JSON, too large, wrong content type) in our vocabulary. */
function fromFastifyError(error: { code?: string; statusCode?: number; message: string }): DomainError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpErrors.error('invalid_json', `The body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpErrors.error('body_too_large', 'The body is larger than this endpoint accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return httpErrors.error('unsupported_media_type', 'Send the body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return httpErrors.error('invalid_content_length', 'Content-Length does not match the body');
  }
  if (error.statusCode === 400 && error.message) return httpErrors.error('bad_request', error.message);
  return null;
}

/** The OpenAPI document of every route, with what the app's hooks add (`?after=` on reads). */
export function apiDocument(): Record<string, unknown> {
  return openApiDocument(ALL_ROUTES, { parametersOf: readAfterParameters });
}

export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: DEFAULT_BODY_LIMIT,
    clientErrorHandler: answerUnreadableRequest,
    trustProxy: deps.config.trustProxy,
  });
  await app.register(cookie);
  registerBodyParsing(app, { bodyLimit: DEFAULT_BODY_LIMIT });

  app.setErrorHandler((error, request, reply) => {
    const known = isKnownError(error) ? error : fromFastifyError(error as { code?: string; message: string });
    if (!known) {
      request.log.error({ err: error }, 'unhandled error');
      const internal = httpErrors.error(
        'internal_error',
        'Something went wrong on our side; the request id helps us find it',
      );
      return reply.code(500).type('application/problem+json').send(toProblem(internal, request.id));
    }
    if (known.retryAfterSeconds !== undefined) reply.header('retry-after', String(known.retryAfterSeconds));
    return reply.code(statusOf(known)).type('application/problem+json').send(toProblem(known, request.id));
  });

  registerReadAfter(app, deps.projector);
  const formRoutes = new Set<AnyRoute>([
    ...contactFormRoutes,
    ...publicSurveyRoutes,
    ...publicBoardRoutes,
    ...publicBoardSignInRoutes,
  ]);
  registerRoutes(
    app,
    deps,
    ALL_ROUTES.filter((route) => !formRoutes.has(route)),
  );
  // The contact form, the survey page and the ideas board post as application/x-www-form-urlencoded when no script
  // runs; only their routes accept that.
  await app.register(async (forms) => {
    await forms.register(formbody, { bodyLimit: 64 * 1024, parser: parseFormBody });
    registerRoutes(forms, deps, [...formRoutes]);
  });
  registerApiReference(app, apiDocument());
  app.get('/healthz', async () => ({ ok: true }));

  const hasUi = existsSync(WEB_DIST);
  if (hasUi) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const apiPath =
      request.url.startsWith('/api/') || request.url.startsWith('/v1/') || request.url.startsWith('/public/');
    if (request.method === 'GET' && !apiPath && hasUi) return reply.sendFile('index.html');
    const problem = httpErrors.error('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    return reply.code(404).type('application/problem+json').send(toProblem(problem, request.id));
  });
  return app;
}
