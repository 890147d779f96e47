import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { clientAddressHeader } from './auth';

/**
 * The request better-auth sees, carrying the caller's socket address for rate limiting.
 * SECURITY: any client-sent value of the header is replaced, so nobody can spread attempts over made-up
 * addresses. Behind a reverse proxy every caller shares the proxy's address (strict, never lax).
 */
export function withClientAddress(c: Context): Request {
  let address = 'unknown';
  try {
    address = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
  }
  const headers = new Headers(c.req.raw.headers);
  headers.set(clientAddressHeader, address);
  return new Request(c.req.raw, { headers });
}
