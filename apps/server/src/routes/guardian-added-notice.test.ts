/** A guardian adding another guardian for a child: the child's other guardians and the admins are told. */
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { startMailCatcher } from '../test-support/mail-catcher';
import { agreedGuardian, buildSession } from '../test-support/organisation';
import { buildTestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('telling a family someone was added to it ($name)', (database) => {
  const ctx = useTestApp(database);

  it("mails the child's other guardians and every admin, never the inviter, and audits who was told", async () => {
    const catcher = await startMailCatcher();
    try {
      const t = buildTestApp(ctx().db, { SMTP_URL: catcher.url });
      const built = await buildSession(t);
      const pat = built.guardians['Pat Guardian'];
      const sam = built.studentIds['Sam Student'];
      if (!pat || !sam) throw new Error('sample session has Pat and Sam');
      // Sam's other parent, an admin, a disabled admin, and another family's guardian.
      const alex = await agreedGuardian(t, 'Alex Guardian');
      await t.db
        .insertInto('guardianships')
        .values({ guardian_user_id: alex.userId, student_id: sam, created_at: t.clock.now.toISOString() })
        .execute();
      const admin = await signedInAs(t, 'admin', 'Ada Admin');
      const gone = await signedInAs(t, 'admin', 'Gil Gone');
      await t.db
        .updateTable('users')
        .set({ disabled_at: t.clock.now.toISOString() })
        .where('id', '=', gone.userId)
        .execute();
      const stranger = await agreedGuardian(t, 'Sol Stranger');

      const res = await asAccount(t, pat, 'POST', `/api/students/${sam}/guardian-invitations`, {
        email: 'robin@example.org',
      });
      expect(res.status).toBe(201);

      const told = (to: string) => catcher.received.filter((m) => m.to.includes(to));
      for (const who of [alex, admin]) {
        const [mail] = told(who.email);
        const text = mail?.raw.replace(/=\r?\n/g, '') ?? '';
        expect(text).toContain(
          'Pat Guardian has invited robin@example.org to register as a parent or guardian',
        );
        expect(text).toContain('Sam Student');
        expect(text).not.toMatch(/^Subject:.*Sam/m);
      }
      for (const who of [pat, gone, stranger]) expect(told(who.email)).toEqual([]);

      const entry = await t.db
        .selectFrom('audit_log')
        .select(['actor_user_id', 'target_id', 'detail'])
        .where('action', '=', 'guardian.added_notice')
        .executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ actor_user_id: pat.userId, target_id: sam });
      expect(JSON.parse(entry.detail).notifiedUserIds.sort()).toEqual([admin.userId, alex.userId].sort());

      // An admin adding a guardian is the organisation's own act: nobody is mailed about it.
      const before = catcher.received.length;
      await asAccount(t, admin, 'POST', `/api/students/${sam}/guardian-invitations`, {
        email: 'casey@example.org',
      });
      expect(catcher.received.length).toBe(before + 1);
    } finally {
      await catcher.close();
    }
  });
});
