/**
 * An adult student's own sign-in, and who acts for them. Only an admin, or the tutor or guardian who
 * enrolled them, may give them a sign-in, and only to the address on record; an invitation never makes
 * its sender their tutor; a guardian acts for an adult only while the adult has no sign-in of their own.
 */
import type { InvitationCreated, StudentList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { acceptLink, asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { ensureTestPolicy } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

/** Tutor Dana enrols Pat's family naming Cleo, an adult; Pat registers from the link and agrees. */
async function cleoEnrolledByDana(t: TestApp) {
  await ensureTestPolicy(t);
  const dana = await signedInAs(t, 'tutor', 'Dana Tutor');
  const res = await asAccount(t, dana, 'POST', '/api/families/invitations', {
    guardianEmail: 'pat@example.org',
    children: [{ name: 'Cleo Adult', minor: false }],
  });
  const pat = await acceptLink(t, ((await res.json()) as InvitationCreated).link ?? '', 'Pat', 'guardian');
  await asAccount(t, pat, 'POST', '/api/me/agreement', { policyVersion: 1, adultConfirmed: true });
  const cleo = await t.db
    .selectFrom('students')
    .select('id')
    .where('name', '=', 'Cleo Adult')
    .executeTakeFirstOrThrow();
  return { dana, pat, cleo: cleo.id };
}

const picker = async (t: TestApp, tutor: TestAccount) =>
  ((await (await asAccount(t, tutor, 'GET', '/api/students')).json()) as StudentList).students.map(
    (s) => s.name,
  );

const invitationsFor = async (t: TestApp, studentId: string) =>
  t.db
    .selectFrom('invitations')
    .select(['email', 'invited_by_user_id'])
    .where('student_id', '=', studentId)
    .execute();

describe.each(testDatabases)("an adult student's own sign-in ($name)", (database) => {
  const ctx = useTestApp(database);

  it('refuses a tutor who did not enrol her, audited, writing nothing; an invitation never makes anyone her tutor', async () => {
    const t = ctx();
    const { cleo } = await cleoEnrolledByDana(t);
    const olga = await signedInAs(t, 'tutor', 'Olga Other');
    const refused = await asAccount(t, olga, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'olga-controls-this@example.org',
    });
    expect(refused.status).toBe(403);
    expect(await invitationsFor(t, cleo)).toEqual([]);
    const denial = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denial).toEqual([{ action: 'student.invite', actor_user_id: olga.userId }]);

    // An invitation for her sent by Olga (as the old rule allowed) does not put her in Olga's picker.
    const at = t.clock.now.toISOString();
    await t.db
      .insertInto('invitations')
      .values({
        id: crypto.randomUUID(),
        kind: 'student',
        token_hash: crypto.randomUUID(),
        email: 'olga-controls-this@example.org',
        role: 'student',
        invited_by_user_id: olga.userId,
        created_at: at,
        expires_at: at,
        used_at: null,
        used_by_user_id: null,
        student_id: cleo,
      })
      .execute();
    expect(await picker(t, olga)).toEqual([]);
    const chosen = await asAccount(t, olga, 'POST', '/api/sessions', {
      title: 'Takeover',
      studentIds: [cleo],
    });
    expect(chosen.status).toBe(400);
  });

  it('lets the enrolling tutor send it once, to the address then on record; others only to that address, admins may change it', async () => {
    const t = ctx();
    const { dana, pat, cleo } = await cleoEnrolledByDana(t);
    expect(await picker(t, dana)).toEqual(['Cleo Adult']);
    const first = await asAccount(t, dana, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'cleo@example.org',
    });
    expect(first.status).toBe(201);
    const student = await t.db
      .selectFrom('students')
      .select('email')
      .where('id', '=', cleo)
      .executeTakeFirstOrThrow();
    expect(student.email).toBe('cleo@example.org');

    // Pat registered from Dana's enrolment naming her, so Pat enrolled her too; but not elsewhere.
    const elsewhere = await asAccount(t, pat, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'pat-second-inbox@example.org',
    });
    expect(elsewhere.status).toBe(409);
    expect((await errorOf(elsewhere)).code).toBe('email_not_on_record');
    const again = await asAccount(t, pat, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'cleo@example.org',
    });
    expect(again.status).toBe(201);

    const admin = await signedInAs(t, 'admin');
    const corrected = await asAccount(t, admin, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'cleo.new@example.org',
    });
    expect(corrected.status).toBe(201);
    expect((await invitationsFor(t, cleo)).map((i) => i.email)).toEqual([
      'cleo@example.org',
      'cleo@example.org',
      'cleo.new@example.org',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'invitation.create')
      .where('actor_user_id', '=', admin.userId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ emailRecorded: true, replacedEmail: true });
  });

  it('lets her guardian act for her only while she has no sign-in of her own', async () => {
    const t = ctx();
    const { pat, cleo, dana } = await cleoEnrolledByDana(t);
    // While she has none, Pat asks for her data and invites another guardian.
    const asked = await asAccount(t, pat, 'POST', '/api/me/access-requests', {
      subject: { kind: 'student', studentId: cleo },
    });
    expect(asked.status).toBe(201);

    const sent = await asAccount(t, dana, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'cleo@example.org',
    });
    await acceptLink(t, ((await sent.json()) as InvitationCreated).link ?? '', 'Cleo Adult', 'student');

    const refusals = [
      await asAccount(t, pat, 'POST', '/api/me/access-requests', {
        subject: { kind: 'student', studentId: cleo },
      }),
      await asAccount(t, pat, 'GET', `/api/students/${cleo}/recording-preference`),
      await asAccount(t, pat, 'PUT', `/api/students/${cleo}/recording-preference`, { doNotRecord: true }),
      await asAccount(t, pat, 'POST', `/api/students/${cleo}/guardian-invitations`, {
        email: 'x@example.org',
      }),
      await asAccount(t, pat, 'POST', `/api/students/${cleo}/invitations`, { email: 'cleo@example.org' }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    const requests = await t.db.selectFrom('access_requests').select('id').execute();
    expect(requests).toHaveLength(1);
  });
});
