// The OpenAPI 3.1 document, built from the same zod schemas that parse each request and describe each answer.
// Schemas named with `.meta({ id })` become `components.schemas` entries, so generated client types have names.
import { z, type ZodType } from 'zod';

/** A route that answers 204 with no body. */
export const noContent: ZodType<void> = z.void();
/** A route that answers with a `text/event-stream` it writes itself (server-sent events). */
export const eventStream: ZodType<void> = z.void();
/** A route that answers with an HTML page it sends itself (the handler returns the reply). */
export const htmlPage: ZodType<unknown> = z.unknown();

export const FieldErrorSchema = z
  .strictObject({ field: z.string(), reason: z.string() })
  .meta({ id: 'FieldError', description: 'A field that broke a rule, for a form to show beside the field' });

/** RFC 9457 problem details: what every refusal and failure answers. */
export const ProblemSchema = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable machine-readable reason, e.g. `case_not_found`' }),
    errors: z.array(FieldErrorSchema).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'Problem details (RFC 9457)' });

/** What the document reads of a route declaration (RouteSpec in route.ts, which imports this file). */
export interface DescribedRoute {
  method: string;
  url: string;
  summary: string;
  tags: string[];
  auth: string | readonly string[];
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  status?: number;
  response?: ZodType;
  responses?: Readonly<Record<number, ZodType>>;
}

type JsonSchema = Record<string, unknown>;

/** Converts zod schemas, pulling named ones out into one shared `components.schemas`. */
function createConverter() {
  const components: Record<string, JsonSchema> = {};
  const toComponentRefs = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(toComponentRefs);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof inner === 'string'
          ? inner.replace(/^#\/\$defs\//, '#/components/schemas/')
          : toComponentRefs(inner);
    }
    return out;
  };
  const convert = (schema: ZodType, io: 'input' | 'output'): JsonSchema => {
    const {
      $schema: _,
      $defs,
      ...json
    } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= toComponentRefs(def) as JsonSchema;
    const id = z.globalRegistry.get(schema)?.id;
    const converted = toComponentRefs(json) as JsonSchema;
    if (!id) return converted;
    // The named schema itself: keep it once in components and refer to it.
    components[id] ??= converted;
    return { $ref: `#/components/schemas/${id}` };
  };
  return { convert, components };
}

function successResponses(spec: DescribedRoute, convert: (s: ZodType) => JsonSchema) {
  const usual = spec.status ?? (spec.response === noContent ? 204 : 200);
  const declared: Array<[number, ZodType | undefined]> = [
    [usual, spec.response],
    ...Object.entries(spec.responses ?? {}).map(([status, schema]): [number, ZodType] => [
      Number(status),
      schema as ZodType,
    ]),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of declared) {
    if (!schema) responses[String(status)] = { description: 'Success (answer not described)' };
    else if (schema === noContent) responses[String(status === 200 ? 204 : status)] = { description: 'No content' };
    else if (schema === htmlPage) {
      responses[String(status)] = {
        description: 'HTML page',
        content: { 'text/html': { schema: { type: 'string' } } },
      };
    } else if (schema === eventStream) {
      responses[String(status)] = {
        description: 'Server-sent events',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      };
    } else {
      const description = z.globalRegistry.get(schema)?.description ?? 'Success';
      responses[String(status)] = { description, content: { 'application/json': { schema: convert(schema) } } };
    }
  }
  return responses;
}

/** Describes the declared routes as OpenAPI 3.1, from the same schemas that validate them. */
/** What the application adds to every route of one method (a query parameter its hooks take, such as `after`). */
export interface OpenApiExtras {
  parametersOf?: (method: string) => ReadonlyArray<Record<string, unknown>>;
}

export function openApiDocument(
  routes: readonly DescribedRoute[],
  extras: OpenApiExtras = {},
): Record<string, unknown> {
  const { convert, components } = createConverter();
  const input = (schema: ZodType) => convert(schema, 'input');
  const output = (schema: ZodType) => convert(schema, 'output');
  const problem = output(ProblemSchema);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = spec.params ? (input(spec.params) as { properties?: Record<string, unknown> }) : undefined;
    const query = spec.query
      ? (input(spec.query) as { properties?: Record<string, unknown>; required?: string[] })
      : undefined;
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
      ...(extras.parametersOf?.(spec.method) ?? []),
    ];
    const rules: readonly string[] = typeof spec.auth === 'string' ? [spec.auth] : spec.auth;
    const security = rules.flatMap(
      (rule): Array<Record<string, string[]>> =>
        rule === 'public' ? [] : rule === 'write-key' ? [{ writeKey: [] }] : [{ bearer: [] }, { session: [] }],
    );
    const permission = rules.find((rule) => rule !== 'public' && rule !== 'signed-in' && rule !== 'write-key');
    const item = paths[path] ?? {};
    paths[path] = item;
    item[spec.method.toLowerCase()] = {
      operationId: operationIdOf(spec),
      summary: spec.summary,
      tags: spec.tags,
      ...(permission ? { 'x-permission': permission } : {}),
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: input(spec.body) } } } }
        : {}),
      responses: {
        ...successResponses(spec, output),
        default: {
          description: 'Problem details (RFC 9457)',
          content: { 'application/problem+json': { schema: problem } },
        },
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
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Personal token from `npx rapport token create`' },
        session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        writeKey: { type: 'http', scheme: 'basic', description: 'Write key as the user name, empty password' },
      },
    },
    paths,
  };
}

/** `GET /api/cases/:id/messages` → `getApiCasesIdMessages`: stable, unique per method and path. */
function operationIdOf(spec: DescribedRoute): string {
  const words = spec.url
    .split(/[/:{}\-_.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return spec.method.toLowerCase() + words.join('');
}
