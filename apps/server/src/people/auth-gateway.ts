/**
 * The door to better-auth's routes: it passes on the caller's address (for better-auth's per-address
 * limit), pauses sign-in to one account after too many failures whatever the address, limits reset
 * mails per account, and puts failed sign-ins and rate-limit refusals in the audit log.
 */
import type { Context } from 'hono';
import { recordSecurityEvent, type SecurityEvent } from '../audit/security-events';
import type { AppEnv } from '../http/app-env';
import { clientAddress, withClientAddress } from '../http/client-address';
import { clearAttempts, countAttempts, noteAttempt, pruneAttempts } from './account-attempts';

/** Reset mails one account may be sent per hour. */
export const resetMailsPerAccountPerHour = 3;
const hourMs = 3600 * 1000;

// What better-auth answers to a reset request whether or not the account exists; we answer the same.
const resetAnswer = {
  status: true,
  message: 'If this email exists in our system, check your email for the reset link',
};

export async function betterAuthRoutes(c: Context<AppEnv>): Promise<Response> {
  const { auth, db, config, now, logger } = c.var.deps;
  const source = clientAddress(c);
  const path = c.req.path.slice('/api/auth'.length);
  const post = c.req.method === 'POST';
  const email =
    post && (path === '/sign-in/email' || path === '/request-password-reset') ? await emailOf(c) : null;
  const at = now();
  const record = (event: Omit<SecurityEvent, 'source' | 'at'>) =>
    recordSecurityEvent(db, { ...event, source, at }).catch((err: unknown) =>
      logger.error({ err }, 'security event could not be audited'),
    );

  if (path === '/sign-in/email' && email) {
    const windowStart = new Date(at.getTime() - config.auth.accountLockMinutes * 60_000);
    if (
      (await countAttempts(db, 'sign_in_failure', email, windowStart)) >= config.auth.signInFailuresPerAccount
    ) {
      await record({
        action: 'auth.rate_limited',
        target: await userTarget(c, email),
        detail: { limit: 'account', path },
      });
      return c.json(
        {
          code: 'TOO_MANY_ATTEMPTS',
          message: `Too many failed sign-ins to this account. Try again in ${config.auth.accountLockMinutes} minutes, or sign in with a passkey.`,
        },
        429,
        { 'Retry-After': String(config.auth.accountLockMinutes * 60) },
      );
    }
  }
  if (path === '/request-password-reset' && email) {
    const since = new Date(at.getTime() - hourMs);
    if ((await countAttempts(db, 'password_reset', email, since)) >= resetMailsPerAccountPerHour) {
      await record({
        action: 'auth.rate_limited',
        target: await userTarget(c, email),
        detail: { limit: 'account', path },
      });
      // The same answer as a sent mail: the page must not tell anyone whether the address has an account.
      return c.json(resetAnswer);
    }
    await noteAttempt(db, 'password_reset', email, at);
  }

  const response = await auth.handler(withClientAddress(c));

  if (response.status === 429) {
    await record({ action: 'auth.rate_limited', detail: { limit: 'address', path } });
  } else if (path === '/sign-in/email' && email && response.status === 401) {
    await noteAttempt(db, 'sign_in_failure', email, at);
    await record({
      action: 'auth.sign_in_failed',
      target: await userTarget(c, email),
      detail: { method: 'password' },
    });
    await pruneAttempts(
      db,
      new Date(at.getTime() - Math.max(hourMs, config.auth.accountLockMinutes * 60_000)),
    );
  } else if (path === '/sign-in/email' && email && response.ok) {
    await clearAttempts(db, 'sign_in_failure', email);
  } else if (
    path === '/reset-password' &&
    post &&
    response.status === 400 &&
    (await codeOf(response)) === 'INVALID_TOKEN'
  ) {
    await record({ action: 'auth.link_invalid', detail: { code: 'reset_token_invalid', path } });
  } else if (path === '/passkey/verify-authentication' && response.status >= 400 && response.status < 500) {
    await record({ action: 'auth.sign_in_failed', detail: { method: 'passkey' } });
  }
  return response;
}

/** better-auth's error code in an answer, read from a copy. */
async function codeOf(response: Response): Promise<string | undefined> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The email a sign-in or reset request names, read from a copy of its JSON body. */
async function emailOf(c: Context<AppEnv>): Promise<string | null> {
  try {
    const body: unknown = await c.req.raw.clone().json();
    const email = (body as { email?: unknown } | null)?.email;
    return typeof email === 'string' && email.length <= 254 ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The account an address belongs to, as an audit target; none for an address nobody has. */
async function userTarget(
  c: Context<AppEnv>,
  email: string,
): Promise<{ type: string; id: string } | undefined> {
  const user = await c.var.deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  return user ? { type: 'user', id: user.id } : undefined;
}
