/** What better-auth must not let anyone do here: sign up unasked, or raise their own role. */
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { buildTestApp, postJson, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('accounts through better-auth ($name)', (database) => {
  const ctx = useTestApp(database);

  it('refuses sign-up: accounts only come from invitations', async () => {
    const t = ctx();
    const res = await postJson(t.app, '/api/auth/sign-up/email', {
      name: 'Mallory',
      email: 'mallory@example.org',
      password: 'a long enough password',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await countRows(t.db, 'users')).toBe(0);
  });

  it('never lets a person change their own role', async () => {
    const t = ctx();
    const guardian = await signedInAs(t, 'guardian');
    const res = await asAccount(t, guardian, 'POST', '/api/auth/update-user', {
      name: 'Still me',
      role: 'admin',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const row = await t.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', guardian.userId)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('guardian');
  });

  it('sets the session cookie httpOnly and SameSite=Lax, and Secure only over https', async () => {
    const t = ctx();
    const res = await postJson(t.app, '/api/auth/sign-in/email', {
      email: 'nobody@example.org',
      password: 'x'.repeat(12),
    });
    expect(res.status).toBe(401);
    const account = await signedInAs(t, 'tutor');
    const signIn = await t.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://assent.test' },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    const cookie = signIn.headers.getSetCookie().find((c) => c.includes('session_token')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const https = buildTestApp(t.db, { PUBLIC_URL: 'https://assent.test' });
    const overHttps = await signedInAs(https, 'tutor');
    expect(overHttps.cookie).toMatch(/^__Secure-assent\.session_token=/);
  });

  it('refuses a sign-in posted from another site', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'tutor');
    const res = await t.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: account.cookie },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    expect(res.status).toBe(403);
  });
});
