/** GET /api/students: a tutor picks from their own students only; an admin from every student. */
import type { InvitationCreated, StudentList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { acceptLink, asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { agreedGuardian, enrolStudent, ensureTestPolicy } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const namesSeenBy = async (t: TestApp, account: TestAccount) => {
  const res = await asAccount(t, account, 'GET', '/api/students');
  expect(res.status).toBe(200);
  return ((await res.json()) as StudentList).students.map((s) => s.name);
};

async function enrol(t: TestApp, tutor: TestAccount, email: string, children: string[]) {
  const res = await asAccount(t, tutor, 'POST', '/api/families/invitations', {
    guardianEmail: email,
    children: children.map((name) => ({ name })),
  });
  return ((await res.json()) as InvitationCreated).link ?? '';
}

describe.each(testDatabases)("the tutor's student picker ($name)", (database) => {
  const ctx = useTestApp(database);

  it('lists the families a tutor enrolled and the students in their sessions; admins see everyone', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const dana = await signedInAs(t, 'tutor', 'Dana Tutor');
    const olga = await signedInAs(t, 'tutor', 'Olga Tutor');
    const admin = await signedInAs(t, 'admin');

    // Dana enrols Pat's family naming Sam; Pat registers, agrees and adds Max himself.
    const patLink = await enrol(t, dana, 'pat@example.org', ['Sam']);
    const pat = await acceptLink(t, patLink, 'Pat Guardian', 'guardian');
    await asAccount(t, pat, 'POST', '/api/me/agreement', { policyVersion: 1, adultConfirmed: true });
    await asAccount(t, pat, 'POST', '/api/me/students', { name: 'Max' });
    // Olga enrols Tom's family; nobody has registered yet.
    await enrol(t, olga, 'hugo@example.org', ['Tom']);
    // Cleo was enrolled by her own guardian (no tutor's invitation): Olga may not pick her, but once an
    // admin puts Olga's session together with her in it, she is one of Olga's students.
    const lee = await agreedGuardian(t, 'Lee Guardian');
    const cleo = await enrolStudent(t, 'Cleo', true, [lee]);
    const refused = await asAccount(t, olga, 'POST', '/api/sessions', { title: 'Cleo', studentIds: [cleo] });
    expect(refused.status).toBe(400);
    const session = await asAccount(t, admin, 'POST', '/api/sessions', { title: 'Cleo', studentIds: [cleo] });
    expect(session.status).toBe(201);
    const { sessionId } = (await session.json()) as { sessionId: string };
    await t.db
      .updateTable('sessions')
      .set({ owner_user_id: olga.userId })
      .where('id', '=', sessionId)
      .execute();
    // Nobody's: enrolled without any tutor.
    await enrolStudent(t, 'Nell', true, [lee]);

    expect(await namesSeenBy(t, dana)).toEqual(['Max', 'Sam']);
    expect(await namesSeenBy(t, olga)).toEqual(['Cleo', 'Tom']);
    expect(await namesSeenBy(t, admin)).toEqual(['Cleo', 'Max', 'Nell', 'Sam', 'Tom']);
    const fresh = await signedInAs(t, 'tutor');
    expect(await namesSeenBy(t, fresh)).toEqual([]);
  });

  it('keeps a family the tutor enrolled when a second guardian joins it', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const dana = await signedInAs(t, 'tutor', 'Dana Tutor');
    const pat = await acceptLink(t, await enrol(t, dana, 'pat@example.org', ['Sam']), 'Pat', 'guardian');
    const [sam] = ((await (await asAccount(t, pat, 'GET', '/api/me/students')).json()) as StudentList)
      .students;
    const invited = await asAccount(t, pat, 'POST', `/api/students/${sam?.id}/guardian-invitations`, {
      email: 'robin@example.org',
    });
    await acceptLink(t, ((await invited.json()) as InvitationCreated).link ?? '', 'Robin', 'guardian');
    expect(await namesSeenBy(t, dana)).toEqual(['Sam']);
  });

  it('refuses everyone but tutors and admins, audited', async () => {
    const t = ctx();
    for (const role of ['reviewer', 'guardian', 'student'] as const) {
      const res = await asAccount(t, await signedInAs(t, role), 'GET', '/api/students');
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    expect((await asAccount(t, null, 'GET', '/api/students')).status).toBe(401);
    const denied = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual(Array.from({ length: 3 }, () => ({ action: 'students.list' })));
  });
});
