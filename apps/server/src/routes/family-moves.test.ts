import type { FamilyList, StudentList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const pickable = async (t: TestApp, tutor: TestAccount) =>
  ((await (await asAccount(t, tutor, 'GET', '/api/students')).json()) as StudentList).students.map(
    (s) => s.name,
  );

describe.each(testDatabases)('moving a family to another tutor ($name)', (database) => {
  const ctx = useTestApp(database);

  it('gives the children to the new tutor; the sessions already made keep their owner; audited', async () => {
    const t = ctx();
    const { created, tutor, guardians, studentIds } = await buildSession(t);
    const pat = guardians['Pat Guardian'] as TestAccount;
    const olga = await signedInAs(t, 'tutor', 'Olga Other');
    const admin = await signedInAs(t, 'admin');
    expect(await pickable(t, tutor)).toEqual(['Sam Student']);
    expect(await pickable(t, olga)).toEqual([]);

    const listed = (await (await asAccount(t, admin, 'GET', '/api/admin/families')).json()) as FamilyList;
    expect(listed.families).toMatchObject([
      { guardianName: 'Pat Guardian', children: [{ name: 'Sam Student', tutorName: 'Dana Tutor' }] },
    ]);
    expect(listed.tutors.map((x) => x.name)).toEqual(['Dana Tutor', 'Olga Other']);

    const moved = await asAccount(t, admin, 'POST', `/api/admin/families/${pat.userId}/tutor`, {
      tutorUserId: olga.userId,
    });
    expect(moved.status).toBe(200);
    expect(await pickable(t, tutor)).toEqual([]);
    expect(await pickable(t, olga)).toEqual(['Sam Student']);
    const after = (await (await asAccount(t, admin, 'GET', '/api/admin/families')).json()) as FamilyList;
    expect(after.families[0]?.children[0]?.tutorName).toBe('Olga Other');

    // The session Dana made is still Dana's; new ones with Sam are Olga's to make.
    const session = await t.db
      .selectFrom('sessions')
      .select('owner_user_id')
      .where('id', '=', created.sessionId)
      .executeTakeFirstOrThrow();
    expect(session.owner_user_id).toBe(tutor.userId);
    const sam = studentIds['Sam Student'];
    const byOlga = await asAccount(t, olga, 'POST', '/api/sessions', { title: 'Next', studentIds: [sam] });
    expect(byOlga.status).toBe(201);
    const byDana = await asAccount(t, tutor, 'POST', '/api/sessions', { title: 'Next', studentIds: [sam] });
    expect(byDana.status).toBe(400);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'family.move')
      .execute();
    expect(audit).toEqual([{ action: 'family.move', target_id: pat.userId }]);
  });

  it('is for admins only, to a tutor, for a family that exists', async () => {
    const t = ctx();
    const { tutor, guardians } = await buildSession(t);
    const pat = guardians['Pat Guardian'] as TestAccount;
    const admin = await signedInAs(t, 'admin');
    const path = `/api/admin/families/${pat.userId}/tutor`;
    expect((await asAccount(t, tutor, 'POST', path, { tutorUserId: tutor.userId })).status).toBe(403);
    expect((await asAccount(t, tutor, 'GET', '/api/admin/families')).status).toBe(403);
    expect((await asAccount(t, pat, 'POST', path, { tutorUserId: tutor.userId })).status).toBe(403);
    const notTutor = await asAccount(t, admin, 'POST', path, { tutorUserId: pat.userId });
    expect(notTutor.status).toBe(400);
    expect((await errorOf(notTutor)).code).toBe('validation_failed');
    const noFamily = await asAccount(t, admin, 'POST', `/api/admin/families/${tutor.userId}/tutor`, {
      tutorUserId: tutor.userId,
    });
    expect(noFamily.status).toBe(404);
  });
});
