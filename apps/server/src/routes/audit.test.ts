import type { AuditPage, AuditVerification } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { appendAudit, auditDenied } from '../audit/audit-log';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function pageOf(t: TestApp, account: TestAccount, query = ''): Promise<AuditPage> {
  const res = await asAccount(t, account, 'GET', `/api/admin/audit${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AuditPage;
}

async function verification(t: TestApp, account: TestAccount): Promise<AuditVerification> {
  const res = await asAccount(t, account, 'GET', '/api/admin/audit/verify');
  expect(res.status).toBe(200);
  return (await res.json()) as AuditVerification;
}

describe.each(testDatabases)('the audit log routes ($name)', (database) => {
  const ctx = useTestApp(database);

  it('shows an admin the entries newest first with actor names, filtered and paged', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin', 'Ada Admin');
    const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
    const at = t.clock.now;
    await appendAudit(t.db, {
      actor: admin,
      action: 'policy.update',
      target: { type: 'policy', id: '2' },
      detail: { version: 2 },
      at,
    });
    await auditDenied(t.db, {
      actor: tutor,
      action: 'session.read',
      target: { type: 'session', id: 's1' },
      detail: {},
      at,
    });
    // `LIKE 'auth.sign_%'` would match this one too. No version writes that word: it stands for an
    // entry written by hand or by another version, which is listed as it is stored.
    await appendAudit(t.db, { actor: tutor, action: 'auth.signxout' as 'auth.sign_out', at });

    const all = await pageOf(t, admin);
    expect(all.nextBefore).toBeNull();
    expect(all.entries.map((e) => [e.seq, e.action, e.actorName])).toEqual([
      [5, 'auth.signxout', 'Dana Tutor'],
      [4, 'session.read', 'Dana Tutor'],
      [3, 'policy.update', 'Ada Admin'],
      [2, 'auth.sign_in', 'Dana Tutor'],
      [1, 'auth.sign_in', 'Ada Admin'],
    ]);
    expect(all.entries[2]).toMatchObject({
      actorUserId: admin.userId,
      actorRole: 'admin',
      targetType: 'policy',
      targetId: '2',
      outcome: 'done',
      detail: { version: 2 },
    });
    expect(all.entries[0]?.prevHash).toBe(all.entries[1]?.hash);

    const seqs = (page: AuditPage) => page.entries.map((e) => e.seq);
    expect(seqs(await pageOf(t, admin, `?actorUserId=${admin.userId}`))).toEqual([3, 1]);
    expect(seqs(await pageOf(t, admin, '?targetType=session&targetId=s1'))).toEqual([4]);
    expect(seqs(await pageOf(t, admin, '?targetType=session&targetId=s2'))).toEqual([]);
    expect(seqs(await pageOf(t, admin, '?actionPrefix=auth.sign_'))).toEqual([2, 1]);
    expect(seqs(await pageOf(t, admin, '?actionPrefix=auth.'))).toEqual([5, 2, 1]);
    expect(seqs(await pageOf(t, admin, '?outcome=denied'))).toEqual([4]);
    expect(seqs(await pageOf(t, admin, `?outcome=done&actorUserId=${tutor.userId}`))).toEqual([5, 2]);

    const first = await pageOf(t, admin, '?limit=2');
    expect([seqs(first), first.nextBefore]).toEqual([[5, 4], 4]);
    const second = await pageOf(t, admin, `?limit=2&before=${first.nextBefore}`);
    expect([seqs(second), second.nextBefore]).toEqual([[3, 2], 2]);
    const last = await pageOf(t, admin, `?limit=2&before=${second.nextBefore}`);
    expect([seqs(last), last.nextBefore]).toEqual([[1], null]);
  });

  it('refuses a bad query with validation_failed', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    for (const query of ['?limit=201', '?limit=0', '?targetId=s1', '?outcome=maybe', '?before=x']) {
      const res = await asAccount(t, admin, 'GET', `/api/admin/audit${query}`);
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).code).toBe('validation_failed');
    }
  });

  it('refuses a tutor with 403 and writes that refusal to the log; nobody signed in gets 401', async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor');
    for (const path of ['/api/admin/audit', '/api/admin/audit/verify']) {
      const refused = await asAccount(t, tutor, 'GET', path);
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).code).toBe('forbidden');
      const signedOut = await asAccount(t, null, 'GET', path);
      expect(signedOut.status).toBe(401);
      expect((await errorOf(signedOut)).code).toBe('unauthorized');
    }

    const admin = await signedInAs(t, 'admin');
    const denials = await pageOf(t, admin, '?outcome=denied');
    expect(denials.entries.map((e) => [e.action, e.actorUserId, e.actorRole, e.detail])).toEqual([
      ['audit.read', tutor.userId, 'tutor', { method: 'GET', path: '/api/admin/audit/verify' }],
      ['audit.read', tutor.userId, 'tutor', { method: 'GET', path: '/api/admin/audit' }],
    ]);
  });

  it('reports an intact chain, then where it was tampered with', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    await signedInAs(t, 'tutor');
    const intact = await verification(t, admin);
    expect(intact).toMatchObject({ intact: true, entries: 2, lastSeq: 2 });
    expect(intact.brokenAt).toBeUndefined();

    await t.db.updateTable('audit_log').set({ actor_role: 'admin' }).where('seq', '=', 2).execute();
    expect(await verification(t, admin)).toEqual({
      intact: false,
      entries: 2,
      lastSeq: 2,
      lastHash: intact.lastHash,
      brokenAt: { seq: 2, reason: 'hash does not match its contents' },
    });
  });
});
