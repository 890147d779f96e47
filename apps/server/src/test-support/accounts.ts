/** Accounts for server tests: made the way invitations make them, signed in through better-auth's route. */
import type { AccountRole } from '@assent/shared';
import { lastServerErrors } from './kept-errors';
import type { TestApp } from './test-app';

export interface TestAccount {
  userId: string;
  role: AccountRole;
  name: string;
  email: string;
  password: string;
  /** The `cookie` header value that carries this account's session. */
  cookie: string;
}

let counter = 0;

/**
 * The fixture's one password, hashed once per test worker: every hash is scrypt at its real cost (hundreds
 * of milliseconds on a busy two-core machine), and one per account made most of what an API test spent.
 * Each account still gets its own row and signs in through better-auth's route, which verifies this hash.
 */
const fixturePassword = 'correct horse battery';
let fixturePasswordHash: Promise<string> | undefined;

/** An app, and its config when the test has one (for the origin our pages would send). */
type AppLike = Pick<TestApp, 'app'> & Partial<Pick<TestApp, 'config'>>;
const originOf = (t: AppLike) => t.config?.publicUrl ?? 'http://assent.test';

/** Creates an account with `role` and signs it in. */
export async function signedInAs(
  t: Pick<TestApp, 'app' | 'auth'> & Partial<Pick<TestApp, 'config'>>,
  role: AccountRole,
  name = `${role[0]?.toUpperCase()}${role.slice(1)} ${++counter}`,
): Promise<TestAccount> {
  const email = `${role}${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = fixturePassword;
  const ctx = await t.auth.$context;
  fixturePasswordHash ??= ctx.password.hash(password);
  const user = await ctx.internalAdapter.createUser(
    { name, email, emailVerified: true, role },
    { method: 'invitation' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await fixturePasswordHash,
  });
  const cookie = await signIn(t, email, password);
  return { userId: user.id, role, name, email, password, cookie };
}

/** Signs in with email and password and returns the session cookie header value. */
export async function signIn(t: AppLike, email: string, password: string): Promise<string> {
  const res = await t.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(t) },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) {
    const body = await res.text();
    const logged = res.status >= 500 ? `\nthe server logged:\n${lastServerErrors()}` : '';
    throw new Error(`sign-in failed: ${res.status} ${body}${logged}`);
  }
  return sessionCookieOf(res);
}

export function sessionCookieOf(res: Response): string {
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const session = cookies.filter((c) => c.includes('session_token'));
  if (session.length === 0) throw new Error('no session cookie in the response');
  return session.join('; ');
}

/** A JSON request as a signed-in browser on our origin makes it. */
export function asAccount(
  t: AppLike,
  account: Pick<TestAccount, 'cookie'> | null,
  method: string,
  path: string,
  body?: unknown,
) {
  return t.app.request(path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      origin: originOf(t),
      ...(account ? { cookie: account.cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Creates the account an invitation link offers, as its welcome page does, and returns it signed in. */
export async function acceptLink(
  t: AppLike,
  link: string,
  name: string,
  role: AccountRole,
  password = 'a long enough password',
): Promise<TestAccount> {
  const token = link.slice(link.lastIndexOf('/') + 1);
  const res = await t.app.request(`/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(t) },
    body: JSON.stringify({ name, password }),
  });
  if (res.status !== 201) throw new Error(`accept failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { user: { id: string; email: string } | null };
  return {
    userId: me.user?.id ?? '',
    role,
    name,
    email: me.user?.email ?? '',
    password,
    cookie: sessionCookieOf(res),
  };
}
