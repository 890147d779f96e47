import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';

// A caller-supplied id is kept only if it is short and plain, so it cannot inject into logs.
const acceptableId = /^[\w.-]{1,64}$/;

/** Gives each request an id (reusing a sane incoming X-Request-Id) and echoes it back. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async function assignRequestId(c, next) {
    const incoming = c.req.header('x-request-id');
    const id = incoming && acceptableId.test(incoming) ? incoming : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
