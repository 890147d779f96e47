/** Serves the built web app (WEB_DIST_DIR) with SPA fallback: any non-API GET without a file gets index.html. */
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http/app-env';

export function webApp(distDir: string): MiddlewareHandler<AppEnv> {
  const files = serveStatic<AppEnv>({
    root: distDir,
    onFound: (path, c) => {
      // Vite fingerprints everything under assets/, so those can be cached forever; index.html never.
      const immutable = path.startsWith(join(distDir, 'assets'));
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexHtml = serveStatic<AppEnv>({ path: join(distDir, 'index.html') });
  return async function serveWebApp(c, next) {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    let missing = false;
    const served = await files(c, async () => {
      missing = true;
    });
    if (!missing) return served;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    c.header('Cache-Control', 'no-cache');
    return indexHtml(c, next);
  };
}
