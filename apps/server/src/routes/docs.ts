/** Human API docs: swagger-ui from the installed package (no CDN: the app must work offline). */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';

const assetsPrefix = '/api/docs/assets';
// Resolve the package's folder without loading its multi-megabyte bundle into the server.
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Assent API</title>
  <link rel="stylesheet" href="${assetsPrefix}/swagger-ui.css" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${assetsPrefix}/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

// Kept out of the page so a strict Content-Security-Policy (no inline scripts) still allows it.
const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

export const docsRoutes = new Hono<AppEnv>()
  .get('/docs', (c) => c.html(page))
  .get('/docs/init.js', (c) => c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  .use(
    '/docs/assets/*',
    serveStatic({
      root: swaggerUiDir,
      rewriteRequestPath: (path) => path.slice(assetsPrefix.length),
    }),
  );
