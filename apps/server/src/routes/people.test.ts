import type { InvitationCreated, InvitationPreview, MeResponse, PeopleList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { announceFirstRun } from '../enrolment/first-run';
import { createLogger } from '../logger';
import { asAccount, sessionCookieOf, signedInAs, signIn } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { buildTestApp, errorOf, postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
const password = 'a long enough password';

async function firstRunLink(t: TestApp) {
  return announceFirstRun({
    db: t.db,
    config: t.config,
    logger: createLogger('silent'),
    now: () => t.clock.now,
  });
}

async function accept(t: TestApp, link: string, body: Record<string, unknown>) {
  return t.app.request(`/api/invitations/${tokenOf(link)}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://assent.test' },
    body: JSON.stringify(body),
  });
}

describe.each(testDatabases)('first run, invitations and sign-in ($name)', (database) => {
  const ctx = useTestApp(database);

  it('prints a one-time link for the first administrator that stops working once used', async () => {
    const t = ctx();
    const stale = await firstRunLink(t);
    const link = await firstRunLink(t);
    if (!stale || !link) throw new Error('no first-run link');
    // A new start replaces the link printed before.
    expect((await t.app.request(`/api/invitations/${tokenOf(stale)}`)).status).toBe(404);
    expect(((await (await t.app.request('/api/me')).json()) as MeResponse).setupPending).toBe(true);

    const preview = (await (
      await t.app.request(`/api/invitations/${tokenOf(link)}`)
    ).json()) as InvitationPreview;
    expect(preview).toMatchObject({ kind: 'first_run', role: 'admin', email: null });

    const created = await accept(t, link, { name: 'Ada Admin', email: 'Ada@Example.org', password });
    expect(created.status).toBe(201);
    const me = (await created.json()) as MeResponse;
    expect(me).toMatchObject({
      user: { name: 'Ada Admin', email: 'ada@example.org', role: 'admin' },
      setupPending: false,
    });
    const cookie = sessionCookieOf(created);
    const session = (await (await t.app.request('/api/me', { headers: { cookie } })).json()) as MeResponse;
    expect(session.user?.role).toBe('admin');

    const again = await accept(t, link, { name: 'Eve', email: 'eve@example.org', password });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('link_used');
    expect(await firstRunLink(t)).toBeUndefined();
    expect(await countRows(t.db, 'users')).toBe(1);
    const actions = (await t.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (e) => e.action,
    );
    // Opening the replaced link is a refused link, audited as such.
    expect(actions).toEqual([
      'invitation.create',
      'invitation.create',
      'auth.link_invalid',
      'account.create',
      'auth.sign_in',
    ]);
  });

  it('lets an admin invite staff by email; the address is fixed, taken addresses and expired links refused', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const res = await asAccount(t, admin, 'POST', '/api/admin/invitations', {
      email: 'Tia@Example.org',
      role: 'tutor',
    });
    expect(res.status).toBe(201);
    const invitation = (await res.json()) as InvitationCreated;
    expect(invitation).toMatchObject({ email: 'tia@example.org', role: 'tutor', mailed: false });
    const link = invitation.link ?? '';

    const wrongEmail = await accept(t, link, { name: 'Tia', email: 'other@example.org', password });
    expect(wrongEmail.status).toBe(400);
    const weak = await accept(t, link, { name: 'Tia', password: 'short' });
    expect((await errorOf(weak)).issues?.[0]?.path).toBe('password');
    const ok = await accept(t, link, { name: 'Tia Tutor', password });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as MeResponse).user).toMatchObject({ role: 'tutor', email: 'tia@example.org' });

    const taken = await asAccount(t, admin, 'POST', '/api/admin/invitations', {
      email: 'tia@example.org',
      role: 'reviewer',
    });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).code).toBe('email_taken');

    const later = (await (
      await asAccount(t, admin, 'POST', '/api/admin/invitations', {
        email: 'rex@example.org',
        role: 'reviewer',
      })
    ).json()) as InvitationCreated;
    t.clock.now = new Date(t.clock.now.getTime() + (t.config.auth.linkTtlHours + 1) * 3600_000);
    const expired = await accept(t, later.link ?? '', { name: 'Rex', password });
    expect(expired.status).toBe(410);
    expect((await errorOf(expired)).code).toBe('link_expired');
    expect((await t.app.request('/api/invitations/not-a-token')).status).toBe(400);

    const people = (await (await asAccount(t, admin, 'GET', '/api/admin/people')).json()) as PeopleList;
    expect(people.people.map((p) => p.role).sort()).toEqual(['admin', 'tutor']);
  });

  it('refuses staff invitations and the people list to everyone but admins, and audits the refusal', async () => {
    const t = ctx();
    for (const role of ['tutor', 'reviewer', 'guardian', 'student'] as const) {
      const account = await signedInAs(t, role);
      const res = await asAccount(t, account, 'POST', '/api/admin/invitations', {
        email: 'x@example.org',
        role: 'admin',
      });
      expect(res.status).toBe(403);
      expect((await asAccount(t, account, 'GET', '/api/admin/people')).status).toBe(403);
    }
    expect((await asAccount(t, null, 'GET', '/api/admin/people')).status).toBe(401);
    expect(await countRows(t.db, 'invitations')).toBe(0);
    const denied = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(8);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'tutor');
    const statuses: number[] = [];
    for (let i = 0; i < t.config.auth.signInAttemptsPerMinute + 2; i++) {
      const res = await postJson(t.app, '/api/auth/sign-in/email', {
        email: account.email,
        password: 'wrong password!',
      });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401)).not.toHaveLength(0);
  }, 30_000);

  it('signs out everywhere: every session of the account stops working', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'guardian');
    const second = { cookie: await signIn(t, account.email, account.password) };
    const res = await asAccount(t, account, 'POST', '/api/auth/revoke-sessions', {});
    expect(res.status).toBe(200);
    for (const who of [account, second]) {
      const me = (await (await asAccount(t, who, 'GET', '/api/me')).json()) as MeResponse;
      expect(me.user).toBeNull();
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'auth.sign_out%')
      .execute();
    expect(audit).toEqual([{ action: 'auth.sign_out_everywhere' }]);
  });

  it('mails the invitation through SMTP when SMTP_URL is set, and the mailed link works', async () => {
    const catcher = await startMailCatcher();
    try {
      const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
      const admin = await signedInAs(t, 'admin', 'Ada Admin');
      const res = await asAccount(t, admin, 'POST', '/api/admin/invitations', {
        email: 'rex@example.org',
        role: 'reviewer',
      });
      const invitation = (await res.json()) as InvitationCreated;
      expect(invitation).toMatchObject({ mailed: true, link: null });
      const link = catcher.linkSentTo('rex@example.org');
      expect(link).toMatch(/^http:\/\/assent\.test\/welcome\/[\w-]{43}$/);
      expect(catcher.received[0]?.raw).toContain('Ada Admin has invited you to Assent as reviewer');
      const accepted = await accept(t, link ?? '', { name: 'Rex Reviewer', password });
      expect(accepted.status).toBe(201);
    } finally {
      await catcher.close();
    }
  });
});
