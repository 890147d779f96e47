import { describe, expect, it } from 'vitest';
import { securityEntriesPerSourcePerMinute } from '../audit/security-events';
import type { Db } from '../db/database';
import { signInvite } from '../invites/invite-token';
import { signedInAs } from '../test-support/accounts';
import { buildTestApp, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

/** A request as it reaches the server from `socket` (the TCP peer), optionally with X-Forwarded-For. */
function fromAddress(
  t: Pick<TestApp, 'app'>,
  socket: string,
  path: string,
  body: unknown,
  forwardedFor?: string,
) {
  return t.app.request(
    path,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://assent.test',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: socket, remoteFamily: 'IPv4' } } },
  );
}

async function auditOf(db: Db, action: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'target_id', 'outcome', 'detail'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

describe.each(testDatabases)('sign-in limits and security audit ($name)', (database) => {
  const ctx = useTestApp(database);

  it('audits a failed sign-in with the account and the source address, not the password', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'tutor');
    const res = await fromAddress(t, '192.0.2.7', '/api/auth/sign-in/email', {
      email: account.email,
      password: 'not the password at all',
    });
    expect(res.status).toBe(401);
    const failed = await auditOf(t.db, 'auth.sign_in_failed');
    expect(failed).toEqual([
      {
        action: 'auth.sign_in_failed',
        target_id: account.userId,
        outcome: 'denied',
        detail: { method: 'password', source: '192.0.2.7' },
      },
    ]);
    expect(JSON.stringify(failed)).not.toContain('not the password');
  });

  it('pauses sign-in to one account after too many failures, from any mix of addresses, and audits it', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'guardian');
    const limit = t.config.auth.signInFailuresPerAccount;
    for (let i = 0; i < limit; i++) {
      const res = await fromAddress(t, `198.51.100.${i + 1}`, '/api/auth/sign-in/email', {
        email: account.email,
        password: `wrong guess number ${i}`,
      });
      expect(res.status).toBe(401);
    }
    // The right password, from a fresh address: still paused, so guessing from many addresses gains nothing.
    const paused = await fromAddress(t, '203.0.113.50', '/api/auth/sign-in/email', {
      email: account.email.toUpperCase(),
      password: account.password,
    });
    expect(paused.status).toBe(429);
    expect(((await paused.json()) as { code: string }).code).toBe('TOO_MANY_ATTEMPTS');
    const refused = await auditOf(t.db, 'auth.rate_limited');
    expect(refused.at(-1)).toMatchObject({
      target_id: account.userId,
      detail: { limit: 'account', path: '/sign-in/email', source: '203.0.113.50' },
    });

    // Another account is not affected, and the pause ends after AUTH_ACCOUNT_LOCK_MINUTES.
    const other = await signedInAs(t, 'tutor');
    expect(other.cookie).toContain('session_token');
    await t.db
      .updateTable('auth_attempts')
      .set({ at: new Date(Date.now() - 16 * 60_000).toISOString() })
      .execute();
    const later = await fromAddress(t, '203.0.113.50', '/api/auth/sign-in/email', {
      email: account.email,
      password: account.password,
    });
    expect(later.status).toBe(200);
  }, 60_000);

  it('forgets an account’s failures once it signs in', async () => {
    const t = ctx();
    const account = await signedInAs(t, 'tutor');
    const limit = t.config.auth.signInFailuresPerAccount;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < limit - 1; i++) {
        await fromAddress(t, `198.51.100.${i + 1}`, '/api/auth/sign-in/email', {
          email: account.email,
          password: 'a wrong one, again',
        });
      }
      const ok = await fromAddress(t, '203.0.113.9', '/api/auth/sign-in/email', {
        email: account.email,
        password: account.password,
      });
      expect(ok.status).toBe(200);
    }
  }, 60_000);

  it('audits the per-address limit’s refusals', async () => {
    const t = buildTestApp(ctx().db, { AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i <= t.config.auth.signInAttemptsPerMinute; i++) {
      const res = await fromAddress(t, '192.0.2.99', '/api/auth/sign-in/email', {
        email: `nobody${i}@example.org`,
        password: 'whatever it is here',
      });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(await auditOf(t.db, 'auth.rate_limited')).toMatchObject([
      { target_id: null, detail: { limit: 'address', path: '/sign-in/email', source: '192.0.2.99' } },
    ]);
  }, 30_000);

  it('audits invalid invite and welcome tokens and badly signed webhooks', async () => {
    const t = ctx();
    const forged = await signInvite(
      'not-the-invite-secret-0123456789-abcdefgh',
      { sid: 'ses_x', pid: 'per_x', role: 'student' },
      new Date(Date.now() + 60_000),
    );
    expect((await t.app.request(`/api/invites/${forged}`)).status).toBe(401);
    expect((await t.app.request(`/api/invitations/${'x'.repeat(43)}`)).status).toBe(404);
    const webhook = await t.app.request('/api/livekit/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: 'forged' },
      body: '{"event":"room_started","id":"EV_1"}',
    });
    expect(webhook.status).toBe(401);
    const links = await auditOf(t.db, 'auth.link_invalid');
    expect(links.map((e) => e.detail)).toEqual([
      { code: 'invite_invalid', method: 'GET', route: '/api/invites/:token', source: 'unknown' },
      { code: 'link_invalid', method: 'GET', route: '/api/invitations/:token', source: 'unknown' },
    ]);
    expect(JSON.stringify(links)).not.toContain('x'.repeat(43));
    expect(JSON.stringify(links)).not.toContain(forged);
    expect(await auditOf(t.db, 'webhook.signature_invalid')).toMatchObject([
      { outcome: 'denied', detail: { code: 'webhook_signature_invalid', source: 'unknown' } },
    ]);
  });

  it('writes a few security entries per source a minute and reports how many it left out', async () => {
    const t = ctx();
    const probes = securityEntriesPerSourcePerMinute + 5;
    const guess = (source: string) =>
      t.app.request(
        `/api/invitations/${'g'.repeat(43)}`,
        {},
        { incoming: { socket: { remoteAddress: source } } },
      );
    for (let i = 0; i < probes; i++) expect((await guess('192.0.2.1')).status).toBe(404);
    // Another source still gets its entry.
    await guess('192.0.2.2');
    const entries = await auditOf(t.db, 'auth.link_invalid');
    const bySource = (s: string) => entries.filter((e) => e.detail.source === s);
    expect(bySource('192.0.2.1')).toHaveLength(securityEntriesPerSourcePerMinute);
    expect(bySource('192.0.2.2')).toHaveLength(1);

    // A minute later the source's next entry says how many were left out.
    await t.db
      .updateTable('security_event_budgets')
      .set({ window_started_at: new Date(Date.now() - 61_000).toISOString() })
      .execute();
    t.clock.now = new Date();
    await guess('192.0.2.1');
    const latest = (await auditOf(t.db, 'auth.link_invalid')).at(-1);
    expect(latest?.detail).toMatchObject({ source: '192.0.2.1', leftOutBefore: 5 });

    // A source quiet for an hour leaves no budget behind.
    await t.db
      .updateTable('security_event_budgets')
      .set({ window_started_at: new Date(Date.now() - 2 * 3600_000).toISOString() })
      .where('source', '=', '192.0.2.2')
      .execute();
    await guess('192.0.2.3');
    const sources = await t.db
      .selectFrom('security_event_budgets')
      .select('source')
      .orderBy('source')
      .execute();
    expect(sources.map((r) => r.source)).toEqual(['192.0.2.1', '192.0.2.3']);
  });
});

describe.each(testDatabases)('trusted proxies ($name)', (database) => {
  const ctx = useTestApp(database);

  it('counts callers behind a configured proxy apart, so one cannot lock out everyone', async () => {
    const t = buildTestApp(ctx().db, {
      TRUSTED_PROXIES: '10.0.0.0/8',
      AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: '3',
    });
    const limit = t.config.auth.signInAttemptsPerMinute;
    for (let i = 0; i <= limit; i++) {
      await fromAddress(
        t,
        '10.0.0.5',
        '/api/auth/sign-in/email',
        { email: 'x@example.org', password: 'guess guess 1' },
        '192.0.2.66',
      );
    }
    const attacker = await fromAddress(
      t,
      '10.0.0.5',
      '/api/auth/sign-in/email',
      { email: 'y@example.org', password: 'guess guess 2' },
      '192.0.2.66',
    );
    expect(attacker.status).toBe(429);
    const neighbour = await fromAddress(
      t,
      '10.0.0.5',
      '/api/auth/sign-in/email',
      { email: 'z@example.org', password: 'guess guess 3' },
      '192.0.2.77',
    );
    expect(neighbour.status).toBe(401);
    expect((await auditOf(t.db, 'auth.rate_limited'))[0]?.detail.source).toBe('192.0.2.66');
  }, 30_000);

  it('ignores X-Forwarded-For from anyone not configured as a proxy', async () => {
    const t = buildTestApp(ctx().db, { AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
    const limit = t.config.auth.signInAttemptsPerMinute;
    for (let i = 0; i <= limit; i++) {
      await fromAddress(
        t,
        '192.0.2.5',
        '/api/auth/sign-in/email',
        { email: 'x@example.org', password: 'guess guess 1' },
        `198.51.100.${i}`,
      );
    }
    const spoofed = await fromAddress(
      t,
      '192.0.2.5',
      '/api/auth/sign-in/email',
      { email: 'x@example.org', password: 'guess guess 1' },
      '198.51.100.200',
    );
    expect(spoofed.status).toBe(429);
    expect((await auditOf(t.db, 'auth.rate_limited'))[0]?.detail.source).toBe('192.0.2.5');
  }, 30_000);
});
