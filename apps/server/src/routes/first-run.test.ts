import type { FirstRunChecklist } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { insertPolicyVersion, latestPolicyVersion, policyVersion } from '../policy/policy-repository';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { agreedGuardian, enrolStudent, ensureTestPolicy } from '../test-support/organisation';
import type { TestApp } from '../test-support/test-app';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function checklistOf(t: TestApp, admin: TestAccount): Promise<FirstRunChecklist> {
  const res = await asAccount(t, admin, 'GET', '/api/admin/first-run');
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as FirstRunChecklist;
}

const reviewsAudited = (t: TestApp) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'target_id', 'outcome'])
    .where('action', '=', 'policy.review')
    .execute();

describe.each(testDatabases)('the first-run checklist ($name)', (database) => {
  const ctx = useTestApp(database);

  it('starts with nothing done and ticks each step off from what exists', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    expect(await checklistOf(t, admin)).toEqual({
      staffInvited: false,
      policyReviewed: false,
      familyEnrolled: false,
    });

    const invited = await asAccount(t, admin, 'POST', '/api/admin/invitations', {
      email: 'tutor-one@example.org',
      role: 'tutor',
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    expect((await checklistOf(t, admin)).staffInvited).toBe(true);

    const guardian = await agreedGuardian(t, 'Pat Guardian');
    // A guardian is not staff: only the child enrolled ticks the family step.
    expect((await checklistOf(t, admin)).familyEnrolled).toBe(false);
    await enrolStudent(t, 'Sam', true, [guardian]);
    expect(await checklistOf(t, admin)).toEqual({
      staffInvited: true,
      policyReviewed: false,
      familyEnrolled: true,
    });
  });

  it('counts another staff account as staff invited, never the admin asking', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    await signedInAs(t, 'guardian');
    expect((await checklistOf(t, admin)).staffInvited).toBe(false);
    await signedInAs(t, 'reviewer');
    expect((await checklistOf(t, admin)).staffInvited).toBe(true);
  });

  it('marks the policy in force reviewed once per admin and version, audited', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    const version = await latestPolicyVersion(t.db);
    const res = await asAccount(t, admin, 'POST', '/api/admin/policy/review');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as FirstRunChecklist).policyReviewed).toBe(true);
    expect((await checklistOf(t, admin)).policyReviewed).toBe(true);
    // Pressed again: nothing new to say, nothing written.
    expect((await asAccount(t, admin, 'POST', '/api/admin/policy/review')).status).toBe(200);
    expect(await reviewsAudited(t)).toEqual([
      { actor_user_id: admin.userId, target_id: String(version), outcome: 'done' },
    ]);
    const rows = await t.db.selectFrom('policy_reviews').selectAll().execute();
    expect(rows.map((r) => [Number(r.policy_version), r.reviewed_by_user_id])).toEqual([
      [version, admin.userId],
    ]);
  });

  it('counts a version an admin saved as reviewed, but not the defaults written at set-up', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    expect((await checklistOf(t, admin)).policyReviewed).toBe(false);
    const version = (await latestPolicyVersion(t.db)) ?? 0;
    const current = await policyVersion(t.db, version);
    if (!current) throw new Error('no policy');
    await insertPolicyVersion(t.db, {
      version: version + 1,
      policy: current.policy,
      createdAt: t.clock.now.toISOString(),
      createdBy: admin.userId,
    });
    expect((await checklistOf(t, admin)).policyReviewed).toBe(true);
  });

  it('refuses everyone but admins, and audits the refusal', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const tutor = await signedInAs(t, 'tutor');
    expect((await asAccount(t, tutor, 'GET', '/api/admin/first-run')).status).toBe(403);
    expect((await asAccount(t, tutor, 'POST', '/api/admin/policy/review')).status).toBe(403);
    expect(await reviewsAudited(t)).toEqual([
      { actor_user_id: tutor.userId, target_id: null, outcome: 'denied' },
    ]);
    expect(await t.db.selectFrom('policy_reviews').selectAll().execute()).toEqual([]);
  });
});
