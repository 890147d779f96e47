import { days } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { buildTestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('session lifetime ($name)', (database) => {
  const ctx = useTestApp(database);

  const sessionRow = async (t: ReturnType<typeof ctx>, userId: string) => {
    const row = await t.db
      .selectFrom('auth_sessions')
      .select(['id', 'created_at', 'expires_at'])
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return { id: row.id, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at) };
  };

  it('ends a session 30 days after sign-in by default, however often it is used', async () => {
    const t = ctx();
    expect(t.config.auth.sessionMaxAgeDays).toBe(30);
    const account = await signedInAs(t, 'tutor');
    const { id } = await sessionRow(t, account.userId);
    // Signed in 29.5 days ago and used daily since: the last refresh was two days ago.
    const createdAt = new Date(Date.now() - days(29.5));
    await t.db
      .updateTable('auth_sessions')
      .set({
        created_at: createdAt.toISOString(),
        expires_at: new Date(Date.now() + days(5)).toISOString(),
      })
      .where('id', '=', id)
      .execute();

    // Used again: better-auth slides the expiry 7 days on, but never past day 30.
    expect((await asAccount(t, account, 'GET', '/api/auth/get-session')).status).toBe(200);
    const refreshed = await sessionRow(t, account.userId);
    expect(refreshed.expiresAt.getTime()).toBeLessThanOrEqual(createdAt.getTime() + days(30) + 1000);
    expect(refreshed.expiresAt.getTime()).toBeGreaterThan(Date.now());

    // Signed in 31 days ago and still in use: the next refresh ends it instead of extending it.
    await t.db
      .updateTable('auth_sessions')
      .set({
        created_at: new Date(Date.now() - days(31)).toISOString(),
        expires_at: new Date(Date.now() + days(5)).toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await asAccount(t, account, 'GET', '/api/auth/get-session');
    const me = (await (await asAccount(t, account, 'GET', '/api/me')).json()) as { user: unknown };
    expect(me.user).toBeNull();
  });

  it('follows SESSION_MAX_AGE_DAYS, also for a fresh sign-in', async () => {
    const t = buildTestApp(ctx().db, { SESSION_MAX_AGE_DAYS: '2' });
    const account = await signedInAs(t, 'guardian');
    const row = await sessionRow(t, account.userId);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(days(2) + 1000);
  });
});
