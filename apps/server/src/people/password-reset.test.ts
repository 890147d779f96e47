import type { MeResponse } from '@assent/shared';
import { describe, expect, it, vi } from 'vitest';
import { asAccount, signedInAs, signIn } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { buildTestApp, postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { resetMailsPerAccountPerHour } from './auth-gateway';

const newPassword = 'lantern quietly orbits a mossy piano';

const requestReset = (t: TestApp, email: string) =>
  t.app.request('/api/auth/request-password-reset', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.config.publicUrl },
    body: JSON.stringify({ email }),
  });

const resetPassword = (t: TestApp, token: string, password: string) =>
  t.app.request('/api/auth/reset-password', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.config.publicUrl },
    body: JSON.stringify({ token, newPassword: password }),
  });

const tokenOf = (link: string | undefined) => {
  const match = /\/reset-password\/([^/?\s]+)$/.exec(link ?? '');
  if (!match?.[1]) throw new Error(`no reset link in ${link}`);
  return decodeURIComponent(match[1]);
};

/** Reset mail goes out after the answer (so its timing tells nothing): wait for `count` messages. */
async function mailsArrived(catcher: { received: unknown[] }, count: number) {
  await vi.waitFor(() => expect(catcher.received.length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
  // Nothing more on its way.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

const signInStatus = async (t: TestApp, email: string, password: string) =>
  (await postJson(t.app, '/api/auth/sign-in/email', { email, password })).status;

const actions = async (t: TestApp, prefix: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', `${prefix}%`)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);

describe.each(testDatabases)('forgot password and change password ($name)', (database) => {
  const ctx = useTestApp(database);

  it('mails a one-time link that sets a new password once, signs out everywhere, and is audited', async () => {
    const catcher = await startMailCatcher();
    try {
      const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
      const account = await signedInAs(t, 'guardian');
      const otherDevice = { cookie: await signIn(t, account.email, account.password) };

      const asked = await requestReset(t, account.email.toUpperCase());
      expect(asked.status).toBe(200);
      await mailsArrived(catcher, 1);
      const mail = catcher.received.at(-1);
      expect(mail?.to).toEqual([account.email]);
      expect(mail?.raw).toContain('Subject: Reset your Assent password');
      const link = catcher.linkSentTo(account.email);
      expect(link).toMatch(/^http:\/\/assent\.test\/reset-password\/[A-Za-z0-9]+$/);
      const token = tokenOf(link);

      // A common password is refused, and the link still works afterwards.
      const common = await resetPassword(t, token, 'password123456');
      expect(common.status).toBe(400);
      expect(((await common.json()) as { code: string }).code).toBe('PASSWORD_TOO_COMMON');

      expect((await resetPassword(t, token, newPassword)).status).toBe(200);
      expect(await signInStatus(t, account.email, account.password)).toBe(401);
      expect(await signInStatus(t, account.email, newPassword)).toBe(200);
      // Every session from before the reset is gone.
      for (const who of [account, otherDevice]) {
        const me = (await (await asAccount(t, who, 'GET', '/api/me')).json()) as MeResponse;
        expect(me.user).toBeNull();
      }
      // The link works once.
      expect((await resetPassword(t, token, 'another fine unguessable phrase')).status).toBe(400);
      expect(await signInStatus(t, account.email, newPassword)).toBe(200);

      // Trying a spent link is audited like any invalid link.
      expect(await actions(t, 'auth.link_invalid')).toEqual(['auth.link_invalid']);
      expect(await actions(t, 'auth.password_reset')).toEqual([
        'auth.password_reset_requested',
        'auth.password_reset',
      ]);
    } finally {
      await catcher.close();
    }
  }, 60_000);

  it('answers the same for an unknown address and mails nothing', async () => {
    const catcher = await startMailCatcher();
    try {
      const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
      const known = await signedInAs(t, 'tutor');
      const unknown = await requestReset(t, 'nobody@example.org');
      const real = await requestReset(t, known.email);
      expect(unknown.status).toBe(real.status);
      expect(await unknown.json()).toEqual(await real.json());
      await mailsArrived(catcher, 1);
      expect(catcher.received.map((m) => m.to)).toEqual([[known.email]]);
    } finally {
      await catcher.close();
    }
  });

  it('refuses an expired link', async () => {
    const catcher = await startMailCatcher();
    try {
      const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
      expect(t.config.auth.passwordResetTtlMinutes).toBe(60);
      const account = await signedInAs(t, 'tutor');
      await requestReset(t, account.email);
      await mailsArrived(catcher, 1);
      const token = tokenOf(catcher.linkSentTo(account.email));
      await t.db
        .updateTable('auth_verifications')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('identifier', '=', `reset-password:${token}`)
        .execute();
      expect((await resetPassword(t, token, newPassword)).status).toBe(400);
      expect(await signInStatus(t, account.email, account.password)).toBe(200);
    } finally {
      await catcher.close();
    }
  });

  it('sends at most a few reset mails per account an hour, whatever the address, and audits the refusal', async () => {
    const catcher = await startMailCatcher();
    try {
      const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
      const account = await signedInAs(t, 'guardian');
      for (let i = 0; i < resetMailsPerAccountPerHour + 2; i++) {
        const res = await t.app.request(
          '/api/auth/request-password-reset',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: t.config.publicUrl },
            body: JSON.stringify({ email: account.email }),
          },
          { incoming: { socket: { remoteAddress: `192.0.2.${i + 1}` } } },
        );
        expect(res.status).toBe(200);
      }
      await mailsArrived(catcher, resetMailsPerAccountPerHour);
      expect(catcher.received).toHaveLength(resetMailsPerAccountPerHour);
      expect(await actions(t, 'auth.rate_limited')).toEqual(['auth.rate_limited', 'auth.rate_limited']);
    } finally {
      await catcher.close();
    }
  }, 30_000);

  it('changes a password only with the current one, refuses common ones, and signs out every other session', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'tutor');
    const otherDevice = { cookie: await signIn(t, account.email, account.password) };

    const wrong = await asAccount(t, account, 'POST', '/api/auth/change-password', {
      currentPassword: 'not my password at all',
      newPassword,
    });
    expect(wrong.status).toBe(400);
    const common = await asAccount(t, account, 'POST', '/api/auth/change-password', {
      currentPassword: account.password,
      newPassword: 'qwertyuiop123',
    });
    expect(common.status).toBe(400);
    expect(((await common.json()) as { code: string }).code).toBe('PASSWORD_TOO_COMMON');

    // Even when the caller asks to keep them, other sessions end.
    const changed = await asAccount(t, account, 'POST', '/api/auth/change-password', {
      currentPassword: account.password,
      newPassword,
      revokeOtherSessions: false,
    });
    expect(changed.status).toBe(200);
    const me = (await (await asAccount(t, otherDevice, 'GET', '/api/me')).json()) as MeResponse;
    expect(me.user).toBeNull();
    expect(await signInStatus(t, account.email, account.password)).toBe(401);
    expect(await signInStatus(t, account.email, newPassword)).toBe(200);
    expect(await actions(t, 'auth.password_change')).toEqual(['auth.password_change']);
  }, 30_000);

  it('refuses a common password when an invitation is accepted', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const invited = await asAccount(t, admin, 'POST', '/api/admin/invitations', {
      email: 'new.tutor@example.org',
      role: 'tutor',
    });
    const { link } = (await invited.json()) as { link: string };
    const token = link.slice(link.lastIndexOf('/') + 1);
    for (const password of ['password1234', 'new.tutor@example.org', '1q2w3e4r5t6y']) {
      const res = await postJson(t.app, `/api/invitations/${token}/accept`, { name: 'New Tutor', password });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('password_too_common');
    }
    const ok = await postJson(t.app, `/api/invitations/${token}/accept`, {
      name: 'New Tutor',
      password: 'a long enough password',
    });
    expect(ok.status).toBe(201);
  });
});
