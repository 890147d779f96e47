import type {
  InvitationCreated,
  InvitationPreview,
  MeResponse,
  RecordingPreference,
  StudentList,
} from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { agreedGuardian, enrolStudent, ensureTestPolicy } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

const password = 'a long enough password';
const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

async function registerFromEnrolment(t: TestApp, link: string, name: string): Promise<TestAccount> {
  const res = await t.app.request(`/api/invitations/${tokenOf(link)}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://assent.test' },
    body: JSON.stringify({ name, password }),
  });
  if (res.status !== 201) throw new Error(`accept failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as MeResponse;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => c?.includes('session_token'))
    .join('; ');
  return { userId: me.user?.id ?? '', role: 'guardian', name, email: me.user?.email ?? '', password, cookie };
}

describe.each(testDatabases)('families ($name)', (database) => {
  const ctx = useTestApp(database);

  it('enrols a family: the guardian registers, agrees (version and time kept), then the child is enrolled', async () => {
    const t = ctx();
    await ensureTestPolicy(t);
    const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
    const res = await asAccount(t, tutor, 'POST', '/api/families/invitations', {
      guardianEmail: 'pat@example.org',
      children: [{ name: 'Sam' }],
    });
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as InvitationCreated;
    const preview = (await (
      await t.app.request(`/api/invitations/${tokenOf(link ?? '')}`)
    ).json()) as InvitationPreview;
    expect(preview).toMatchObject({
      kind: 'family',
      role: 'guardian',
      email: 'pat@example.org',
      invitedBy: 'Dana Tutor',
    });
    expect(preview.children).toMatchObject([{ name: 'Sam', minor: true }]);

    const pat = await registerFromEnrolment(t, link ?? '', 'Pat Guardian');
    const before = (await (await asAccount(t, pat, 'GET', '/api/me/students')).json()) as StudentList;
    expect(before.students).toMatchObject([
      { name: 'Sam', minor: true, enrolled: false, guardians: [{ name: 'Pat Guardian', agreed: false }] },
    ]);
    const me = (await (await asAccount(t, pat, 'GET', '/api/me')).json()) as MeResponse;
    expect(me.agreement).toEqual({ agreedVersion: null, agreedAt: null, currentVersion: 1, covers: false });

    const tooEarly = await asAccount(t, pat, 'POST', '/api/me/students', { name: 'Max' });
    expect(tooEarly.status).toBe(409);
    expect((await errorOf(tooEarly)).code).toBe('agreement_required');
    const notAdult = await asAccount(t, pat, 'POST', '/api/me/agreement', {
      policyVersion: 1,
      adultConfirmed: false,
    });
    expect(notAdult.status).toBe(400);
    const stale = await asAccount(t, pat, 'POST', '/api/me/agreement', {
      policyVersion: 7,
      adultConfirmed: true,
    });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).code).toBe('policy_version_stale');
    expect(await countRows(t.db, 'guardian_agreements')).toBe(0);

    const agreed = await asAccount(t, pat, 'POST', '/api/me/agreement', {
      policyVersion: 1,
      adultConfirmed: true,
    });
    expect(agreed.status).toBe(201);
    const kept = await t.db.selectFrom('guardian_agreements').selectAll().executeTakeFirstOrThrow();
    expect(kept).toMatchObject({
      user_id: pat.userId,
      policy_version: 1,
      adult_confirmed: 1,
      agreed_at: t.clock.now.toISOString(),
    });

    const added = await asAccount(t, pat, 'POST', '/api/me/students', { name: 'Max', minor: true });
    expect(added.status).toBe(201);
    const after = (await (await asAccount(t, pat, 'GET', '/api/me/students')).json()) as StudentList;
    expect(after.students.map((s) => [s.name, s.enrolled])).toEqual([
      ['Max', true],
      ['Sam', true],
    ]);
    const tutorView = (await (await asAccount(t, tutor, 'GET', '/api/students')).json()) as StudentList;
    expect(tutorView.students.map((s) => s.name)).toEqual(['Max', 'Sam']);
    const actions = (await t.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['invitation.create', 'account.create', 'agreement.give', 'student.add']),
    );
  });

  it("keeps a guardian's 'do not record' for their child with its history; nobody else may set it", async () => {
    const t = ctx();
    const pat = await agreedGuardian(t, 'Pat');
    const sam = await enrolStudent(t, 'Sam', true, [pat]);
    const path = `/api/students/${sam}/recording-preference`;
    expect((await asAccount(t, pat, 'PUT', path, { doNotRecord: true })).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const res = await asAccount(t, pat, 'PUT', path, { doNotRecord: false });
    const preference = (await res.json()) as RecordingPreference;
    expect(preference.doNotRecord).toBe(false);
    expect(preference.history.map((h) => [h.doNotRecord, h.changedBy])).toEqual([
      [false, 'Pat'],
      [true, 'Pat'],
    ]);

    const otherGuardian = await agreedGuardian(t, 'Olga');
    const tutor = await signedInAs(t, 'tutor');
    for (const account of [otherGuardian, tutor, await signedInAs(t, 'student')]) {
      const refused = await asAccount(t, account, 'PUT', path, { doNotRecord: true });
      expect(refused.status).toBe(403);
    }
    expect((await asAccount(t, tutor, 'GET', path)).status).toBe(200);
    expect((await asAccount(t, otherGuardian, 'GET', path)).status).toBe(403);
    expect(
      (await asAccount(t, pat, 'PUT', '/api/students/nope/recording-preference', { doNotRecord: true }))
        .status,
    ).toBe(404);
    expect(await countRows(t.db, 'recording_preference_changes')).toBe(2);
    const denied = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.filter((d) => d.action === 'student.set_preference')).toHaveLength(3);
  });

  it('lets an adult student with their own sign-in set it for themselves', async () => {
    const t = ctx();
    const pat = await agreedGuardian(t, 'Pat');
    const cleo = await enrolStudent(t, 'Cleo', false, [pat]);
    const invited = await asAccount(t, pat, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'cleo@example.org',
    });
    expect(invited.status).toBe(201);
    const { link } = (await invited.json()) as InvitationCreated;
    const student = await registerFromEnrolment(t, link ?? '', 'Cleo');
    const mine = (await (await asAccount(t, student, 'GET', '/api/me/students')).json()) as StudentList;
    expect(mine.students.map((s) => s.id)).toEqual([cleo]);
    const path = `/api/students/${cleo}/recording-preference`;
    expect((await asAccount(t, student, 'PUT', path, { doNotRecord: true })).status).toBe(200);
    // With her own sign-in, it is her decision, not her guardian's.
    expect((await asAccount(t, pat, 'PUT', path, { doNotRecord: false })).status).toBe(403);
    // Nor another sign-in for her: her guardian no longer acts for her at all.
    const again = await asAccount(t, pat, 'POST', `/api/students/${cleo}/invitations`, {
      email: 'cleo2@example.org',
    });
    expect(again.status).toBe(403);
  });

  it('refuses enrolment links to guardians and students, and a child-add to anyone but a guardian', async () => {
    const t = ctx();
    for (const role of ['guardian', 'student', 'reviewer'] as const) {
      const account = await signedInAs(t, role);
      const res = await asAccount(t, account, 'POST', '/api/families/invitations', {
        guardianEmail: 'x@example.org',
      });
      expect(res.status).toBe(403);
    }
    const tutor = await signedInAs(t, 'tutor');
    expect((await asAccount(t, tutor, 'POST', '/api/me/students', { name: 'Max' })).status).toBe(403);
    expect(
      (await asAccount(t, tutor, 'POST', '/api/me/agreement', { policyVersion: 1, adultConfirmed: true }))
        .status,
    ).toBe(403);
    const bad = await asAccount(t, tutor, 'POST', '/api/families/invitations', {
      guardianEmail: 'not an email',
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.[0]?.path).toBe('guardianEmail');
    expect(await countRows(t.db, 'invitations')).toBe(0);
    expect(await countRows(t.db, 'students')).toBe(0);
  });
});
