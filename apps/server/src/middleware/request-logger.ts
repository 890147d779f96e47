import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../http/app-env';

// One-time links (join, invitation, welcome, password reset) carry bearer tokens in their paths: anyone
// reading a log line could use them. The segment after each known prefix is cut out, and so is any other
// segment long enough to be a token (ids are UUIDs, which stay readable).
const tokenBearingPrefixes = [
  '/join',
  '/welcome',
  '/reset-password',
  '/api/invites',
  '/api/invitations',
  '/api/auth/reset-password',
];
const tokenBearingPath = new RegExp(
  `^(${tokenBearingPrefixes.map((p) => p.replaceAll('/', '\\/')).join('|')})\\/[^/]+`,
  'i',
);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function looksLikeToken(segment: string): boolean {
  return segment.length >= 24 && !uuid.test(segment);
}

export function redactPath(path: string): string {
  const known = path.replace(/\/{2,}/g, '/').replace(tokenBearingPath, '$1/[token]');
  return known
    .split('/')
    .map((segment) => (looksLikeToken(segment) ? '[token]' : segment))
    .join('/');
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
