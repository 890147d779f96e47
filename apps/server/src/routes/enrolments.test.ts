import type { PendingEnrolment, PendingEnrolmentList, StudentList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { agreedGuardian, buildSession } from '../test-support/organisation';
import { buildTestApp, errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

async function ask(t: TestApp, by: TestAccount, guardianEmail: string, name = 'Max') {
  return asAccount(t, by, 'POST', '/api/families/enrolments', { guardianEmail, children: [{ name }] });
}

async function waiting(t: TestApp, guardian: TestAccount) {
  const res = await asAccount(t, guardian, 'GET', '/api/me/enrolments');
  expect(res.status).toBe(200);
  return ((await res.json()) as PendingEnrolmentList).enrolments;
}

const childrenOf = async (t: TestApp, guardian: TestAccount) =>
  ((await (await asAccount(t, guardian, 'GET', '/api/me/students')).json()) as StudentList).students;

const auditActions = async (t: TestApp) =>
  (await t.db.selectFrom('audit_log').select(['action', 'outcome']).orderBy('seq').execute()).map(
    (r) => `${r.action}:${r.outcome}`,
  );

describe.each(testDatabases)('another child for an existing guardian ($name)', (database) => {
  const ctx = useTestApp(database);

  it('creates nothing in the guardian’s name until they confirm; mails them; then enrols the child with them', async () => {
    const catcher = await startMailCatcher();
    const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
    try {
      const { tutor, guardians } = await buildSession(t);
      const pat = guardians['Pat Guardian'] as TestAccount;
      const studentsBefore = await countRows(t.db, 'students');
      const guardianshipsBefore = await countRows(t.db, 'guardianships');

      const res = await ask(t, tutor, pat.email.toUpperCase());
      expect(res.status).toBe(201);
      const [asked] = ((await res.json()) as PendingEnrolmentList).enrolments;
      expect(asked).toMatchObject({ childName: 'Max', minor: true, status: 'pending', mailed: true });
      // Nothing in Pat's name yet: no student, no guardianship, not in the tutor's list.
      expect(await countRows(t.db, 'students')).toBe(studentsBefore);
      expect(await countRows(t.db, 'guardianships')).toBe(guardianshipsBefore);
      expect((await childrenOf(t, pat)).map((s) => s.name)).toEqual(['Sam Student']);
      // The guardian was mailed (real SMTP) that something awaits them.
      const mail = catcher.received.find((m) => m.to.includes(pat.email));
      expect(mail?.raw).toContain('Dana Tutor asks to enrol Max with you');
      expect(mail?.raw).not.toMatch(/^Subject:.*Max/m);

      expect(await waiting(t, pat)).toMatchObject([
        { id: asked?.id, childName: 'Max', requestedBy: 'Dana Tutor' },
      ]);
      // Asking twice for the same child (or for a child already enrolled) is refused.
      const again = await ask(t, tutor, pat.email, 'max');
      expect(again.status).toBe(409);
      expect((await errorOf(again)).code).toBe('already_enrolled');
      expect((await errorOf(await ask(t, tutor, pat.email, 'Sam Student'))).code).toBe('already_enrolled');

      const confirmed = await asAccount(t, pat, 'POST', `/api/me/enrolments/${asked?.id}/confirm`);
      expect(confirmed.status).toBe(200);
      expect(((await confirmed.json()) as PendingEnrolment).status).toBe('confirmed');
      const children = await childrenOf(t, pat);
      // Pat agreed to the policy in force, so Max may join at once.
      expect(children.find((s) => s.name === 'Max')).toMatchObject({ minor: true, enrolled: true });
      expect(await waiting(t, pat)).toEqual([]);
      // The tutor who asked teaches Max: Max is in their picker.
      const picker = (await (await asAccount(t, tutor, 'GET', '/api/students')).json()) as StudentList;
      expect(picker.students.map((s) => s.name)).toContain('Max');

      const twice = await asAccount(t, pat, 'POST', `/api/me/enrolments/${asked?.id}/confirm`);
      expect(twice.status).toBe(409);
      expect((await errorOf(twice)).code).toBe('enrolment_not_pending');
      expect(await auditActions(t)).toEqual(
        expect.arrayContaining(['enrolment.request:done', 'enrolment.confirm:done']),
      );
    } finally {
      await catcher.close();
    }
  });

  it('declines with nothing made; refuses answers from anyone but that guardian, and unknown guardians', async () => {
    const t = ctx();
    const { tutor, guardians } = await buildSession(t);
    const pat = guardians['Pat Guardian'] as TestAccount;
    const other = await agreedGuardian(t, 'Hugo Guardian');
    const [asked] = ((await (await ask(t, tutor, pat.email)).json()) as PendingEnrolmentList).enrolments;
    const studentsBefore = await countRows(t.db, 'students');

    // Another guardian does not see it, and cannot answer it; a tutor may not answer at all.
    expect(await waiting(t, other)).toEqual([]);
    expect((await asAccount(t, other, 'POST', `/api/me/enrolments/${asked?.id}/confirm`)).status).toBe(404);
    expect((await asAccount(t, tutor, 'POST', `/api/me/enrolments/${asked?.id}/confirm`)).status).toBe(403);

    const declined = await asAccount(t, pat, 'POST', `/api/me/enrolments/${asked?.id}/decline`);
    expect(declined.status).toBe(200);
    expect(await countRows(t.db, 'students')).toBe(studentsBefore);
    for (const answer of ['confirm', 'decline']) {
      const late = await asAccount(t, pat, 'POST', `/api/me/enrolments/${asked?.id}/${answer}`);
      expect(late.status).toBe(409);
      expect((await errorOf(late)).code).toBe('enrolment_declined');
    }
    expect(await countRows(t.db, 'students')).toBe(studentsBefore);

    const nobody = await ask(t, tutor, 'nobody@example.org');
    expect(nobody.status).toBe(404);
    // A staff address is not a guardian's.
    expect((await ask(t, tutor, tutor.email)).status).toBe(404);
    // Guardians and students do not enrol other families' children.
    expect((await ask(t, pat, other.email)).status).toBe(403);
    expect(await auditActions(t)).toEqual(
      expect.arrayContaining([
        'enrolment.decline:done',
        'enrolment.answer:denied',
        'enrolment.request:denied',
      ]),
    );
  });

  it('applies the agreement rule: a guardian who has not agreed confirms, and the child cannot join yet', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const { guardians } = await buildSession(t);
    const newcomer = await signedInAs(t, 'guardian', 'Noor Guardian');
    expect(guardians).toBeDefined();
    const [asked] = ((await (await ask(t, admin, newcomer.email, 'Lea')).json()) as PendingEnrolmentList)
      .enrolments;
    expect((await asAccount(t, newcomer, 'POST', `/api/me/enrolments/${asked?.id}/confirm`)).status).toBe(
      200,
    );
    expect(await childrenOf(t, newcomer)).toMatchObject([{ name: 'Lea', minor: true, enrolled: false }]);
    // An admin's request gives the child no tutor of its own.
    expect(await countRows(t.db, 'student_tutors')).toBe(0);
  });
});
