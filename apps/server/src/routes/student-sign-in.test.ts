/** A child's own sign-in, given by their guardian after the child was already picked for sessions. */
import type { InvitationCreated, InvitationPreview, MySessionList, StudentList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { acceptLink, asAccount } from '../test-support/accounts';
import { buildSession } from '../test-support/organisation';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

describe.each(testDatabases)("a child's own sign-in ($name)", (database) => {
  const ctx = useTestApp(database);

  it('names the child on the welcome page, and the new sign-in sees the sessions they were picked for', async () => {
    const t = ctx();
    const { created, guardians, studentIds } = await buildSession(t);
    const pat = guardians['Pat Guardian'];
    const sam = studentIds['Sam Student'];
    if (!pat || !sam) throw new Error('sample session has Pat and Sam');
    const before = (await (await asAccount(t, pat, 'GET', '/api/me/students')).json()) as StudentList;
    expect(before.students).toMatchObject([{ id: sam, hasSignIn: false }]);

    const res = await asAccount(t, pat, 'POST', `/api/students/${sam}/invitations`, {
      email: 'sam@example.org',
    });
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as InvitationCreated;
    const preview = (await (
      await t.app.request(`/api/invitations/${tokenOf(link ?? '')}`)
    ).json()) as InvitationPreview;
    expect(preview).toMatchObject({
      kind: 'student',
      role: 'student',
      invitedBy: 'Pat Guardian',
      additionalGuardian: false,
      children: [{ id: sam, name: 'Sam Student', minor: true }],
    });

    const samAccount = await acceptLink(t, link ?? '', 'Sam Student', 'student');
    const mine = (await (await asAccount(t, samAccount, 'GET', '/api/me/sessions')).json()) as MySessionList;
    expect(mine.sessions).toMatchObject([{ sessionId: created.sessionId, role: 'student', refusal: null }]);
    expect(mine.sessions[0]?.joinUrl).toMatch(/\/join\//);
    expect((await asAccount(t, samAccount, 'GET', `/api/sessions/${created.sessionId}`)).status).toBe(200);

    const after = (await (await asAccount(t, pat, 'GET', '/api/me/students')).json()) as StudentList;
    expect(after.students).toMatchObject([{ id: sam, hasSignIn: true }]);
    const again = await asAccount(t, pat, 'POST', `/api/students/${sam}/invitations`, {
      email: 'sam2@example.org',
    });
    expect(again.status).toBe(409);
  });
});
