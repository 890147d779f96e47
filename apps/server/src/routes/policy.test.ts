import type { OrganisationPolicy, PolicyVersionList, SavePolicyRequest } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-verify';
import { ensureDefaultPolicy } from '../policy/policy-service';
import { asAccount, signedInAs } from '../test-support/accounts';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

async function policyOf(t: TestApp): Promise<OrganisationPolicy> {
  const res = await t.app.request('/api/policy');
  expect(res.status).toBe(200);
  return (await res.json()) as OrganisationPolicy;
}

/** Version 1 with safeguarding kept 30 days and watched by reviewers only, and no participant playback. */
function editOf(current: OrganisationPolicy): SavePolicyRequest {
  return {
    ...current.policy,
    purposes: current.policy.purposes.map((p) =>
      p.id === 'safeguarding' ? { ...p, retentionDays: 30, viewerRoles: ['reviewer'] } : p,
    ),
    participantPlaybackDays: null,
    noticeText: 'We record a session only when everyone present agrees, and only for the stated purpose.',
    basedOnVersion: current.version,
  };
}

const policyActions = async (t: TestApp) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_user_id', 'target_id', 'detail'])
      .where('action', 'like', 'policy.%')
      .orderBy('seq')
      .execute()
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));

describe.each(testDatabases)('organisation policy ($name)', (database) => {
  const ctx = useTestApp(database);

  it('writes version 1 from the configuration once, however many ask at the same time', async () => {
    const t = ctx();
    const written = await Promise.all([
      ensureDefaultPolicy(t.db, t.config.recording, t.clock.now),
      ensureDefaultPolicy(t.db, t.config.recording, t.clock.now),
      policyOf(t),
    ]);
    expect(written.map((p) => p.version)).toEqual([1, 1, 1]);
    expect(await countRows(t.db, 'policy_versions')).toBe(1);
    const policy = await policyOf(t);
    expect(policy).toMatchObject({ version: 1, noticeVersion: 'policy-1', createdBy: null });
    expect(policy.policy).toMatchObject({
      participantPlaybackDays: 90,
      withdrawalRule: 'keep',
      advanceGuardianConsent: false,
      noticeText: expect.stringContaining('only if everyone in the call agrees'),
      agreementText: expect.stringContaining('A parent or guardian aged 18 or over must register'),
    });
    expect(policy.policy.purposes).toEqual(
      ['quality_assurance', 'safeguarding', 'student_playback'].map((id) => ({
        id,
        label: expect.any(String),
        retentionDays: 90,
        viewerRoles: ['tutor', 'reviewer', 'admin'],
      })),
    );
    expect(policy.policy.purposes[0]?.label).toBe('Quality assurance');
    expect(await policyActions(t)).toEqual([
      {
        action: 'policy.create',
        outcome: 'done',
        actor_user_id: null,
        target_id: '1',
        detail: expect.objectContaining({ version: 1, source: 'configuration defaults' }),
      },
    ]);
  });

  it('saves an admin’s change as version 2, audited field by field, with the chain intact', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin', 'Ada Admin');
    const before = await policyOf(t);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const edit = editOf(before);
    const res = await asAccount(t, admin, 'PUT', '/api/admin/policy', edit);
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = (await res.json()) as OrganisationPolicy;
    expect(saved).toMatchObject({
      version: 2,
      noticeVersion: 'policy-2',
      createdBy: admin.userId,
      createdAt: t.clock.now.toISOString(),
    });
    expect(await policyOf(t)).toEqual(saved);

    const [, update] = await policyActions(t);
    expect(update).toMatchObject({
      action: 'policy.update',
      outcome: 'done',
      actor_user_id: admin.userId,
      target_id: '2',
    });
    expect(update?.detail).toEqual({
      version: 2,
      basedOnVersion: 1,
      noticeVersion: 'policy-2',
      changes: [
        { field: 'purposes.safeguarding.retentionDays', before: 90, after: 30 },
        {
          field: 'purposes.safeguarding.viewerRoles',
          before: ['tutor', 'reviewer', 'admin'],
          after: ['reviewer'],
        },
        { field: 'participantPlaybackDays', before: 90, after: null },
        {
          field: 'noticeText',
          before: `${before.policy.noticeText.length} characters`,
          after: `${edit.noticeText.length} characters`,
        },
      ],
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true });

    const reviewer = await signedInAs(t, 'reviewer');
    const history = await asAccount(t, reviewer, 'GET', '/api/admin/policy/versions');
    expect(history.status).toBe(200);
    const { versions } = (await history.json()) as PolicyVersionList;
    expect(versions.map((v) => [v.version, v.createdByName, v.changes.length])).toEqual([
      [2, 'Ada Admin', 4],
      [1, null, 0],
    ]);
    expect(versions[1]?.policy).toEqual(before.policy);
  });

  it('writes nothing for a save that changes nothing, and answers the version in force', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const current = await policyOf(t);
    const res = await asAccount(t, admin, 'PUT', '/api/admin/policy', {
      ...current.policy,
      basedOnVersion: 1,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as OrganisationPolicy).version).toBe(1);
    expect(await countRows(t.db, 'policy_versions')).toBe(1);
    expect((await policyActions(t)).map((a) => a.action)).toEqual(['policy.create']);
  });

  it('refuses everyone but admins (403, the refusal audited) and nobody signed in (401)', async () => {
    const t = ctx();
    const edit = editOf(await policyOf(t));
    for (const role of ['reviewer', 'tutor', 'guardian', 'student'] as const) {
      const account = await signedInAs(t, role);
      const res = await asAccount(t, account, 'PUT', '/api/admin/policy', edit);
      expect(res.status, role).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    expect((await asAccount(t, null, 'PUT', '/api/admin/policy', edit)).status).toBe(401);
    const tutor = await signedInAs(t, 'tutor');
    expect((await asAccount(t, tutor, 'GET', '/api/admin/policy/versions')).status).toBe(403);
    expect((await asAccount(t, null, 'GET', '/api/admin/policy/versions')).status).toBe(401);

    expect(await countRows(t.db, 'policy_versions')).toBe(1);
    const denied = (await policyActions(t)).filter((a) => a.outcome === 'denied');
    expect(denied.map((d) => [d.action, d.target_id, d.detail])).toEqual([
      ...['reviewer', 'tutor', 'guardian', 'student'].map(() => [
        'policy.update',
        'current',
        { method: 'PUT', path: '/api/admin/policy' },
      ]),
      ['policy.history', 'versions', { method: 'GET', path: '/api/admin/policy/versions' }],
    ]);
  });

  it('refuses an edit of an older version (409 policy_version_stale) and writes nothing', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const other = await signedInAs(t, 'admin');
    const v1 = await policyOf(t);
    expect((await asAccount(t, other, 'PUT', '/api/admin/policy', editOf(v1))).status).toBe(200);
    const auditBefore = await countRows(t.db, 'audit_log');

    for (const basedOnVersion of [1, 3]) {
      const stale = await asAccount(t, admin, 'PUT', '/api/admin/policy', {
        ...editOf(v1),
        withdrawalRule: 'erase',
        basedOnVersion,
      });
      expect(stale.status).toBe(409);
      const error = await errorOf(stale);
      expect(error.code).toBe('policy_version_stale');
      expect(error.message).toContain('version 2');
    }
    expect(await countRows(t.db, 'policy_versions')).toBe(2);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('refuses bad input with validation_failed naming each field, and writes nothing', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const current = await policyOf(t);
    const [first, second] = current.policy.purposes;
    const auditBefore = await countRows(t.db, 'audit_log');
    const cases: [string, unknown, string][] = [
      ['duplicate purpose ids', { purposes: [first, { ...second, id: first?.id }] }, 'purposes.1.id'],
      ['retention of 0 days', { purposes: [{ ...first, retentionDays: 0 }] }, 'purposes.0.retentionDays'],
      ['an empty notice', { noticeText: '   ' }, 'noticeText'],
      ['no purposes', { purposes: [] }, 'purposes'],
      ['an unknown withdrawal rule', { withdrawalRule: 'shred' }, 'withdrawalRule'],
      [
        'a participant as viewer role',
        { purposes: [{ ...first, viewerRoles: ['guardian'] }] },
        'purposes.0.viewerRoles.0',
      ],
    ];
    for (const [what, change, field] of cases) {
      const res = await asAccount(t, admin, 'PUT', '/api/admin/policy', {
        ...current.policy,
        basedOnVersion: 1,
        ...(change as object),
      });
      expect(res.status, what).toBe(400);
      const error = await errorOf(res);
      expect(error.code, what).toBe('validation_failed');
      expect(
        error.issues?.map((i) => i.path),
        what,
      ).toContain(field);
    }
    const noVersion = await asAccount(t, admin, 'PUT', '/api/admin/policy', current.policy);
    expect((await errorOf(noVersion)).issues?.map((i) => i.path)).toEqual(['basedOnVersion']);
    expect(await countRows(t.db, 'policy_versions')).toBe(1);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
  });
});
