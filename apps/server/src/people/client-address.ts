import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { clientAddressHeader } from './auth';

/**
 * The request's headers with the caller's socket address added, for better-auth's rate limiting.
 * SECURITY: any client-sent value of the header is replaced, so nobody can spread attempts over made-up
 * addresses. Behind a reverse proxy every caller shares the proxy's address (strict, never lax).
 */
export function clientHeaders(c: Context): Headers {
  let address = 'unknown';
  try {
    address = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
  }
  const headers = new Headers(c.req.raw.headers);
  headers.set(clientAddressHeader, address);
  return headers;
}

/** The request better-auth's handler sees: the same request, carrying the caller's address. */
export function withClientAddress(c: Context): Request {
  return new Request(c.req.raw, { headers: clientHeaders(c) });
}
