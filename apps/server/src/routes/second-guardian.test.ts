/** A second guardian for a child already enrolled: the invitation, the new account, and its seats. */
import type {
  InvitationCreated,
  InvitationPreview,
  InvitePreview,
  MeResponse,
  MySessionList,
  StudentList,
} from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-verify';
import { acceptLink, asAccount, signedInAs } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { buildSession, seatsOf } from '../test-support/organisation';
import { buildTestApp, errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

/** Sam (a minor, Pat's child) in two of Dana's sessions, and a third session without Sam. */
async function family(t: TestApp) {
  const built = await buildSession(t);
  const pat = built.guardians['Pat Guardian'];
  const sam = built.studentIds['Sam Student'];
  if (!pat || !sam) throw new Error('sample session has Pat and Sam');
  const create = async (studentIds: string[], guests: { name: string }[] = []) => {
    const res = await asAccount(t, built.tutor, 'POST', '/api/sessions', {
      title: 'More algebra',
      studentIds,
      guests,
    });
    return ((await res.json()) as { sessionId: string }).sessionId;
  };
  const second = await create([sam]);
  const withoutSam = await create([], [{ name: 'Ola Observer' }]);
  return { ...built, pat, sam, sessions: [built.created.sessionId, second], withoutSam };
}

describe.each(testDatabases)('a second guardian for an enrolled child ($name)', (database) => {
  const ctx = useTestApp(database);

  it("links the new guardian to the child and seats them in the child's sessions, audited", async () => {
    const t = ctx();
    const { pat, sam, sessions, withoutSam } = await family(t);
    const res = await asAccount(t, pat, 'POST', `/api/students/${sam}/guardian-invitations`, {
      email: 'Robin@Example.org',
    });
    expect(res.status).toBe(201);
    const invitation = (await res.json()) as InvitationCreated;
    expect(invitation).toMatchObject({ email: 'robin@example.org', role: 'guardian', mailed: false });

    const preview = (await (
      await t.app.request(`/api/invitations/${tokenOf(invitation.link ?? '')}`)
    ).json()) as InvitationPreview;
    expect(preview).toMatchObject({
      kind: 'family',
      role: 'guardian',
      email: 'robin@example.org',
      invitedBy: 'Pat Guardian',
      additionalGuardian: true,
      children: [{ id: sam, name: 'Sam Student', minor: true }],
    });

    const robin = await acceptLink(t, invitation.link ?? '', 'Robin Guardian', 'guardian');
    // Robin agrees to the policy like any guardian: the account starts without an agreement.
    const me = (await (await asAccount(t, robin, 'GET', '/api/me')).json()) as MeResponse;
    expect(me).toMatchObject({ user: { role: 'guardian' }, agreement: { agreedVersion: null } });
    const children = (await (await asAccount(t, robin, 'GET', '/api/me/students')).json()) as StudentList;
    expect(children.students).toMatchObject([
      { id: sam, enrolled: true, guardians: [{ name: 'Pat Guardian' }, { name: 'Robin Guardian' }] },
    ]);

    // A guardian seat in each of Sam's sessions, after everyone there, linked to Sam's seat (rule 3).
    for (const sessionId of sessions) {
      const seats = await seatsOf(t, sessionId);
      expect(seats.map((s) => [s.name, s.role])).toEqual([
        ['Dana Tutor', 'tutor'],
        ['Sam Student', 'student'],
        ['Pat Guardian', 'guardian'],
        ['Robin Guardian', 'guardian'],
      ]);
      const seat = seats[3];
      const row = await t.db
        .selectFrom('people')
        .selectAll()
        .where('id', '=', seat?.personId ?? '')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ user_id: robin.userId, minor: 0, student_id: null, position: 3 });
      const links = await t.db
        .selectFrom('guardian_links')
        .select('student_person_id')
        .where('guardian_person_id', '=', seat?.personId ?? '')
        .execute();
      expect(links).toEqual([{ student_person_id: seats[1]?.personId }]);
      const joinPreview = await t.app.request(`/api/invites/${seat?.token}`);
      expect(((await joinPreview.json()) as InvitePreview).consentsFor).toEqual(['Sam Student']);
    }
    expect((await seatsOf(t, withoutSam)).map((s) => s.name)).not.toContain('Robin Guardian');

    const mine = (await (await asAccount(t, robin, 'GET', '/api/me/sessions')).json()) as MySessionList;
    expect(mine.sessions.map((s) => s.sessionId).sort()).toEqual([...sessions].sort());
    expect(mine.sessions[0]).toMatchObject({ role: 'guardian', children: [{ name: 'Sam Student' }] });
    expect(mine.sessions[0]?.children[0]?.joinUrl).toMatch(/\/join\//);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'detail', 'actor_user_id'])
      .where('action', 'in', ['invitation.create', 'account.create', 'session.guardian_seated'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.target_id])).toEqual([
      ['invitation.create', invitation.invitationId],
      ['session.guardian_seated', expect.any(String)],
      ['session.guardian_seated', expect.any(String)],
      ['account.create', robin.userId],
    ]);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ kind: 'family', studentId: sam });
    expect(
      audit
        .slice(1, 3)
        .map((a) => a.target_id)
        .sort(),
    ).toEqual([...sessions].sort());
    expect(JSON.parse(audit[1]?.detail ?? '{}')).toMatchObject({
      guardianUserId: robin.userId,
      newSeat: true,
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true });
  });

  it('lets an admin invite one too, and refuses tutors, strangers and students (audited), writing nothing', async () => {
    const t = ctx();
    const { sam, tutor } = await family(t);
    const path = `/api/students/${sam}/guardian-invitations`;
    const admin = await signedInAs(t, 'admin');
    expect((await asAccount(t, admin, 'POST', path, { email: 'kit@example.org' })).status).toBe(201);
    const before = await countRows(t.db, 'invitations');

    const stranger = await signedInAs(t, 'guardian', 'Olga Other');
    for (const account of [
      tutor,
      stranger,
      await signedInAs(t, 'student'),
      await signedInAs(t, 'reviewer'),
    ]) {
      const refused = await asAccount(t, account, 'POST', path, { email: 'lee@example.org' });
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).code).toBe('forbidden');
    }
    expect((await asAccount(t, null, 'POST', path, { email: 'lee@example.org' })).status).toBe(401);
    const denied = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual(
      Array.from({ length: 4 }, () => ({ action: 'student.invite_guardian', target_id: sam })),
    );
    expect(await countRows(t.db, 'invitations')).toBe(before);
  });

  it('answers bad input, unknown children and taken addresses with stable codes, writing nothing', async () => {
    const t = ctx();
    const { pat, sam, tutor } = await family(t);
    const before = await countRows(t.db, 'invitations');
    const bad = await asAccount(t, pat, 'POST', `/api/students/${sam}/guardian-invitations`, {
      email: 'not an email',
    });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({ code: 'validation_failed', issues: [{ path: 'email' }] });
    const unknown = await asAccount(t, pat, 'POST', '/api/students/nobody/guardian-invitations', {
      email: 'lee@example.org',
    });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('not_found');
    const taken = await asAccount(t, pat, 'POST', `/api/students/${sam}/guardian-invitations`, {
      email: tutor.email,
    });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).code).toBe('email_taken');
    expect(await countRows(t.db, 'invitations')).toBe(before);
  });

  it('mails the invitation, naming the child, when SMTP_URL is set', async () => {
    const catcher = await startMailCatcher();
    try {
      const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
      const { pat, sam } = await family(t);
      const res = await asAccount(t, pat, 'POST', `/api/students/${sam}/guardian-invitations`, {
        email: 'robin@example.org',
      });
      expect(await res.json()).toMatchObject({ mailed: true, link: null });
      const mail = catcher.received.at(-1)?.raw.replace(/=\r?\n/g, '') ?? '';
      expect(mail).toContain(
        'Pat Guardian has invited you to register as a parent or guardian of Sam Student',
      );
      const link = catcher.linkSentTo('robin@example.org');
      const robin = await acceptLink(t, link ?? '', 'Robin Guardian', 'guardian');
      const children = (await (await asAccount(t, robin, 'GET', '/api/me/students')).json()) as StudentList;
      expect(children.students.map((s) => s.id)).toEqual([sam]);
    } finally {
      await catcher.close();
    }
  });
});
