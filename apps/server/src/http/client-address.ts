import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { resolveClientAddress, trustedProxyMatcher } from './trusted-proxies';

/** The header our HTTP layer sets from the socket address; anything a client sends under it is replaced. */
export const clientAddressHeader = 'x-assent-client-address';

const matchers = new WeakMap<readonly string[], (address: string) => boolean>();

/**
 * The caller's address: the socket's, or, behind a proxy named in TRUSTED_PROXIES, the one it forwarded
 * for. 'unknown' when there is no socket (app.request() in tests).
 */
export function clientAddress(c: Context<AppEnv>): string {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
  }
  const trusted = c.var.deps?.config.auth.trustedProxies ?? [];
  let matcher = matchers.get(trusted);
  if (!matcher) {
    matcher = trustedProxyMatcher(trusted);
    matchers.set(trusted, matcher);
  }
  return resolveClientAddress(socket, c.req.header('x-forwarded-for'), matcher);
}

/**
 * The request's headers with the caller's address added, for better-auth's rate limiting.
 * SECURITY: any client-sent value of the header is replaced, so nobody can spread attempts over made-up
 * addresses.
 */
export function clientHeaders(c: Context<AppEnv>): Headers {
  const headers = new Headers(c.req.raw.headers);
  headers.set(clientAddressHeader, clientAddress(c));
  return headers;
}

/** The request better-auth's handler sees: the same request, carrying the caller's address. */
export function withClientAddress(c: Context<AppEnv>): Request {
  return new Request(c.req.raw, { headers: clientHeaders(c) });
}
