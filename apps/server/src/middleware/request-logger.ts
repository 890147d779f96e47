import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../http/app-env';

// Invite tokens travel in paths; they are bearer credentials, so they are cut out before logging.
const tokenBearingPath = /^(\/api\/invites|\/join)\/[^/]+/;

export function redactPath(path: string): string {
  return path.replace(tokenBearingPath, '$1/[token]');
}

/** One log line per request with status and latency, through a child logger carrying the request id. */
export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    const log = logger.child({ reqId: c.get('requestId') });
    c.set('logger', log);
    await next();
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: redactPath(c.req.path),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request');
  };
}
