// Serves the OpenAPI document at /api/openapi.json and a readable reference of it at /api/docs: Swagger UI from
// the installed swagger-ui-dist package, so the page works offline (no CDN).
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Rapport API reference</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css">
  </head>
  <body>
    <main id="swagger-ui"></main>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/initializer.js"></script>
  </body>
</html>
`;

// A script file rather than an inline one, so a strict Content-Security-Policy can still allow the page.
const INITIALIZER = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/** Registers GET /api/openapi.json (the document) and GET /api/docs (the reference page and its assets). */
export function registerApiReference(app: FastifyInstance, document: Record<string, unknown>): void {
  const json = JSON.stringify(document);
  app.get('/api/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(json));
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get('/api/docs/initializer.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(INITIALIZER),
  );
  for (const [name, asset] of Object.entries(ASSETS)) {
    app.get(`/api/docs/${name}`, async (_request, reply) =>
      reply
        .type(asset.type)
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(join(SWAGGER_UI_DIR, asset.file))),
    );
  }
}
