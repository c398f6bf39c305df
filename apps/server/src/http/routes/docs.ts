// /openapi.json and /docs (Swagger UI). The UI's assets come from the swagger-ui-dist npm
// package on disk: no CDN, so the page works on an offline deployment.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors/not-found-error.js';
import { openApiDocument } from '../openapi.js';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>imajin-video classify — API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
`;

const assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const cache = new Map<string, Buffer>();

export function docsRoutes(app: OpenAPIHono, version: string): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument(app, version)));
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/init.js', (c) =>
    c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = ASSETS[name];
    if (!type) throw new NotFoundError(`no docs asset ${JSON.stringify(name)}`);
    let bytes = cache.get(name);
    if (!bytes) {
      bytes = await readFile(join(assetDir, name));
      cache.set(name, bytes);
    }
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=86400',
    });
  });
}
