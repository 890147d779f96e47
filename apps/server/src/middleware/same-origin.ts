import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SECURITY: a request that changes something and carries a cookie must come from one of our own pages
 * (its Origin is ours), so another site cannot act with a signed-in person's cookie. better-auth checks
 * its own routes the same way; webhooks and invite-token calls carry no cookie and are checked by
 * signature or token instead.
 */
export function sameOriginForCookies(trustedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const trusted = new Set(trustedOrigins);
  return async function sameOrigin(c, next) {
    if (safeMethods.has(c.req.method) || !c.req.header('cookie')) return next();
    const origin = c.req.header('origin');
    if (!origin || !trusted.has(origin)) {
      throw new AppError(403, 'forbidden', 'This request did not come from an Assent page.');
    }
    return next();
  };
}
