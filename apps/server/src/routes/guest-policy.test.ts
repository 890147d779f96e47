/** Adult guests (people without an account) only where the organisation's policy allows them. */
import type { OrganisationPolicy, PolicyVersionList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { agreedGuardian, enrolledBy, enrolStudent, ensureTestPolicy } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

async function policyOf(t: TestApp): Promise<OrganisationPolicy> {
  return (await (await t.app.request('/api/policy')).json()) as OrganisationPolicy;
}

async function saveGuestsAllowed(t: TestApp, admin: TestAccount, adultGuestsAllowed: boolean) {
  const current = await policyOf(t);
  return asAccount(t, admin, 'PUT', '/api/admin/policy', {
    ...current.policy,
    adultGuestsAllowed,
    basedOnVersion: current.version,
  });
}

describe.each(testDatabases)('adult guests and the policy ($name)', (database) => {
  const ctx = useTestApp(database);

  it('allows guests by default, and reads versions saved before the field existed as allowing them', async () => {
    const t = ctx();
    expect((await policyOf(t)).policy.adultGuestsAllowed).toBe(true);
    // A version saved by an older server: its stored body has no such field.
    const { body } = await t.db.selectFrom('policy_versions').select('body').executeTakeFirstOrThrow();
    const { adultGuestsAllowed: _dropped, ...older } = JSON.parse(body) as Record<string, unknown>;
    await t.db
      .insertInto('policy_versions')
      .values({
        version: 2,
        body: JSON.stringify(older),
        created_at: t.clock.now.toISOString(),
        created_by_user_id: null,
      })
      .execute();
    expect(await policyOf(t)).toMatchObject({ version: 2, policy: { adultGuestsAllowed: true } });
  });

  it('refuses a session with guests once an admin forbids them (audited change), and still takes students', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const admin = await signedInAs(t, 'admin');
    const saved = await saveGuestsAllowed(t, admin, false);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as OrganisationPolicy).policy.adultGuestsAllowed).toBe(false);
    const history = (await (
      await asAccount(t, admin, 'GET', '/api/admin/policy/versions')
    ).json()) as PolicyVersionList;
    expect(history.versions[0]?.changes).toEqual([
      { field: 'adultGuestsAllowed', before: true, after: false },
    ]);

    const tutor = await signedInAs(t, 'tutor');
    const pat = await agreedGuardian(t, 'Pat');
    const sam = await enrolStudent(t, 'Sam', true, [pat]);
    await enrolledBy(t, tutor, sam);
    const refused = await asAccount(t, tutor, 'POST', '/api/sessions', {
      title: 'With an observer',
      studentIds: [sam],
      guests: [{ name: 'Ola Observer' }],
    });
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({
      code: 'guests_not_allowed',
      message: expect.stringContaining('does not allow guests'),
    });
    expect(await countRows(t.db, 'sessions')).toBe(0);
    expect(await countRows(t.db, 'people')).toBe(0);

    const studentsOnly = await asAccount(t, tutor, 'POST', '/api/sessions', {
      title: 'Just Sam',
      studentIds: [sam],
    });
    expect(studentsOnly.status).toBe(201);

    expect((await saveGuestsAllowed(t, admin, true)).status).toBe(200);
    const allowedAgain = await asAccount(t, tutor, 'POST', '/api/sessions', {
      title: 'With an observer',
      guests: [{ name: 'Ola Observer' }],
    });
    expect(allowedAgain.status).toBe(201);
  });

  it('refuses a policy save that leaves the field out, naming it', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const current = await policyOf(t);
    const { adultGuestsAllowed: _left, ...rest } = current.policy;
    const res = await asAccount(t, admin, 'PUT', '/api/admin/policy', {
      ...rest,
      basedOnVersion: current.version,
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.map((i) => i.path)).toEqual(['adultGuestsAllowed']);
    expect(await countRows(t.db, 'policy_versions')).toBe(1);
  });
});
