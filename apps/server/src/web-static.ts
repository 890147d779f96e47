/**
 * Serves the built web app (WEB_DIST_DIR) with SPA fallback: any non-API GET without a file gets index.html.
 * The build writes a brotli and a gzip copy beside each script and stylesheet; the browser gets the
 * smallest one it accepts.
 */
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http/app-env';

/**
 * Pages built with an HTML file of their own, outside the app's router. A missing one must 404, never
 * become the app: egress would record Assent's home page, which never tells it to start.
 */
const pagesOfTheirOwn = ['/recording-layout'];

/** Where the build writes its manifests (which chunks each page loads) inside the built app. */
const buildRecords = '/build-manifests';

function isPageOfItsOwn(path: string): boolean {
  return pagesOfTheirOwn.some((page) => path === page || path.startsWith(`${page}/`));
}

export function webApp(distDir: string): MiddlewareHandler<AppEnv> {
  const files = serveStatic<AppEnv>({ root: distDir, precompressed: true });
  const indexHtml = serveStatic<AppEnv>({ path: join(distDir, 'index.html'), precompressed: true });
  return async function serveWebApp(c, next) {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    // The build's manifests (which chunks each page loads, for the bundle budget) are not for browsers.
    if (c.req.path === buildRecords || c.req.path.startsWith(`${buildRecords}/`)) return next();
    // Set before serving (headers set after the body is built are lost). Vite fingerprints everything
    // under assets/, so those can be cached forever; index.html and the rest must be revalidated.
    const immutable = c.req.path.startsWith('/assets/');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    let missing = false;
    const served = await files(c, async () => {
      missing = true;
    });
    if (!missing) return served ? negotiated(served) : served;
    // A missing bundle file must 404, not turn into HTML the browser then fails to run as script.
    if (immutable || isPageOfItsOwn(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) {
      return next();
    }
    c.header('Cache-Control', 'no-cache');
    const page = await indexHtml(c, next);
    return page ? negotiated(page) : page;
  };
}

/**
 * The answer depends on Accept-Encoding even when it is the uncompressed file: a shared cache must not
 * hand one encoding to everyone (serveStatic says so only when it sends a compressed copy).
 */
function negotiated(res: Response): Response {
  if (!res.headers.has('Vary')) res.headers.set('Vary', 'Accept-Encoding');
  return res;
}
